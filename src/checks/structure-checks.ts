import type { Finding } from '../report/schemas.js';
import { SECTION_KEYS, SECTION_TITLES, TABLE_TITLES } from '../report/template.js';
import type { CheckInput } from './check-input.js';
import { createFinding } from './create-finding.js';
import { pick } from './language.js';

/** structure.missingSection: one of the six sections has no heading. */
export function checkSections(input: CheckInput): Finding[] {
  return SECTION_KEYS.filter((key) => !input.sections.some((section) => section.key === key)).map((key) =>
    createFinding({
      id: 'structure.missingSection',
      severity: 'error',
      path: `sections.${key}`,
      message: pick(
        input.language,
        `缺少第${SECTION_TITLES[key].slice(0, 1)}部分“${SECTION_TITLES[key].slice(2)}”：报告中找不到这一节的标题`,
        `section ${key} (“${SECTION_TITLES[key]}”) is missing: no heading for it was found`,
      ),
    }),
  );
}

/** structure.tableShape: a standard table is absent, or rows are missing or left over. */
export function checkTableShapes(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const parse of input.parses) {
    const title = TABLE_TITLES[parse.key];
    const missing = parse.rows.filter((row) => row.reading === null);
    if (parse.region === null || missing.length === parse.rows.length) {
      findings.push(
        createFinding({
          id: 'structure.tableShape',
          severity: 'error',
          path: `tables.${parse.key}`,
          message: pick(
            input.language,
            `找不到“${title}”统计表`,
            `the “${title}” table (${parse.key}) was not found`,
          ),
          spans: parse.region ? [parse.region] : [],
        }),
      );
      continue;
    }
    if (missing.length === 0 && parse.leftovers.length === 0) continue;
    const labels = missing.map((row) => row.template.label);
    const parts = [
      missing.length > 0 ? pick(input.language, `缺少 ${missing.length} 行：${labels.join('；')}`, `${missing.length} row(s) not found: ${labels.join('; ')}`) : '',
      parse.leftovers.length > 0 ? pick(input.language, `另有 ${parse.leftovers.length} 处数字无法对应到任何行`, `${parse.leftovers.length} run(s) of numbers belong to no row`) : '',
    ].filter(Boolean);
    findings.push(
      createFinding({
        id: 'structure.tableShape',
        severity: 'error',
        path: `tables.${parse.key}`,
        message: pick(input.language, `“${title}”表无法完整对应到模板：`, `the “${title}” table does not fit the template: `) + parts.join(pick(input.language, '；', '; ')),
        spans: parse.leftovers.length > 0 ? [...parse.leftovers] : parse.region ? [parse.region] : [],
      }),
    );
  }
  return findings;
}
