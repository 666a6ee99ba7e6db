import { pick, type Language } from '../checks/language.js';
import type { Finding } from '../report/schemas.js';
import type { Style } from './style.js';

/** Findings as a list, in the style of zod's prettifyError: "✖ message → at path". */
export function renderFindings(findings: readonly Finding[], style: Style, language: Language): string {
  if (findings.length === 0) return style.green(pick(language, '✔ 未发现问题', '✔ no findings'));
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const header = pick(
    language,
    `发现 ${findings.length} 个问题（错误 ${errors}，警告 ${findings.length - errors}）：`,
    `${findings.length} finding(s) (${errors} error, ${findings.length - errors} warning):`,
  );
  const lines = [style.bold(header)];
  for (const finding of findings) {
    const icon = finding.severity === 'error' ? style.red('✖') : style.yellow('⚠');
    const where = finding.spans[0] ? ` [${finding.spans[0].start}–${finding.spans[0].end}]` : '';
    lines.push(`${icon} ${finding.message}`);
    lines.push(style.dim(`    ${finding.id} → at ${finding.path}${where}`));
    if (finding.suggestion) lines.push(style.green(`    ↳ ${finding.suggestion.message}`));
  }
  return lines.join('\n');
}
