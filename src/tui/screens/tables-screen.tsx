import { Box, Text } from 'ink';
import { tableRowName } from '../../checks/table-rows.js';
import type { Decisions } from '../../label/review.js';
import { padEnd, padStart, truncate } from '../../render/display-width.js';
import type { Result } from '../../report/schemas.js';
import { decisionMark, type ViewCell, type ViewRow } from '../items.js';
import { opens, type KeyPress } from '../keys.js';
import type { Session } from '../session.js';
import { useWords } from '../words.js';
import { selected, windowOf } from './layout.js';
import { moveKeys } from './move.js';
import { reportActionKeys } from './report-actions.js';

// Each cell right-aligned in 7 columns, one of them always a space: a long number never runs into the next.
const CELL_WIDTH = 7;

/** A cell's value as the grid shows it: 空 for a blank, ✗ before a flagged one, the decision after. */
export function cellText(cell: ViewCell, decisions: Decisions | undefined): string {
  return `${cell.flags.length > 0 ? '✗' : ''}${cell.value ?? '空'}${decisionMark(decisions?.get(cell.key))}`;
}

function rowLine(row: ViewRow, decisions: Decisions | undefined, labelWidth: number): string {
  return `${padEnd(truncate(tableRowName(row), labelWidth), labelWidth)}${row.cells.map((cell) => ` ${padStart(cellText(cell, decisions), CELL_WIDTH - 1)}`).join('')}`;
}

/** Enter opens a row's cells; t, a and s as on the report. */
export function tablesKeys(input: string, key: KeyPress, session: Session): void {
  const { open, view } = session;
  if (!open) return;
  if (moveKeys(input, key, session, open.rows.length)) return;
  if (opens(key) && open.rows[view.cursor]) return session.go({ name: 'row', entry: open.index, row: view.cursor }, 0);
  reportActionKeys(input, session, undefined);
}

export function TablesScreen(props: { result: Result; rows: readonly ViewRow[]; decisions: Decisions | undefined; cursor: number; width: number; height: number; color: boolean }) {
  const words = useWords();
  const { start, shown } = windowOf(props.rows, props.cursor, Math.max(3, props.height - 3));
  const flagged = props.rows.reduce((total, row) => total + row.cells.filter((cell) => cell.flags.length > 0).length, 0);
  // A wider terminal gives the row labels the room: at 80 columns they are cut to 24.
  const widest = Math.max(...props.rows.map((row) => row.cells.length), 1);
  const labelWidth = Math.max(24, Math.min(48, props.width - (props.color ? 0 : 2) - widest * CELL_WIDTH));
  return (
    <Box flexDirection="column">
      <Text bold>{truncate(words.tablesTitle(props.result.meta.agency ?? '?', flagged), props.width)}</Text>
      <Text dimColor>{truncate(words.columns(props.rows[props.cursor]?.cells.map((cell) => cell.columnLabel).join(' · ') ?? ''), props.width)}</Text>
      {props.rows.length === 0 ? <Text>{words.noTables(props.result.template.format)}</Text> : null}
      {shown.map((row, offset) => {
        const isSelected = start + offset === props.cursor;
        const hasFlag = row.cells.some((cell) => cell.flags.length > 0);
        return (
          <Text key={start + offset} inverse={props.color && isSelected} color={props.color && hasFlag ? 'red' : undefined}>
            {selected(rowLine(row, props.decisions, labelWidth), isSelected, props.color, props.width)}
          </Text>
        );
      })}
    </Box>
  );
}
