import { Box, Text } from 'ink';
import { tableRowName } from '../../checks/table-rows.js';
import { cellKey, type Decisions } from '../../label/review.js';
import { cellPlace } from '../../render/describe-place.js';
import { padEnd, truncate } from '../../render/display-width.js';
import type { Finding } from '../../report/schemas.js';
import type { ViewCell, ViewRow } from '../items.js';
import type { KeyPress } from '../keys.js';
import type { OpenReport, Session, Target } from '../session.js';
import { firstShownRow, sourceRows } from '../source-rows.js';
import { useWords } from '../words.js';
import { cellText } from './tables-screen.js';
import { selected } from './layout.js';
import { moveKeys } from './move.js';
import { reportActionKeys } from './report-actions.js';
import { gutterOf, SourceRowsView } from './source-rows-view.js';

/** The table.ambiguousRow finding of a line, whose candidates give a value to each of its cells. */
export function ambiguityOf(open: OpenReport, row: ViewRow): Finding | undefined {
  const paths = new Set(row.cells.map((cell) => cell.path));
  return open.read.findings.find((finding) => finding.id === 'table.ambiguousRow' && (finding.candidates?.length ?? 0) > 0 && finding.cells.length > 0 && finding.cells.every((cell) => paths.has(cell.path)));
}

const valuesText = (values: readonly (number | null)[]) => values.map((value) => value ?? '空').join('/');

export const cellTarget = (cell: ViewCell, session: Session): Target => ({
  key: cell.key,
  label: cellPlace({ path: cell.path, rowLabel: cell.rowLabel, columnLabel: cell.fullColumnLabel }, session.language),
  kind: 'cell',
});

/** c, e, u on the selected cell; 1–9 picks a candidate reading of an ambiguous row (with a reason). */
export function rowKeys(input: string, key: KeyPress, session: Session): void {
  const { open, view, words } = session;
  if (!open || view.screen.name !== 'row') return;
  const row = open.rows[view.screen.row];
  if (!row) return;
  if (moveKeys(input, key, session, row.cells.length)) return;
  if (/^[1-9]$/.test(input)) {
    const ambiguity = ambiguityOf(open, row);
    if (!ambiguity) return;
    const candidates = ambiguity.candidates ?? [];
    const number = Number(input);
    const values = candidates[number - 1];
    if (!values) return session.say(words.noSuchCandidate(candidates.length));
    const name = tableRowName(row);
    return session.prompt({
      label: words.whyCandidate(number, valuesText(values)),
      submit: (typed) => {
        const reason = typed.trim();
        if (!reason) return session.say(words.pickNeedsReason);
        // A pick is an edit of every cell of the row, each with the reason and the reading picked.
        const because = `${words.picked(name, number)}（${valuesText(values)}）：${reason}`;
        session.decide(
          ambiguity.cells.map((cell, index) => [cellKey(cell.path), { kind: 'edited', value: values[index] ?? null, reason: because }] as const),
          words.picked(name, number),
        );
      },
    });
  }
  const cell = row.cells[view.cursor];
  reportActionKeys(input, session, cell ? cellTarget(cell, session) : undefined);
}

/** One row's cells with the labels the report printed, its candidate readings, and its source line(s) with every cell marked. */
export function RowScreen(props: { open: OpenReport; row: ViewRow; decisions: Decisions | undefined; cursor: number; problem: string | null; width: number; height: number; color: boolean }) {
  const words = useWords();
  const { open, row } = props;
  const ambiguity = ambiguityOf(open, row);
  const candidates = ambiguity?.candidates ?? [];
  const spans = row.cells.flatMap((cell, index) => (cell.source?.span ? [{ span: cell.source.span, selected: index === props.cursor }] : []));
  const ambiguousSpan = ambiguity?.spans[0];
  const rows = open.text === null ? [] : sourceRows(open.text, spans.length > 0 ? spans : ambiguousSpan ? [{ span: ambiguousSpan, selected: true }] : [], { context: 0, width: props.width, brackets: !props.color });
  const room = Math.max(2, props.height - 2 - row.cells.length - (candidates.length > 0 ? Math.min(candidates.length, 9) + 1 : 0));
  const cell = row.cells[props.cursor];
  return (
    <Box flexDirection="column" width={props.width}>
      <Text bold>{truncate(tableRowName(row), props.width)}</Text>
      {row.cells.map((each, index) => {
        const printed = each.source ? words.printedUnder(each.source.raw, each.source.columnLabel, each.source.placement === 'recovered') : words.notPrinted;
        const line = `${padEnd(truncate(each.columnLabel, 18), 18)} ${padEnd(cellText(each, props.decisions), 9)} ${each.flags.join(' ') || printed}`;
        return (
          <Text key={each.key} inverse={props.color && index === props.cursor} color={props.color && each.flags.length > 0 ? 'red' : undefined}>
            {selected(line, index === props.cursor, props.color, props.width)}
          </Text>
        );
      })}
      {candidates.length > 0 ? <Text>{truncate(words.candidates, props.width)}</Text> : null}
      {candidates.slice(0, 9).map((values, index) => (
        <Text key={index}>{truncate(words.candidate(index + 1, valuesText(values)), props.width)}</Text>
      ))}
      {props.problem ? <Text color="red">{props.problem}</Text> : null}
      {rows.length > 0 ? <SourceRowsView rows={rows.slice(firstShownRow(rows, room), firstShownRow(rows, room) + room)} gutter={gutterOf(rows)} color={props.color} /> : null}
      {open.text !== null && cell && !cell.source?.span && !ambiguousSpan ? <Text dimColor>{words.cellNotInText}</Text> : null}
    </Box>
  );
}
