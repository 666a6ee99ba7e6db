import { pick, type Language } from '../checks/language.js';
import type { Finding } from '../report/schemas.js';
import { describePlace, type Lines } from './describe-place.js';
import type { Style } from './style.js';

/** Findings as a list: "✖ message", then its check id and where it is as printed (row, column, line). */
export function renderFindings(findings: readonly Finding[], style: Style, language: Language, lines?: Lines): string {
  if (findings.length === 0) return style.green(pick(language, '✔ 未发现问题', '✔ no findings'));
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const header = pick(
    language,
    `发现 ${findings.length} 个问题（错误 ${errors}，警告 ${findings.length - errors}）：`,
    `${findings.length} finding(s) (${errors} error, ${findings.length - errors} warning):`,
  );
  const output = [style.bold(header)];
  for (const finding of findings) {
    const icon = finding.severity === 'error' ? style.red('✖') : style.yellow('⚠');
    output.push(`${icon} ${finding.message}`);
    output.push(style.dim(`    ${finding.id} · ${describePlace(finding, language, lines)}`));
    if (finding.suggestion) output.push(style.green(`    ↳ ${finding.suggestion.message}`));
  }
  return output.join('\n');
}
