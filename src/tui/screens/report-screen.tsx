import { Box, Text } from 'ink';
import { metaKey, type Decisions } from '../../label/review.js';
import { truncate } from '../../render/display-width.js';
import type { Result } from '../../report/schemas.js';
import { SECTION_KEYS } from '../../report/template.js';
import { decisionMark, type Item } from '../items.js';
import { opens, type KeyPress } from '../keys.js';
import type { Session, Target } from '../session.js';
import type { TuiWords } from '../../messages/tui.js';
import { useWords } from '../words.js';
import { selected, windowOf } from './layout.js';
import { moveKeys } from './move.js';
import { reportActionKeys } from './report-actions.js';

function itemLine(item: Item, decisions: Decisions | undefined, words: TuiWords): string {
  const mark = decisionMark(decisions?.get(item.key));
  if (item.kind === 'finding') return `${item.finding.severity === 'error' ? '✗' : '?'} ${item.raised ? `${words.raisedMark} ` : ''}${item.finding.id}${mark}  ${item.finding.message}`;
  if (item.kind === 'meta') return `· ${item.label} = ${item.value ?? '?'}${mark}`;
  return `${item.grounded ? '·' : '⚠'} ${item.label} = ${item.value}${mark}  “${item.quote}”`;
}

/** What c, e, u and x act on: the selected item, named as a person reads it. */
export function itemTarget(item: Item | undefined): Target | undefined {
  if (!item) return undefined;
  if (item.kind === 'finding') return { key: item.key, label: item.finding.id, kind: 'finding' };
  if (item.kind === 'number') return { key: item.key, label: item.label, kind: 'number' };
  return { key: item.key, label: item.label, kind: item.key === metaKey('agency') ? 'text' : 'number' };
}

/** Enter opens the item's source; the report's actions act on the selected item. */
export function reportKeys(input: string, key: KeyPress, session: Session): void {
  const { open, view } = session;
  if (!open) return;
  if (moveKeys(input, key, session, open.items.length)) return;
  // The source opens scrolled to its first marked line (-1: not scrolled yet).
  if (opens(key) && open.items[view.cursor]) return session.go({ name: 'source', entry: open.index, item: view.cursor }, -1);
  reportActionKeys(input, session, itemTarget(open.items[view.cursor]));
}

export function ReportScreen(props: { result: Result; items: readonly Item[]; decisions: Decisions | undefined; raised: number; mended: number; cursor: number; width: number; height: number; color: boolean }) {
  const words = useWords();
  const { result } = props;
  const edited = [...(props.decisions?.values() ?? [])].some((decision) => decision.kind === 'edited');
  const { start, shown } = windowOf(props.items, props.cursor, Math.max(3, props.height - 3 - (edited ? 1 : 0)));
  const found = new Set(result.sections.map((section) => section.key));
  const reviewed = props.decisions?.size ?? 0;
  const numbers = props.items.filter((item) => item.kind === 'number').length;
  return (
    <Box flexDirection="column">
      <Text bold>{truncate(`${result.meta.agency ?? '?'} · ${result.meta.year ?? '?'} · ${result.template.format} · ${result.source.path}`, props.width)}</Text>
      <Text dimColor>
        {truncate(words.reportCounts(SECTION_KEYS.map((key, index) => `${'一二三四五六'[index]}${found.has(key) ? '✓' : '✗'}`).join(' '), props.items.filter((item) => item.kind === 'finding').length, numbers, reviewed), props.width)}
      </Text>
      {edited ? <Text dimColor>{truncate(words.editsRechecked(props.raised, props.mended), props.width)}</Text> : null}
      {shown.map((item, offset) => (
        <Text key={start + offset} inverse={props.color && start + offset === props.cursor} color={props.color && item.kind === 'finding' && item.finding.severity === 'error' ? 'red' : undefined}>
          {selected(itemLine(item, props.decisions, words), start + offset === props.cursor, props.color, props.width)}
        </Text>
      ))}
    </Box>
  );
}
