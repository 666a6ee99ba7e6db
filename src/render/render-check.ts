import { pick, type Language } from '../checks/language.js';
import type { Result } from '../report/schemas.js';
import { checkCoverage } from './check-coverage.js';
import type { Lines } from './describe-place.js';
import { renderFindings } from './render-findings.js';
import type { Style } from './style.js';

/** The findings of a report, with what could not be checked said where "no findings" would mislead. */
export function renderCheck(result: Result, style: Style, language: Language, lines?: Lines): string {
  const coverage = checkCoverage(result, language);
  const reasons = coverage.reasons.join(pick(language, '；', '; '));
  if (coverage.extent === 'full') return renderFindings(result.findings, style, language, lines);
  const said = coverage.extent === 'none' ? pick(language, `⊘ 未检查：${reasons}`, `⊘ not checked: ${reasons}`) : pick(language, `◐ 部分检查：${reasons}`, `◐ partly checked: ${reasons}`);
  if (coverage.extent === 'none' && result.findings.length === 0) return style.yellow(said);
  const findings = renderFindings(result.findings, style, language, lines);
  // "✔ 未发现问题" of a partial check is only about what was checked.
  const head = result.findings.length === 0 ? style.green(pick(language, '✔ 已检查的部分未发现问题', '✔ no findings in what was checked')) : findings;
  return `${head}\n${style.yellow(said)}`;
}

/** One line over many reports: how many have errors, warnings only, nothing, or were not (fully) checked. */
export function renderCheckSummary(results: readonly Result[], unreadable: number, language: Language): string {
  let errors = 0;
  let warnings = 0;
  let clean = 0;
  let partial = 0;
  let unchecked = 0;
  for (const result of results) {
    const extent = checkCoverage(result, language).extent;
    if (result.findings.some((finding) => finding.severity === 'error')) errors += 1;
    else if (result.findings.length > 0) warnings += 1;
    else if (extent === 'full') clean += 1;
    if (extent === 'partial') partial += 1;
    if (extent === 'none') unchecked += 1;
  }
  const total = results.length + unreadable;
  return pick(
    language,
    `共 ${total} 个文件：${errors} 份有错误，${warnings} 份只有警告，${clean} 份未发现问题；${partial} 份只检查了一部分，${unchecked} 份未能检查，${unreadable} 个无法读取`,
    `${total} file(s): ${errors} with errors, ${warnings} with warnings only, ${clean} without findings; ${partial} partly checked, ${unchecked} not checked, ${unreadable} unreadable`,
  );
}
