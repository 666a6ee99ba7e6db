import { lineStarts } from '../render/describe-place.js';
import { displayWidth } from '../render/display-width.js';
import type { Span } from '../report/schemas.js';

/** How a character is shown: plain, marked (a cell or quote of the item), or the selected one. */
export type Mark = 'plain' | 'marked' | 'selected';

export type Piece = { readonly text: string; readonly mark: Mark };

/**
 * One row of the source view, fitted to the terminal: a source line's first row (with its
 * number), a continuation of a long line, or the gap between two excerpts.
 */
export type SourceRow =
  | { readonly kind: 'line'; readonly line: number; readonly first: boolean; readonly pieces: readonly Piece[] }
  | { readonly kind: 'gap' };

export type MarkedSpan = { readonly span: Span; readonly selected?: boolean };

const TAB_STOP = 8;

/**
 * The source lines around the spans, each line once with every span on it marked, wrapped to
 * `width` columns (a gutter with the line number included). Lines within `context` of a span are
 * shown; runs of lines far from every span are left out with a gap row. Tabs are expanded to
 * stops, so table cells stay apart. Pure.
 */
export function sourceRows(text: string, spans: readonly MarkedSpan[], options: { readonly context: number; readonly width: number; readonly brackets?: boolean }): SourceRow[] {
  if (spans.length === 0) return [];
  const { starts, lineIndexOf: lineOf } = lineStarts(text);
  const ranges = spans
    .map(({ span }) => {
      const start = Math.max(0, Math.min(span.start, text.length));
      const end = Math.max(start, Math.min(span.end, text.length));
      return [Math.max(0, lineOf(start) - options.context), Math.min(starts.length - 1, lineOf(Math.max(start, end - 1)) + options.context)] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of ranges) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  const gutter = String(merged.at(-1)![1] + 1).length + 1;
  const contentWidth = Math.max(10, options.width - gutter - 1);
  const markAt = (offset: number): Mark => {
    let mark: Mark = 'plain';
    for (const { span, selected } of spans) {
      if (offset >= span.start && offset < span.end) {
        if (selected) return 'selected';
        mark = 'marked';
      }
    }
    return mark;
  };
  const rows: SourceRow[] = [];
  merged.forEach(([from, to], index) => {
    if (index > 0) rows.push({ kind: 'gap' });
    for (let line = from; line <= to; line += 1) {
      const start = starts[line]!;
      const end = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
      rows.push(...wrapLine(text, start, end, line + 1, contentWidth, markAt, options.brackets ?? false));
    }
  });
  return rows;
}

// Without colours the marks are characters: ⟦selected⟧ and ⟨marked⟩.
const OPEN: Record<Mark, string> = { plain: '', marked: '⟨', selected: '⟦' };
const CLOSE: Record<Mark, string> = { plain: '', marked: '⟩', selected: '⟧' };

function wrapLine(text: string, start: number, end: number, line: number, width: number, markAt: (offset: number) => Mark, brackets: boolean): SourceRow[] {
  const rows: SourceRow[] = [];
  let pieces: Piece[] = [];
  let used = 0;
  let column = 0;
  const push = (shown: string, mark: Mark) => {
    const last = pieces.at(-1);
    if (last && last.mark === mark) pieces[pieces.length - 1] = { text: last.text + shown, mark };
    else pieces.push({ text: shown, mark });
  };
  const breakRow = () => {
    rows.push({ kind: 'line', line, first: rows.length === 0, pieces });
    pieces = [];
    used = 0;
  };
  const put = (shown: string, mark: Mark) => {
    const size = displayWidth(shown);
    if (used + size > width && used > 0) breakRow();
    push(shown, mark);
    used += size;
    column += size;
  };
  let previous: Mark = 'plain';
  for (let offset = start; offset < end; ) {
    const character = String.fromCodePoint(text.codePointAt(offset)!);
    const mark = markAt(offset);
    offset += character.length;
    if (character === '\r') continue;
    if (brackets && mark !== previous) {
      if (previous !== 'plain') put(CLOSE[previous], previous);
      if (mark !== 'plain') put(OPEN[mark], mark);
    }
    previous = mark;
    put(character === '\t' ? ' '.repeat(TAB_STOP - (column % TAB_STOP)) : character, mark);
  }
  if (brackets && previous !== 'plain') put(CLOSE[previous], previous);
  breakRow();
  return rows;
}

/**
 * The row to show first in a window of `room` rows: the first marked line from its numbered row,
 * or, when the mark is deep in a long paragraph, two rows above the mark.
 */
export function firstShownRow(rows: readonly SourceRow[], room: number): number {
  const markRow = Math.max(0, rows.findIndex((row) => row.kind === 'line' && row.pieces.some((piece) => piece.mark !== 'plain')));
  let lineStart = markRow;
  while (lineStart > 0 && rows[lineStart]?.kind === 'line' && !(rows[lineStart] as { first: boolean }).first) lineStart -= 1;
  return markRow - lineStart < room - 2 ? lineStart : Math.max(0, markRow - 2);
}
