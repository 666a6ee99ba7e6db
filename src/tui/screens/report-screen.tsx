import { Box, Text } from 'ink';
import type { Decisions } from '../../label/review.js';
import { truncate } from '../../render/display-width.js';
import type { Result } from '../../report/schemas.js';
import { SECTION_KEYS } from '../../report/template.js';
import { decisionMark, type Item } from '../items.js';
import { selected, windowOf } from './layout.js';
import { useWords } from '../words.js';

function itemLine(item: Item, decisions: Decisions | undefined): string {
  const mark = decisionMark(decisions?.get(item.key));
  if (item.kind === 'finding') return `${item.finding.severity === 'error' ? '✗' : '?'} ${item.finding.id}${mark}  ${item.finding.message}`;
  if (item.kind === 'meta') return `· ${item.label} = ${item.value ?? '?'}${mark}`;
  return `${item.grounded ? '·' : '⚠'} ${item.path} = ${item.value}${mark}  “${item.quote}”`;
}

export function ReportScreen(props: { result: Result; items: readonly Item[]; decisions: Decisions | undefined; cursor: number; width: number; height: number; color: boolean }) {
  const words = useWords();
  const { result } = props;
  const { start, shown } = windowOf(props.items, props.cursor, Math.max(3, props.height - 3));
  const found = new Set(result.sections.map((section) => section.key));
  const reviewed = props.decisions?.size ?? 0;
  const numbers = props.items.filter((item) => item.kind === 'number').length;
  return (
    <Box flexDirection="column">
      <Text bold>{truncate(`${result.meta.agency ?? '?'} · ${result.meta.year ?? '?'} · ${result.template.format} · ${result.source.path}`, props.width)}</Text>
      <Text dimColor>
        {truncate(words.reportCounts(SECTION_KEYS.map((key, index) => `${'一二三四五六'[index]}${found.has(key) ? '✓' : '✗'}`).join(' '), result.findings.length, numbers, reviewed), props.width)}
      </Text>
      {shown.map((item, offset) => (
        <Text key={start + offset} inverse={props.color && start + offset === props.cursor} color={props.color && item.kind === 'finding' && item.finding.severity === 'error' ? 'red' : undefined}>
          {selected(itemLine(item, props.decisions), start + offset === props.cursor, props.color, props.width)}
        </Text>
      ))}
    </Box>
  );
}
