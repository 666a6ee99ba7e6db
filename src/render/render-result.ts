import type { Language } from '../checks/language.js';
import { pick } from '../checks/language.js';
import { cellValue } from '../checks/equations.js';
import type { Finding, Result } from '../report/schemas.js';
import { tableLayoutOf, type TableLayout } from '../report/table-layout.js';
import {
  APPLICATION_COLUMNS,
  OUTCOME_COLUMNS,
  OUTCOME_LABELS,
  REVIEW_GROUP_LABELS,
  REVIEW_GROUPS,
  SECTION_KEYS,
  SECTION_TITLES,
} from '../report/template.js';
import { padEnd, padStart, truncate } from './display-width.js';
import { renderNarrative } from './render-narrative.js';
import type { Style } from './style.js';
import type { Lines } from './describe-place.js';
import { renderCheck } from './render-check.js';

type Mark = 'error' | 'warning';

// Table 3's applicant columns: the printed names where the width allows, two characters where not.
const SHORT_COLUMNS = ['自然人', '商业企业', '科研机构', '公益组织', '法律服务', '其他', '总计'];
const NARROW_COLUMNS = ['自然人', '企业', '科研', '公益', '法律', '其他', '总计'];
const NARROW_OUTCOMES: Record<(typeof OUTCOME_COLUMNS)[number], string> = { upheld: '维持', corrected: '纠正', other: '其他', pending: '未审结', total: '总计' };
// Table 2's column headers, short enough for a cell.
const SHORT_ACTIVE_COLUMNS: Readonly<Record<string, string>> = {
  issued: '制发',
  repealed: '废止',
  inForce: '现行有效',
  decisions: '处理决定数',
  amountWanYuan: '金额(万元)',
  newlyMade: '新制作',
  newlyPublished: '新公开',
  totalPublished: '公开总数',
  previousYear: '上一年',
  change: '增/减',
  projects: '采购项目',
  amountYuan: '金额(元)',
};
/**
 * How wide the tables are drawn: a terminal of 80 columns (the least) fits table 3's seven cells
 * of 8 with a 24-column label; a wider one gives the labels the room (up to 34) and the cells 9.
 */
type Widths = { readonly label: number; readonly cell: number; readonly narrow: boolean };

function widthsFor(width: number): Widths {
  const cell = width >= 100 ? 9 : 8;
  const label = Math.max(16, Math.min(34, width - 7 * cell - 1));
  return { label, cell, narrow: cell * 7 + 34 > width };
}

/** A person-readable rendering of one result: meta, sections, the tables with flagged cells, findings. */
export function renderResult(result: Result, style: Style, language: Language, lines?: Lines, width = 80): string {
  const marks = flaggedCells(result.findings);
  const widths = widthsFor(width);
  const output: string[] = [];
  const title = [result.meta.agency ?? pick(language, '（未识别机关）', '(agency not found)'), result.meta.year ?? '?'].join(' · ');
  output.push(style.bold(`${title}  ${style.dim(result.source.path)}`));
  output.push(style.dim(`${result.template.reason} · ${result.source.encoding} · ${result.source.characters} ${pick(language, '字', 'characters')}`));
  output.push(renderSections(result, style, language));
  const layout = tableLayoutOf(result.template.format);
  if (layout) {
    output.push('', ...renderActiveDisclosure(result, layout, marks, style, widths));
    output.push('', ...renderApplications(result, layout, marks, style, widths));
    output.push('', ...renderReviewLitigation(result, marks, style, widths));
    output.push(
      style.dim(
        pick(
          language,
          '  ! 违反勾稽关系  ? 见下方问题  · 空白  ~ 数字粘连或缺格，由行合计唯一确定',
          '  ! broken rule  ? see the findings  · blank  ~ glued digits or dropped blanks, placed by the row sum',
        ),
      ),
    );
  }
  const narrative = renderNarrative(result.narrative, style, language);
  if (narrative.length > 0) output.push('', ...narrative);
  output.push('', renderCheck(result, style, language, lines));
  return output.join('\n');
}

function renderSections(result: Result, style: Style, language: Language): string {
  const parts = SECTION_KEYS.map((key) => {
    const found = result.sections.some((section) => section.key === key);
    const numeral = SECTION_TITLES[key].slice(0, 1);
    return found ? style.green(`${numeral}✓`) : style.red(`${numeral}✗`);
  });
  return `${pick(language, '章节', 'Sections')}: ${parts.join(' ')}`;
}

function flaggedCells(findings: readonly Finding[]): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  for (const finding of findings) {
    for (const cell of finding.cells) {
      if (marks.get(cell.path) !== 'error') marks.set(cell.path, finding.severity);
    }
  }
  return marks;
}

function renderCell(result: Result, path: string, marks: Map<string, Mark>, style: Style, cellWidth: number): string {
  const value = cellValue(result.tables, path);
  const mark = marks.get(path);
  const text = value === null || value === undefined ? '·' : String(value);
  if (mark === 'error') return style.red(padStart(`${text}!`, cellWidth));
  if (mark === 'warning' || value === null) return style.yellow(padStart(`${text}${mark ? '?' : ' '}`, cellWidth));
  if (result.cells[path]?.placement === 'recovered') return padStart(`${text}~`, cellWidth);
  return padStart(`${text} `, cellWidth);
}

function renderActiveDisclosure(result: Result, layout: TableLayout, marks: Map<string, Mark>, style: Style, widths: Widths): string[] {
  const lines = [style.bold('表二 主动公开政府信息情况')];
  if (!result.tables.activeDisclosure) return [...lines, style.red('  （未找到）')];
  let header = '';
  for (const row of layout.activeDisclosure) {
    // Each group of rows under its own header, as printed: 制发/废止/现行有效 over 规章 and 规范性文件,
    // 处理决定数 over 行政许可…, the amount over 收费 (the 2019 template has a header per group too).
    // Three columns at most: room for the printed headers (现行有效, 金额(万元)).
    const cellWidth = widths.cell + 3;
    const rowHeader = row.columns.map((column) => padStart(SHORT_ACTIVE_COLUMNS[column] ?? column, cellWidth)).join('');
    if (rowHeader !== header) lines.push(style.dim(padEnd('', widths.label) + rowHeader));
    header = rowHeader;
    const cells = row.columns.map((column) => renderCell(result, `activeDisclosure.${row.path}.${column}`, marks, style, cellWidth));
    lines.push(padEnd(`  ${truncate(row.label, widths.label - 3)}`, widths.label) + cells.join(''));
  }
  return lines;
}

function renderApplications(result: Result, layout: TableLayout, marks: Map<string, Mark>, style: Style, widths: Widths): string[] {
  const lines = [style.bold('表三 收到和处理政府信息公开申请情况')];
  if (!result.tables.applications) return [...lines, style.red('  （未找到）')];
  const headers = widths.narrow ? NARROW_COLUMNS : SHORT_COLUMNS;
  lines.push(style.dim(padEnd('', widths.label) + headers.map((label) => padStart(label, widths.cell)).join('')));
  for (const row of layout.applications) {
    const cells = APPLICATION_COLUMNS.map((column) => renderCell(result, `applications.${row.path}.${column}`, marks, style, widths.cell));
    lines.push(padEnd(`  ${truncate(row.label, widths.label - 3)}`, widths.label) + cells.join(''));
  }
  return lines;
}

function renderReviewLitigation(result: Result, marks: Map<string, Mark>, style: Style, widths: Widths): string[] {
  const lines = [style.bold('表四 行政复议、行政诉讼情况')];
  if (!result.tables.reviewLitigation) return [...lines, style.red('  （未找到）')];
  lines.push(style.dim(padEnd('', widths.label) + OUTCOME_COLUMNS.map((column) => padStart((widths.narrow ? NARROW_OUTCOMES : OUTCOME_LABELS)[column], widths.cell)).join('')));
  for (const group of REVIEW_GROUPS) {
    const cells = OUTCOME_COLUMNS.map((column) => renderCell(result, `reviewLitigation.${group}.${column}`, marks, style, widths.cell));
    lines.push(padEnd(`  ${truncate(REVIEW_GROUP_LABELS[group], widths.label - 3)}`, widths.label) + cells.join(''));
  }
  return lines;
}
