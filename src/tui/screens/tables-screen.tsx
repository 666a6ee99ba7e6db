import { Box, Text } from 'ink';
import { tableRowName } from '../../checks/table-rows.js';
import type { Decisions } from '../../label/review.js';
import { padEnd, padStart, truncate } from '../../render/display-width.js';
import type { Result } from '../../report/schemas.js';
import { decisionMark, type ViewCell, type ViewRow } from '../items.js';
import { selected, windowOf } from './layout.js';
import { useWords } from '../words.js';

const LABEL_WIDTH = 24;

/** A cell's value as the grid shows it: 空 for a blank, ✗ before a flagged one, the decision after. */
export function cellText(cell: ViewCell, decisions: Decisions | undefined): string {
  return `${cell.flags.length > 0 ? '✗' : ''}${cell.value ?? '空'}${decisionMark(decisions?.get(cell.key))}`;
}

function rowLine(row: ViewRow, decisions: Decisions | undefined): string {
  return `${padEnd(truncate(tableRowName(row), LABEL_WIDTH), LABEL_WIDTH)}${row.cells.map((cell) => padStart(cellText(cell, decisions), 7)).join('')}`;
}

export function TablesScreen(props: { result: Result; rows: readonly ViewRow[]; decisions: Decisions | undefined; cursor: number; width: number; height: number; color: boolean }) {
  const words = useWords();
  const { start, shown } = windowOf(props.rows, props.cursor, Math.max(3, props.height - 3));
  const flagged = props.rows.reduce((total, row) => total + row.cells.filter((cell) => cell.flags.length > 0).length, 0);
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
            {selected(rowLine(row, props.decisions), isSelected, props.color, props.width)}
          </Text>
        );
      })}
    </Box>
  );
}
