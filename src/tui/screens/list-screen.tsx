import { basename } from 'node:path';
import { Box, Text } from 'ink';
import { padEnd, truncate } from '../../render/display-width.js';
import type { ReportEntry } from '../load-reports.js';
import { selected, windowOf } from './layout.js';
import { useWords } from '../words.js';

function entryLine(entry: ReportEntry, width: number): string {
  if (entry.kind === 'failed') return truncate(`✗ ${entry.path}: ${entry.message}`, width);
  const { result } = entry;
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.length - errors;
  const name = padEnd(truncate(result.meta.agency ?? result.source.path, 24), 24);
  const provider = result.narrative?.extractor.provider ?? '-';
  // The file name last, cut to what is left: two reports of one agency and year (a re-issue, a
  // corrected copy) are told apart by it.
  const counts = padEnd(`${errors}✗ ${warnings}?`, 8);
  return truncate(`${name} ${String(result.meta.year ?? '?').padEnd(5)}${result.source.format.padEnd(5)}${result.template.format.padEnd(8)}${provider.padEnd(8)}${counts}${basename(result.source.path)}`, width);
}

export function matches(entry: ReportEntry, filter: string): boolean {
  if (filter === '') return true;
  const text = entry.kind === 'failed' ? entry.path : [entry.result.meta.agency, entry.result.meta.year, entry.result.source.path, ...entry.result.findings.map((finding) => finding.id)].join(' ');
  return text.toLowerCase().includes(filter.toLowerCase());
}

export function ListScreen(props: { visible: readonly ReportEntry[]; cursor: number; width: number; height: number; filter: string; typing: boolean; color: boolean }) {
  const words = useWords();
  const { start, shown } = windowOf(props.visible, props.cursor, Math.max(3, props.height - 2));
  return (
    <Box flexDirection="column">
      <Text bold>{truncate(words.listTitle(props.visible.length, props.filter || props.typing ? `${props.filter}${props.typing ? '▏' : ''}` : null), props.width)}</Text>
      {shown.map((entry, offset) => (
        <Text key={start + offset} inverse={props.color && start + offset === props.cursor} color={props.color && entry.kind === 'failed' ? 'red' : undefined}>
          {selected(entryLine(entry, props.width - (props.color ? 0 : 2)), start + offset === props.cursor, props.color, props.width)}
        </Text>
      ))}
    </Box>
  );
}
