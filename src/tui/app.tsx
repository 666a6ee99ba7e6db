import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { listNumbers } from '../report/map-numbers.js';
import type { Finding, Result, Span } from '../report/schemas.js';
import { padEnd, truncate } from '../render/display-width.js';
import type { ReportEntry } from './load-reports.js';
import { sourceExcerpt } from './source-excerpt.js';

export type AppProps = {
  readonly entries: readonly ReportEntry[];
  /** The document text a result's spans point into. */
  readonly loadText: (result: Result) => Promise<string>;
  readonly width?: number;
  readonly height?: number;
  /** false (NO_COLOR): the selection and the highlighted span are marked with characters instead. */
  readonly color?: boolean;
};

/** Something in an open report that has a place in the source: a finding, or a stated number. */
type Item =
  | { readonly kind: 'finding'; readonly finding: Finding }
  | { readonly kind: 'number'; readonly path: string; readonly value: number; readonly quote: string; readonly span: Span | null; readonly grounded: boolean };

type Screen = { readonly name: 'list' } | { readonly name: 'report'; readonly entry: number } | { readonly name: 'source'; readonly entry: number; readonly item: number };

const HELP = [
  '↑/↓ or k/j  move          Enter  open',
  'Esc or ←    back          /      filter the list',
  '?           this help     q      quit',
];

function itemsOf(result: Result): Item[] {
  const findings: Item[] = result.findings.map((finding) => ({ kind: 'finding', finding }));
  const numbers: Item[] = result.narrative
    ? listNumbers(result.narrative.facts).map(({ path, number }) => ({ kind: 'number', path, value: number.value, quote: number.quote, span: number.span, grounded: number.grounded }))
    : [];
  return [...findings, ...numbers];
}

function entryLine(entry: ReportEntry, width: number): string {
  if (entry.kind === 'failed') return truncate(`✗ ${entry.path}: ${entry.message}`, width);
  const { result } = entry;
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.length - errors;
  const name = padEnd(truncate(result.meta.agency ?? result.source.path, 24), 24);
  const provider = result.narrative?.extractor.provider ?? '-';
  return truncate(`${name} ${String(result.meta.year ?? '?').padEnd(5)}${result.source.format.padEnd(5)}${result.template.format.padEnd(8)}${provider.padEnd(8)}${errors}✗ ${warnings}?`, width);
}

function matches(entry: ReportEntry, filter: string): boolean {
  if (filter === '') return true;
  const text = entry.kind === 'failed' ? entry.path : [entry.result.meta.agency, entry.result.meta.year, entry.result.source.path, ...entry.result.findings.map((finding) => finding.id)].join(' ');
  return text.toLowerCase().includes(filter.toLowerCase());
}

/** The review UI: reports → one report's findings and stated numbers → the source around them. */
export function App({ entries, loadText, width = 80, height = 24, color = true }: AppProps) {
  const { exit } = useApp();
  const [screen, setScreen] = useState<Screen>({ name: 'list' });
  const [cursor, setCursor] = useState(0);
  const [filter, setFilter] = useState('');
  const [typing, setTypingState] = useState(false);
  // Read by the key handler directly: keys arriving before the next render must see the mode.
  const typingNow = useRef(false);
  const setTyping = (value: boolean) => {
    typingNow.current = value;
    setTypingState(value);
  };
  const [help, setHelp] = useState(false);
  const visible = entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => matches(entry, filter));
  const openEntry = screen.name === 'list' ? undefined : entries[screen.entry];
  const openResult = openEntry?.kind === 'read' ? openEntry.result : undefined;
  const items = openResult ? itemsOf(openResult) : [];
  const count = screen.name === 'list' ? visible.length : screen.name === 'report' ? items.length : 0;

  useInput((input, key) => {
    // Keys typed fast (or sent by tmux) arrive together: "jjj" is three moves.
    if (!typingNow.current && input.length > 1 && /^[jk]+$/.test(input)) {
      const moves = [...input].reduce((total, character) => total + (character === 'j' ? 1 : -1), 0);
      setCursor((position) => Math.min(Math.max(0, count - 1), Math.max(0, position + moves)));
      return;
    }
    if (!typingNow.current && screen.name === 'list' && input.startsWith('/')) {
      setTyping(true);
      input = input.slice(1);
      if (input === '') return;
    }
    if (typingNow.current) {
      // Typed text may arrive in one piece with its Enter ("民政\r").
      const done = key.return || key.escape || input.includes('\r');
      const text = input.replace(/[\r\n]/g, '');
      if (key.backspace || key.delete) setFilter((current) => current.slice(0, -1));
      else if (text && !key.escape) setFilter((current) => current + text);
      if (done) setTyping(false);
      setCursor(0);
      return;
    }
    if (input === 'q') return exit();
    if (input === '?') return setHelp((shown) => !shown);
    if (key.upArrow || input === 'k') return setCursor((position) => Math.max(0, position - 1));
    if (key.downArrow || input === 'j') return setCursor((position) => Math.min(Math.max(0, count - 1), position + 1));
    if (key.escape || key.leftArrow || key.backspace || key.delete) {
      if (screen.name === 'source') {
        setScreen({ name: 'report', entry: screen.entry });
        setCursor(screen.item);
      } else if (screen.name === 'report') {
        setScreen({ name: 'list' });
        setCursor(Math.max(0, visible.findIndex(({ index }) => index === screen.entry)));
      }
      return;
    }
    if (key.return || key.rightArrow) {
      if (screen.name === 'list' && visible[cursor]?.entry.kind === 'read') {
        setScreen({ name: 'report', entry: visible[cursor]!.index });
        setCursor(0);
      } else if (screen.name === 'report' && items[cursor]) {
        setScreen({ name: 'source', entry: screen.entry, item: cursor });
      }
    }
  });

  const body =
    screen.name === 'list' ? (
      <ListScreen visible={visible.map(({ entry }) => entry)} cursor={cursor} width={width} height={height - 4} filter={filter} typing={typing} color={color} />
    ) : screen.name === 'report' && openResult ? (
      <ReportScreen result={openResult} items={items} cursor={cursor} width={width} height={height - 4} color={color} />
    ) : screen.name === 'source' && openResult && items[screen.item] ? (
      <SourceScreen result={openResult} item={items[screen.item]!} loadText={loadText} width={width} color={color} />
    ) : null;
  return (
    <Box flexDirection="column" width={width}>
      {body}
      {help ? (
        <Box flexDirection="column" borderStyle="single" paddingX={1}>
          {HELP.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
        </Box>
      ) : (
        <Text dimColor>{truncate('↑↓ move · Enter open · Esc back · / filter · ? help · q quit', width)}</Text>
      )}
    </Box>
  );
}

function windowOf<T>(items: readonly T[], cursor: number, size: number): { start: number; shown: readonly T[] } {
  const start = Math.max(0, Math.min(cursor - Math.floor(size / 2), items.length - size));
  return { start, shown: items.slice(start, start + size) };
}

/** The selected line: inverse video, or a "›" in front when colours are off. */
function selected(text: string, isSelected: boolean, color: boolean, width: number): string {
  if (color) return text;
  return truncate(`${isSelected ? '›' : ' '} ${text}`, width);
}

function ListScreen(props: { visible: readonly ReportEntry[]; cursor: number; width: number; height: number; filter: string; typing: boolean; color: boolean }) {
  const { start, shown } = windowOf(props.visible, props.cursor, Math.max(3, props.height - 2));
  return (
    <Box flexDirection="column">
      <Text bold>{truncate(`nianbao · ${props.visible.length} report(s)${props.filter || props.typing ? ` · filter: ${props.filter}${props.typing ? '▏' : ''}` : ''}`, props.width)}</Text>
      {shown.map((entry, offset) => (
        <Text key={start + offset} inverse={props.color && start + offset === props.cursor} color={props.color && entry.kind === 'failed' ? 'red' : undefined}>
          {selected(entryLine(entry, props.width - (props.color ? 0 : 2)), start + offset === props.cursor, props.color, props.width)}
        </Text>
      ))}
    </Box>
  );
}

function itemLine(item: Item, width: number): string {
  if (item.kind === 'finding') return truncate(`${item.finding.severity === 'error' ? '✗' : '?'} ${item.finding.id}  ${item.finding.message}`, width);
  return truncate(`${item.grounded ? '·' : '⚠'} ${item.path} = ${item.value}  “${item.quote}”`, width);
}

function ReportScreen(props: { result: Result; items: readonly Item[]; cursor: number; width: number; height: number; color: boolean }) {
  const { result } = props;
  const { start, shown } = windowOf(props.items, props.cursor, Math.max(3, props.height - 3));
  const found = new Set(result.sections.map((section) => section.key));
  return (
    <Box flexDirection="column">
      <Text bold>{truncate(`${result.meta.agency ?? '?'} · ${result.meta.year ?? '?'} · ${result.template.format} · ${result.source.path}`, props.width)}</Text>
      <Text dimColor>{truncate(`sections ${['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'].map((key, index) => `${'一二三四五六'[index]}${found.has(key as never) ? '✓' : '✗'}`).join(' ')} · ${result.findings.length} finding(s) · ${props.items.length - result.findings.length} stated number(s)`, props.width)}</Text>
      {props.items.length === 0 ? <Text>no findings and no stated numbers</Text> : null}
      {shown.map((item, offset) => (
        <Text key={start + offset} inverse={props.color && start + offset === props.cursor} color={props.color && item.kind === 'finding' && item.finding.severity === 'error' ? 'red' : undefined}>
          {selected(itemLine(item, props.width - (props.color ? 0 : 2)), start + offset === props.cursor, props.color, props.width)}
        </Text>
      ))}
    </Box>
  );
}

function SourceScreen(props: { result: Result; item: Item; loadText: (result: Result) => Promise<string>; width: number; color: boolean }) {
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    props.loadText(props.result).then(setText, (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }, [props.result]);
  const { item } = props;
  const spans = item.kind === 'finding' ? item.finding.spans : item.span ? [item.span] : [];
  return (
    <Box flexDirection="column" width={props.width}>
      <Text bold wrap="wrap">{item.kind === 'finding' ? `${item.finding.id}: ${item.finding.message}` : `${item.path} = ${item.value}${item.grounded ? '' : ' (quote not found in the report)'}`}</Text>
      {item.kind === 'finding'
        ? item.finding.cells.map((cell) => (
            <Text key={cell.path}>{truncate(`  ${cell.rowLabel} / ${cell.columnLabel} = ${cell.value ?? '空白'}`, props.width)}</Text>
          ))
        : null}
      {problem ? <Text color="red">{problem}</Text> : null}
      {text === null && !problem ? <Text dimColor>reading the source…</Text> : null}
      {text !== null && spans.length === 0 ? <Text dimColor>this has no place in the source text</Text> : null}
      {text !== null
        ? spans.map((span, index) => {
            const excerpt = sourceExcerpt(text, span, 1, 90);
            return (
              <Box key={index} flexDirection="column" marginTop={1}>
                <Text dimColor>{`line ${excerpt.line}`}</Text>
                <Text wrap="wrap">
                  {excerpt.before}
                  {props.color ? (
                    <Text inverse color="yellow">
                      {excerpt.highlighted}
                    </Text>
                  ) : (
                    `⟦${excerpt.highlighted}⟧`
                  )}
                  {excerpt.after}
                </Text>
              </Box>
            );
          })
        : null}
    </Box>
  );
}
