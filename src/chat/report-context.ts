import { rowCells, rowValuesText, tableRowName, tableRowsOf } from '../checks/table-rows.js';
import { listNumbers } from '../report/map-numbers.js';
import type { Result } from '../report/schemas.js';
import { tableLayoutOf } from '../report/table-layout.js';

// Reports run to 10–30 000 characters; a longer document (a PDF with annexes) is cut so the
// question and the extracted result still fit a 32k-token context.
const MAX_REPORT_CHARACTERS = 40_000;

/** The report as the model sees it: the text, then what nianbao read from it and what it found. */
export function reportContext(result: Result, text: string): string {
  const shown = text.length > MAX_REPORT_CHARACTERS ? `${text.slice(0, MAX_REPORT_CHARACTERS)}\n[……后文省略 / the rest is cut]` : text;
  return [
    '## 报告原文 / report text',
    shown,
    '',
    '## 抽取结果 / extracted result',
    `机关 agency: ${result.meta.agency ?? '未知'} · 年度 year: ${result.meta.year ?? '未知'} · 格式 template: ${result.template.format}`,
    ...tableLines(result),
    ...narrativeLines(result),
    '',
    '## 发现 / findings',
    ...(result.findings.length === 0 ? ['（无 / none）'] : result.findings.map((finding) => `${finding.severity === 'error' ? '错误' : '提示'} ${finding.id}: ${finding.message}`)),
  ].join('\n');
}

function tableLines(result: Result): string[] {
  const layout = tableLayoutOf(result.template.format);
  if (!layout) return ['表格：未读取（not a 2019 or 2021 template）'];
  return tableRowsOf(layout.format).map((row) => `${tableRowName(row)}: ${rowValuesText(rowCells(row, result.tables, result.cells))}`);
}

function narrativeLines(result: Result): string[] {
  if (!result.narrative) return [];
  return [
    '正文数字 / numbers stated in the text:',
    ...listNumbers(result.narrative.facts).map(({ path, number }) => `${path} = ${number.value} “${number.quote}”${number.grounded ? '' : '（原文中未找到此引文）'}`),
  ];
}
