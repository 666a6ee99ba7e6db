import { Box, Text } from 'ink';
import { displayWidth, truncate } from '../../render/display-width.js';
import type { TuiWords } from '../../messages/tui.js';
import type { Span } from '../../report/schemas.js';
import type { Item } from '../items.js';
import type { KeyPress } from '../keys.js';
import type { OpenReport, Session } from '../session.js';
import { firstShownRow, sourceRows, type SourceRow } from '../source-rows.js';
import { useWords } from '../words.js';
import { gutterOf, SourceRowsView } from './source-rows-view.js';

const MAX_CELL_LINES = 4;

/** The source screen's parts at a width and height: the heading (which stays), the rows and how many fit. */
export type SourceLayout = { readonly title: string; readonly cells: readonly string[]; readonly rows: readonly SourceRow[]; readonly room: number; readonly firstMark: number; readonly page: number | null };

function spansOf(item: Item): Span[] {
  if (item.kind === 'number') return item.span ? [item.span] : [];
  if (item.kind !== 'finding') return [];
  const spans = [...item.finding.spans, ...item.finding.cells.flatMap((cell) => (cell.span ? [cell.span] : []))];
  return spans.filter((span, index) => spans.findIndex((other) => other.start === span.start && other.end === span.end) === index);
}

export function sourceLayout(open: OpenReport, item: Item, words: TuiWords, width: number, height: number, color: boolean): SourceLayout {
  const title =
    item.kind === 'finding'
      ? `${item.finding.id}: ${item.finding.message}`
      : item.kind === 'number'
        ? `${item.label} = ${item.value}${item.grounded ? '' : words.quoteNotFound}`
        : `${item.label} = ${item.value ?? '?'}`;
  const cells = item.kind === 'finding' ? item.finding.cells.map((cell) => `  ${cell.rowLabel} / ${cell.columnLabel} = ${cell.value ?? words.blank}`) : [];
  const shownCells = cells.length > MAX_CELL_LINES ? [...cells.slice(0, MAX_CELL_LINES - 1), `  ${words.moreCells(cells.length - MAX_CELL_LINES + 1)}`] : cells;
  const spans = spansOf(item);
  const rows = open.text === null ? [] : sourceRows(open.text, spans.map((span) => ({ span, selected: true })), { context: 2, width, brackets: !color });
  const titleRows = Math.max(1, Math.ceil(displayWidth(title) / width));
  const room = Math.max(3, height - titleRows - shownCells.length - 1);
  const firstMark = firstShownRow(rows, room);
  const first = spans[0];
  const page = first ? (open.read.source.pages?.find((candidate) => first.start >= candidate.start && first.start < candidate.end)?.number ?? null) : null;
  return { title, cells: shownCells, rows, room, firstMark, page };
}

/** The first row shown: the cursor once scrolled, else the first mark's line; never past the end. */
export function scrollOf(layout: SourceLayout, cursor: number): number {
  const wanted = cursor < 0 ? layout.firstMark : cursor;
  return Math.max(0, Math.min(wanted, layout.rows.length - layout.room));
}

/** ↑↓ (k/j) scroll a row, PgUp/PgDn (space) a screenful; the heading stays. */
export function sourceKeys(input: string, key: KeyPress, session: Session): void {
  const { open, view } = session;
  if (!open || view.screen.name !== 'source') return;
  const item = open.items[view.screen.item];
  if (!item) return;
  const layout = sourceLayout(open, item, session.words, session.width, session.bodyHeight, true);
  const page = Math.max(1, layout.room - 2);
  const step = key.upArrow || input === 'k' ? -1 : key.downArrow || input === 'j' ? 1 : key.pageUp ? -page : key.pageDown || input === ' ' ? page : 0;
  if (step !== 0) session.setCursor(scrollOf(layout, scrollOf(layout, view.cursor) + step));
}

const lineAt = (rows: readonly SourceRow[], at: number) => {
  const row = rows.at(at);
  return row?.kind === 'line' ? row.line : (rows.at(at < 0 ? at - 1 : at + 1) as { line?: number } | undefined)?.line ?? 0;
};

export function SourceScreen(props: { open: OpenReport; item: Item; cursor: number; problem: string | null; width: number; height: number; color: boolean }) {
  const words = useWords();
  const layout = sourceLayout(props.open, props.item, words, props.width, props.height, props.color);
  const scroll = scrollOf(layout, props.cursor);
  const shown = layout.rows.slice(scroll, scroll + layout.room);
  return (
    <Box flexDirection="column" width={props.width}>
      <Text bold wrap="wrap">
        {layout.title}
      </Text>
      {layout.cells.map((line) => (
        <Text key={line}>{truncate(line, props.width)}</Text>
      ))}
      {props.problem ? <Text color="red">{props.problem}</Text> : null}
      {props.open.text === null && !props.problem ? <Text dimColor>{words.readingSource}</Text> : null}
      {props.open.text !== null && layout.rows.length === 0 ? <Text dimColor>{words.notInText}</Text> : null}
      {layout.rows.length > 0 ? (
        <>
          <Text dimColor>{truncate(words.shownLines(lineAt(shown, 0), lineAt(shown, -1), props.open.lineCount, layout.page), props.width)}</Text>
          <SourceRowsView rows={shown} gutter={gutterOf(layout.rows)} color={props.color} />
        </>
      ) : null}
    </Box>
  );
}
