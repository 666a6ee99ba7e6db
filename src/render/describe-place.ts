import type { Language } from '../checks/language.js';
import type { Finding, Result } from '../report/schemas.js';
import { SECTION_TITLES, TABLE_NUMBERS, tableNumberOf, TOPIC_NAMES, type SectionKey, type TableKey } from '../report/template.js';

/** Where each character offset of a text is, as a person counts: 第 N 行 (and the PDF page). */
export type Lines = (offset: number) => { readonly line: number; readonly page: number | null };

/** Where each line of a text starts, and the line (from 0) an offset is on. */
export function lineStarts(text: string): { readonly starts: readonly number[]; readonly lineIndexOf: (offset: number) => number } {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  const lineIndexOf = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  return { starts, lineIndexOf };
}

/** Line numbers (from 1) of a document's text, and its pages when it is a PDF. */
export function linesOf(text: string, pages: Result['source']['pages'] = null): Lines {
  const { lineIndexOf } = lineStarts(text);
  return (offset) => {
    const page = pages?.find((candidate) => offset >= candidate.start && offset < candidate.end)?.number ?? null;
    return { line: lineIndexOf(offset) + 1, page };
  };
}

/**
 * Where a finding is, in the words a person reads: the printed row and column of its cell
 * (表三“（七）总计”行“自然人”列), the section, or the topic of the narrative; and its line.
 * The JSON keeps the key and the span.
 */
export function describePlace(finding: Finding, language: Language, lines?: Lines): string {
  const what = describeWhat(finding, language);
  const span = finding.spans[0] ?? finding.cells.find((cell) => cell.span)?.span ?? null;
  if (!lines || !span) return what;
  const { line, page } = lines(span.start);
  const position = language === 'zh' ? `${page === null ? '' : `第 ${page} 页`}第 ${line} 行` : `${page === null ? '' : `page ${page}, `}line ${line}`;
  return `${what} · ${position}`;
}

/** A cell as a person names it: 表三“（七）总计”行“自然人”列. */
export function cellPlace(cell: { readonly path: string; readonly rowLabel: string; readonly columnLabel: string }, language: Language): string {
  const table = tableNumberOf(cell.path);
  return language === 'zh' ? `${table?.zh ?? ''}“${cell.rowLabel}”行“${cell.columnLabel}”列` : `${table?.en ?? ''} “${cell.rowLabel}” / “${cell.columnLabel}”`;
}

function describeWhat(finding: Finding, language: Language): string {
  const [head, topic, ...rest] = finding.path.split('.');
  const first = finding.cells[0];
  if (first) {
    const cell = cellPlace(first, language);
    const more = finding.cells.length - 1;
    if (more === 0) return cell;
    return language === 'zh' ? `${cell}等 ${finding.cells.length} 格` : `${cell} and ${more} more cell(s)`;
  }
  if (head === 'narrative' && topic) {
    const named = TOPIC_NAMES[topic];
    const subject = rest.slice(1).join('.');
    if (language === 'zh') return `正文“${named?.zh ?? topic}”部分${subject ? `：${subject}` : ''}`;
    return `the narrative (${named?.en ?? topic})${subject ? `: ${subject}` : ''}`;
  }
  if (head === 'sections' && topic && topic in SECTION_TITLES) return `“${SECTION_TITLES[topic as SectionKey]}”`;
  // "tables.applications" (the table as a whole) or a path in it.
  const table = head === 'tables' && topic ? TABLE_NUMBERS[topic as TableKey] : head ? tableNumberOf(head) : null;
  if (table) return table[language];
  return finding.path;
}
