import { pick, type Language } from '../checks/language.js';
import type { Finding } from '../report/schemas.js';
import { describePlace, type Lines } from './describe-place.js';
import type { Style } from './style.js';
import { tableNumberOf } from '../report/template.js';

// Warnings of one kind that a table raises row after row (a table printed without a column):
// from this many on they are one line with the count and the rows.
const GROUPED = new Set(['table.missingCell']);
const GROUP_FROM = 3;
const LISTED_ROWS = 6;

type Block =
  | { readonly kind: 'one'; readonly finding: Finding }
  | { readonly kind: 'rows'; readonly findings: readonly Finding[] }
  | { readonly kind: 'cell'; readonly findings: readonly Finding[] };

/**
 * Findings as a list: "✖ message", then its check id and where it is as printed (row, column,
 * line). A wrong cell that breaks several rules comes first as that cell, its broken rules under
 * it; many identical warnings of one table are one line.
 */
export function renderFindings(findings: readonly Finding[], style: Style, language: Language, lines?: Lines): string {
  if (findings.length === 0) return style.green(pick(language, '✔ 未发现问题', '✔ no findings'));
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const header = pick(
    language,
    `发现 ${findings.length} 个问题（错误 ${errors}，警告 ${findings.length - errors}）：`,
    `${findings.length} finding(s) (${errors} error, ${findings.length - errors} warning):`,
  );
  const output = [style.bold(header)];
  for (const block of blocksOf(findings)) {
    if (block.kind === 'one') output.push(...renderOne(block.finding, style, language, lines));
    else if (block.kind === 'cell') output.push(...renderCell(block.findings, style, language, lines));
    else output.push(...renderRows(block.findings, style, language, lines));
  }
  return output.join('\n');
}

function blocksOf(findings: readonly Finding[]): Block[] {
  const bySuggestion = new Map<string, Finding[]>();
  const byId = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.suggestion) push(bySuggestion, finding.suggestion.path, finding);
    else if (GROUPED.has(finding.id)) push(byId, `${finding.id} ${finding.severity}`, finding);
  }
  const blocks: Block[] = [];
  const placed = new Set<Finding>();
  for (const finding of findings) {
    if (placed.has(finding)) continue;
    const sameCell = finding.suggestion ? bySuggestion.get(finding.suggestion.path)! : [];
    const sameKind = GROUPED.has(finding.id) && !finding.suggestion ? byId.get(`${finding.id} ${finding.severity}`)! : [];
    const group = sameCell.length >= 2 ? sameCell : sameKind.length >= GROUP_FROM ? sameKind : [finding];
    for (const member of group) placed.add(member);
    blocks.push(group.length === 1 ? { kind: 'one', finding } : { kind: sameCell.length >= 2 ? 'cell' : 'rows', findings: group });
  }
  return blocks;
}

function push<Key, Value>(map: Map<Key, Value[]>, key: Key, value: Value): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function icon(finding: Finding, style: Style): string {
  return finding.severity === 'error' ? style.red('✖') : style.yellow('⚠');
}

function renderOne(finding: Finding, style: Style, language: Language, lines?: Lines): string[] {
  const output = [`${icon(finding, style)} ${finding.message}`, style.dim(`    ${finding.id} · ${describePlace(finding, language, lines)}`)];
  if (finding.suggestion) output.push(style.green(`    ↳ ${finding.suggestion.message}`));
  return output;
}

/** One cell, several broken rules: the cell and its likely value first, then each rule. */
function renderCell(findings: readonly Finding[], style: Style, language: Language, lines?: Lines): string[] {
  const suggestion = findings[0]!.suggestion!;
  const cell = findings.flatMap((finding) => finding.cells).find((candidate) => candidate.path === suggestion.path);
  const where = cell ? pick(language, `“${cell.rowLabel}”行“${cell.columnLabel}”列`, `“${cell.rowLabel}” / “${cell.columnLabel}”`) : suggestion.path;
  const position = cell?.span && lines ? lines(cell.span.start) : null;
  const line = position ? pick(language, `（${position.page === null ? '' : `第 ${position.page} 页`}第 ${position.line} 行）`, ` (line ${position.line})`) : '';
  const head = pick(
    language,
    `${where}${line}可能有误：它使 ${findings.length} 条勾稽关系不成立`,
    `${where}${line} is likely wrong: it breaks ${findings.length} rules`,
  );
  const output = [`${icon(findings[0]!, style)} ${head}`, style.green(`    ↳ ${suggestion.message}`)];
  for (const finding of findings) {
    output.push(`    · ${finding.message}`);
    output.push(style.dim(`      ${finding.id} · ${describePlace(finding, language, lines)}`));
  }
  return output;
}

/** Many rows with the same warning (cells blank or unreadable): the count, the columns, the rows, their lines. */
function renderRows(findings: readonly Finding[], style: Style, language: Language, lines?: Lines): string[] {
  const rows = findings.map((finding) => finding.cells[0]?.rowLabel ?? finding.path);
  const listed = rows.slice(0, LISTED_ROWS).map((row) => `“${row}”`).join(pick(language, '、', ', '));
  const more = rows.length > LISTED_ROWS ? pick(language, `等 ${rows.length} 行`, ` and ${rows.length - LISTED_ROWS} more`) : '';
  const numbers = lines ? findings.flatMap((finding) => (finding.spans[0] ? [lines(finding.spans[0].start).line] : [])) : [];
  const range = numbers.length > 0 ? pick(language, ` · 第 ${Math.min(...numbers)}–${Math.max(...numbers)} 行`, ` · lines ${Math.min(...numbers)}–${Math.max(...numbers)}`) : '';
  const first = findings[0]!;
  const columnsOf = (finding: Finding) => finding.cells.map((cell) => cell.columnLabel).join(pick(language, '、', ', '));
  const columns = findings.every((finding) => columnsOf(finding) === columnsOf(first)) ? columnsOf(first) : null;
  const { zh, en } = tableNumberOf(first.cells[0]?.path ?? '') ?? { zh: '', en: '' };
  const head = pick(
    language,
    `${zh}有 ${findings.length} 行的单元格空白或无法识别${columns ? `（每行都是：${columns}）` : ''}：不按 0 计`,
    `${findings.length} rows of ${en} have blank or unreadable cells${columns ? ` (in each: ${columns})` : ''}: not counted as 0`,
  );
  return [`${icon(first, style)} ${head}`, style.dim(`    ${first.id} · ${listed}${more}${range}`)];
}
