import { Box, Text } from 'ink';
import { tableRowName } from '../../checks/table-rows.js';
import type { Decisions } from '../../label/review.js';
import { padEnd, truncate } from '../../render/display-width.js';
import type { Result } from '../../report/schemas.js';
import type { ViewRow } from '../items.js';
import { cellText } from './tables-screen.js';
import { selected } from './layout.js';
import { Excerpts, useSourceText } from './source-screen.js';
import { useWords } from '../words.js';

/** One row's cells, with the labels the report printed; the source line with the selected cell highlighted. */
export function RowScreen(props: { result: Result; row: ViewRow; decisions: Decisions | undefined; cursor: number; loadText: (result: Result) => Promise<string>; width: number; color: boolean }) {
  const words = useWords();
  const { text, problem } = useSourceText(props.result, props.loadText);
  const cell = props.row.cells[props.cursor];
  const span = cell?.source?.span;
  return (
    <Box flexDirection="column" width={props.width}>
      <Text bold>{truncate(tableRowName(props.row), props.width)}</Text>
      {props.row.cells.map((each, index) => {
        const printed = each.source ? words.printedUnder(each.source.raw, each.source.columnLabel, each.source.placement === 'recovered') : words.notPrinted;
        const line = `${padEnd(truncate(each.columnLabel, 18), 18)} ${padEnd(cellText(each, props.decisions), 9)} ${each.flags.join(' ') || printed}`;
        return (
          <Text key={each.key} inverse={props.color && index === props.cursor} color={props.color && each.flags.length > 0 ? 'red' : undefined}>
            {selected(line, index === props.cursor, props.color, props.width)}
          </Text>
        );
      })}
      {problem ? <Text color="red">{problem}</Text> : null}
      {text !== null && span ? <Excerpts text={text} spans={[span]} color={props.color} maxContext={60} /> : null}
      {text !== null && cell && !span ? <Text dimColor>{words.cellNotInText}</Text> : null}
    </Box>
  );
}
