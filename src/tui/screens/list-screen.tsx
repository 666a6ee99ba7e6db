import { Box, Text } from 'ink';
import { padEnd, truncate } from '../../render/display-width.js';
import { opens, type KeyPress } from '../keys.js';
import type { ReportEntry } from '../load-reports.js';
import { SORT_ORDERS, type Session, type SortOrder } from '../session.js';
import { useWords } from '../words.js';
import { selected, windowOf } from './layout.js';
import { moveKeys } from './move.js';

const errorsOf = (entry: ReportEntry) => (entry.kind === 'read' ? entry.result.findings.filter((finding) => finding.severity === 'error').length : -1);

function entryLine(entry: ReportEntry, width: number): string {
  if (entry.kind === 'failed') return truncate(`✗ ${entry.shown}: ${entry.message}`, width);
  const { result } = entry;
  const errors = errorsOf(entry);
  const warnings = result.findings.length - errors;
  const name = padEnd(truncate(result.meta.agency ?? entry.shown, 24), 24);
  const provider = result.narrative?.extractor.provider ?? '-';
  // The path in the folder given last, cut to what is left: two reports of one agency and year
  // (a re-issue, a corrected copy, another year's folder) are told apart by it.
  const counts = padEnd(`${errors}✗ ${warnings}?`, 8);
  return truncate(`${name} ${String(result.meta.year ?? '?').padEnd(5)}${result.source.format.padEnd(5)}${result.template.format.padEnd(8)}${provider.padEnd(8)}${counts}${entry.shown}`, width);
}

export function matches(entry: ReportEntry, filter: string): boolean {
  if (filter === '') return true;
  const text = entry.kind === 'failed' ? entry.shown : [entry.result.meta.agency, entry.result.meta.year, entry.shown, ...entry.result.findings.map((finding) => finding.id)].join(' ');
  return text.toLowerCase().includes(filter.toLowerCase());
}

// Chinese names in 拼音 order, as a Chinese reader looks a name up.
const collator = new Intl.Collator('zh-Hans-CN');

/** The list's entries after the filter, in the chosen order (ties keep the given order). */
export function visibleEntries(entries: readonly ReportEntry[], filter: string, sort: SortOrder): { entry: ReportEntry; index: number }[] {
  const shown = entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => matches(entry, filter));
  const agency = (entry: ReportEntry) => (entry.kind === 'read' ? (entry.result.meta.agency ?? entry.shown) : entry.shown);
  const year = (entry: ReportEntry) => (entry.kind === 'read' ? (entry.result.meta.year ?? 0) : 0);
  const compare: Record<SortOrder, (a: ReportEntry, b: ReportEntry) => number> = {
    given: () => 0,
    errors: (a, b) => errorsOf(b) - errorsOf(a) || (b.kind === 'read' ? b.result.findings.length : 0) - (a.kind === 'read' ? a.result.findings.length : 0),
    agency: (a, b) => collator.compare(agency(a), agency(b)) || year(a) - year(b),
    year: (a, b) => year(b) - year(a) || collator.compare(agency(a), agency(b)),
  };
  return shown.sort((a, b) => compare[sort](a.entry, b.entry) || a.index - b.index);
}

/** / filters, o changes the order, Enter opens a report that was read. */
export function listKeys(input: string, key: KeyPress, session: Session): void {
  const { view, visible } = session;
  if (moveKeys(input, key, session, visible.length)) return;
  if (input === '/') {
    session.update({ filter: '' });
    session.setCursor(0);
    session.prompt({ kind: 'filter', label: session.words.filterPrompt, submit: (text) => session.update({ filter: text }) });
  } else if (input === 'o') {
    session.update({ sort: SORT_ORDERS[(SORT_ORDERS.indexOf(view.sort) + 1) % SORT_ORDERS.length]! });
    session.setCursor(0);
  } else if (opens(key) && visible[view.cursor]?.entry.kind === 'read') {
    session.go({ name: 'report', entry: visible[view.cursor]!.index }, 0);
    session.say(null);
  }
}

export function ListScreen(props: { visible: readonly ReportEntry[]; cursor: number; width: number; height: number; filter: string; typing: boolean; sort: SortOrder; notReports: number; color: boolean }) {
  const words = useWords();
  const { start, shown } = windowOf(props.visible, props.cursor, Math.max(3, props.height - 2));
  const filter = props.filter || props.typing ? `${props.filter}${props.typing ? '▏' : ''}` : null;
  return (
    <Box flexDirection="column">
      <Text bold>{truncate(words.listTitle(props.visible.length, filter, props.sort === 'given' ? null : words.sortNames[props.sort]) + (props.notReports > 0 ? words.notReports(props.notReports) : ''), props.width)}</Text>
      {shown.map((entry, offset) => (
        <Text key={start + offset} inverse={props.color && start + offset === props.cursor} color={props.color && entry.kind === 'failed' ? 'red' : undefined}>
          {selected(entryLine(entry, props.width - (props.color ? 0 : 2)), start + offset === props.cursor, props.color, props.width)}
        </Text>
      ))}
    </Box>
  );
}
