import { Box, Text, useApp, useInput } from 'ink';
import { useState } from 'react';
import { useSyncedState } from './use-synced-state.js';
import type { ChatReply } from '../chat/ask.js';
import type { ChatTurn } from '../chat/chat-messages.js';
import { answerText } from '../chat/verify-answer.js';
import { metaKey, parseEditedNumber, type Decision, type Decisions } from '../label/review.js';
import { displayWidth, truncate } from '../render/display-width.js';
import type { Result } from '../report/schemas.js';
import { itemsOf, tableViewOf, type Item, type ViewCell } from './items.js';
import { editLine, type LineKey } from './line-editor.js';
import type { ReportEntry } from './load-reports.js';
import { ChatScreen, type ChatTurnState } from './screens/chat-screen.js';
import { ListScreen, matches } from './screens/list-screen.js';
import { ReportScreen } from './screens/report-screen.js';
import { RowScreen } from './screens/row-screen.js';
import { SaveScreen } from './screens/save-screen.js';
import { SourceScreen } from './screens/source-screen.js';
import { TablesScreen } from './screens/tables-screen.js';
import { useWords, WordsContext } from './words.js';
import { TUI_WORDS } from '../messages/tui.js';
import type { Language } from '../checks/language.js';

export type AskRequest = {
  readonly result: Result;
  readonly history: readonly ChatTurn[];
  readonly question: string;
  readonly onAnswerText: (answerSoFar: string) => void;
};

export type AppProps = {
  readonly entries: readonly ReportEntry[];
  /** The document text a result's spans point into. */
  readonly loadText: (result: Result) => Promise<string>;
  /** Answers a question about a report: the configured model, or the offline reader. */
  readonly ask: (request: AskRequest) => Promise<ChatReply>;
  /** "openai:gpt-4.1-mini" or "offline (no model configured)", shown on the chat screen. */
  readonly askLabel: string;
  /** Writes the reviewed report as a fixture; resolves to the folder written. */
  readonly save: (result: Result, decisions: Decisions, options: { id: string; includeNarrative: boolean }) => Promise<string>;
  /** Where fixtures are saved, for the save screen. */
  readonly fixturesDirectory: string;
  readonly width?: number;
  readonly height?: number;
  /** false (NO_COLOR): the selection and the highlighted span are marked with characters instead. */
  readonly color?: boolean;
  /** Chinese unless English is asked for. */
  readonly language?: Language;
};

type Screen =
  | { readonly name: 'list' }
  | { readonly name: 'report'; readonly entry: number }
  | { readonly name: 'source'; readonly entry: number; readonly item: number }
  | { readonly name: 'tables'; readonly entry: number }
  | { readonly name: 'row'; readonly entry: number; readonly row: number }
  | { readonly name: 'chat'; readonly entry: number }
  | { readonly name: 'save'; readonly entry: number };

type View = { readonly screen: Screen; readonly cursor: number; readonly filter: string };

/** A line of text being typed at the bottom: a filter, a value, a reason, a fixture id. */
type Prompt = { readonly label: string; readonly text: string; readonly submit: (text: string) => void };

/** The review UI: reports → a report's findings, numbers and tables → the source; chat; corrections saved as fixtures. */
export function App(props: AppProps) {
  return (
    <WordsContext.Provider value={TUI_WORDS[props.language ?? 'zh']}>
      <Review {...props} />
    </WordsContext.Provider>
  );
}

function Review(props: AppProps) {
  const { entries, width = 80, height = 24, color = true } = props;
  const words = useWords();
  const { exit } = useApp();
  const [getView, setView] = useSyncedState<View>({ screen: { name: 'list' }, cursor: 0, filter: '' });
  const setScreen = (screen: Screen) => setView((current) => ({ ...current, screen }));
  const setCursor = (cursor: number | ((current: number) => number)) => setView((current) => ({ ...current, cursor: typeof cursor === 'function' ? cursor(current.cursor) : cursor }));
  const setFilter = (filter: string) => setView((current) => ({ ...current, filter }));
  const { screen, cursor, filter } = getView();
  const [help, setHelp] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [getDecisions, setDecisions] = useSyncedState<ReadonlyMap<number, Decisions>>(new Map());
  const [getSaved, setSaved] = useSyncedState<ReadonlySet<number>>(new Set());
  const [chats, setChats] = useState<ReadonlyMap<number, readonly ChatTurnState[]>>(new Map());
  const [busy, setBusy] = useState(false);
  const [getSaveOptions, setSaveOptions] = useSyncedState<{ id: string; includeNarrative: boolean }>({ id: '', includeNarrative: false });
  const [getQuitting, setQuitting] = useSyncedState(false);
  // Typed text too: keys arriving before the next render must see what the previous ones typed.
  const [getPrompt, setPrompt] = useSyncedState<Prompt | null>(null);
  const [getChatInput, setChatInput] = useSyncedState('');

  const derive = ({ screen, filter }: View) => {
    const visible = entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => matches(entry, filter));
    const entryIndex = screen.name === 'list' ? -1 : screen.entry;
    const openEntry = entries[entryIndex];
    const openResult = openEntry?.kind === 'read' ? openEntry.result : undefined;
    const items = openResult ? itemsOf(openResult) : [];
    const rows = openResult ? tableViewOf(openResult) : [];
    const count =
      screen.name === 'list' ? visible.length : screen.name === 'report' ? items.length : screen.name === 'tables' ? rows.length : screen.name === 'row' ? (rows[screen.row]?.cells.length ?? 0) : 0;
    return { visible, entryIndex, openResult, items, rows, count };
  };
  const { visible, entryIndex, openResult, items, rows } = derive(getView());
  const openDecisions = getDecisions().get(entryIndex);

  const decide = (key: string, decision: Decision | null, message: string) => {
    const { entryIndex } = derive(getView());
    setDecisions((current) => {
      const next = new Map(current);
      const forEntry = new Map(next.get(entryIndex) ?? []);
      if (decision) forEntry.set(key, decision);
      else forEntry.delete(key);
      next.set(entryIndex, forEntry);
      return next;
    });
    setSaved((current) => new Set([...current].filter((index) => index !== entryIndex)));
    setStatus(words.notWrittenYet(message));
  };

  /** e: a new value, then the reason (both required). */
  const startEdit = (key: string, label: string, kind: 'number' | 'cell' | 'text') => {
    setPrompt({
      label: words.newValue(label, kind === 'cell'),
      text: '',
      submit: (typed) => {
        let value: number | string | null = typed.trim();
        if (kind !== 'text') {
          const parsed = parseEditedNumber(typed);
          if ('problem' in parsed) return setStatus(parsed.problem);
          if (parsed.value === null && kind === 'number') return setStatus(words.numberNotBlank);
          value = parsed.value;
        } else if (value === '') {
          return setStatus(words.emptyNotSaved);
        }
        setPrompt({
          label: words.whyValue(label, String(value ?? '空')),
          text: '',
          submit: (reason) => (reason.trim() ? decide(key, { kind: 'edited', value, reason: reason.trim() }, `${label} → ${value ?? '空'}`) : setStatus(words.editNeedsReason)),
        });
      },
    });
  };

  const ask = (question: string) => {
    const { entryIndex, openResult } = derive(getView());
    if (!openResult) return;
    const index = entryIndex;
    const history = (chats.get(index) ?? []).flatMap((turn) => (turn.reply ? [{ question: turn.question, answer: answerText(turn.reply.answer) }] : []));
    const update = (change: Partial<ChatTurnState>) =>
      setChats((current) => {
        const turns = [...(current.get(index) ?? [])];
        turns[turns.length - 1] = { ...turns.at(-1)!, ...change };
        return new Map(current).set(index, turns);
      });
    setChats((current) => new Map(current).set(index, [...(current.get(index) ?? []), { question, streaming: null, reply: null, error: null }]));
    setBusy(true);
    props
      .ask({ result: openResult, history, question, onAnswerText: (soFar) => update({ streaming: soFar }) })
      .then(
        (reply) => update({ reply }),
        (error: unknown) => update({ error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => setBusy(false));
  };

  const writeFixture = () => {
    const { entryIndex, openResult } = derive(getView());
    if (!openResult) return;
    const index = entryIndex;
    setStatus(words.saving);
    props.save(openResult, getDecisions().get(index) ?? new Map(), getSaveOptions()).then(
      (folder) => {
        setSaved((current) => new Set(current).add(index));
        setScreen({ name: 'report', entry: index });
        setCursor(0);
        setStatus(words.saved(folder));
      },
      (error: unknown) => setStatus(words.notSaved(error instanceof Error ? error.message : String(error))),
    );
  };

  const back = () => {
    const { screen } = getView();
    const { visible } = derive({ ...getView(), screen: { name: 'list' } });
    if (screen.name === 'source') {
      setScreen({ name: 'report', entry: screen.entry });
      setCursor(screen.item);
    } else if (screen.name === 'row') {
      setScreen({ name: 'tables', entry: screen.entry });
      setCursor(screen.row);
    } else if (screen.name === 'tables' || screen.name === 'chat' || screen.name === 'save') {
      setScreen({ name: 'report', entry: screen.entry });
      setCursor(0);
    } else if (screen.name === 'report') {
      setScreen({ name: 'list' });
      setCursor(Math.max(0, visible.findIndex(({ index }) => index === screen.entry)));
    }
  };

  function handleKey(input: string, key: KeyPress) {
    const { screen, cursor } = getView();
    const { visible, entryIndex, openResult, items, rows, count } = derive(getView());
    const selectedItem: Item | undefined = screen.name === 'report' ? items[cursor] : undefined;
    const selectedCell: ViewCell | undefined = screen.name === 'row' ? rows[screen.row]?.cells[cursor] : undefined;
    const lineKey: LineKey = key;
    const current = getPrompt();
    if (current) {
      const edit = editLine(current.text, input, lineKey);
      if (edit.done === 'cancel') {
        setPrompt(null);
        setStatus('cancelled');
      } else if (edit.done === 'submit') {
        setPrompt(null);
        current.submit(edit.text);
      } else {
        setPrompt({ ...current, text: edit.text });
        if (current.label === 'filter') {
          setFilter(edit.text);
          setCursor(0);
        }
      }
      return;
    }
    if (screen.name === 'chat') {
      if (key.escape) return back();
      if (busy) return;
      const edit = editLine(getChatInput(), input, lineKey);
      if (edit.done === 'submit' && edit.text.trim()) {
        setChatInput('');
        ask(edit.text.trim());
      } else {
        setChatInput(edit.text);
      }
      return;
    }
    if (key.ctrl) return;
    if (getQuitting()) {
      if (input === 'q') return exit();
      setQuitting(false);
      setStatus(null);
      return;
    }
    if (screen.name === 'list' && input === '/') {
      setFilter('');
      setCursor(0);
      return setPrompt({ label: 'filter', text: '', submit: (text) => setFilter(text) });
    }
    if (input === 'q') {
      const unsaved = [...getDecisions()].filter(([index, map]) => map.size > 0 && !getSaved().has(index)).length;
      if (unsaved > 0) {
        setQuitting(true);
        return setStatus(words.unsavedOnQuit(unsaved));
      }
      return exit();
    }
    if (input === '?') return setHelp((shown) => !shown);
    if (key.upArrow || input === 'k') return setCursor((position) => Math.max(0, position - 1));
    if (key.downArrow || input === 'j') return setCursor((position) => Math.min(Math.max(0, count - 1), position + 1));
    if (key.escape || key.leftArrow || key.backspace || key.delete) return back();
    if (screen.name === 'save') {
      if (key.return) return writeFixture();
      if (input === 'n') return setSaveOptions((current) => ({ ...current, includeNarrative: !current.includeNarrative }));
      if (input === 'i') return setPrompt({ label: words.fixtureId, text: getSaveOptions().id, submit: (id) => setSaveOptions((current) => ({ ...current, id: id.trim() })) });
      return;
    }
    if (key.return || key.rightArrow) {
      if (screen.name === 'list' && visible[cursor]?.entry.kind === 'read') {
        setScreen({ name: 'report', entry: visible[cursor]!.index });
        setCursor(0);
        setStatus(null);
      } else if (screen.name === 'report' && items[cursor]) {
        setScreen({ name: 'source', entry: screen.entry, item: cursor });
      } else if (screen.name === 'tables' && rows[cursor]) {
        setScreen({ name: 'row', entry: screen.entry, row: cursor });
        setCursor(0);
      }
      return;
    }
    if (!openResult || (screen.name !== 'report' && screen.name !== 'row' && screen.name !== 'tables')) return;
    if (input === 't') {
      setScreen({ name: 'tables', entry: entryIndex });
      return setCursor(0);
    }
    if (input === 'a') return setScreen({ name: 'chat', entry: entryIndex });
    if (input === 's') {
      setSaveOptions({ id: defaultFixtureId(openResult), includeNarrative: false });
      return setScreen({ name: 'save', entry: entryIndex });
    }
    const target = selectedCell
      ? { key: selectedCell.key, label: selectedCell.path, kind: 'cell' as const, finding: false }
      : selectedItem
        ? { key: selectedItem.key, label: selectedItem.kind === 'finding' ? selectedItem.finding.id : selectedItem.kind === 'number' ? selectedItem.path : selectedItem.key, kind: selectedItem.key === metaKey('agency') ? ('text' as const) : ('number' as const), finding: selectedItem.kind === 'finding' }
        : undefined;
    if (!target) return;
    if (input === 'c') return decide(target.key, { kind: 'confirmed', reason: '' }, words.confirmed(target.label));
    if (input === 'u') return decide(target.key, null, words.undone(target.label));
    if (input === 'e') return target.finding ? setStatus(words.findingNotValue) : startEdit(target.key, target.label, target.kind);
    if (input === 'x') {
      if (!target.finding) return setStatus(words.onlyFindingDismissed);
      return setPrompt({
        label: words.whyFalseAlarm(target.label),
        text: '',
        submit: (reason) => (reason.trim() ? decide(target.key, { kind: 'dismissed', reason: reason.trim() }, words.dismissed(target.label)) : setStatus(words.dismissNeedsReason)),
      });
    }
  }

  useInput((input, key) => {
    // Keys typed fast, pasted or sent by tmux arrive as one chunk ("jj\r", "/民政\r"): each
    // character is a key of its own, handled in order against the state the previous one left.
    if (input.length > 1 && !input.includes('\u001b')) {
      for (const character of input) handleKey(character, keyOf(character));
      return;
    }
    // Esc and the next key sent together ("\u001bj") reach ink as Alt+j: it is Esc, then j.
    if (key.meta && !key.escape && input.length === 1) {
      handleKey('', { ...keyOf(''), escape: true });
      handleKey(input, keyOf(input));
      return;
    }
    handleKey(input, key);
  });

  const prompt = getPrompt();
  // Lists get the rows the footer, the help box, a prompt and a (wrapped) status line leave free.
  const bodyHeight = height - 2 - (help ? words.help.length + 2 : 1) - (prompt && prompt.label !== 'filter' ? 1 : 0) - (status ? Math.ceil(displayWidth(status) / width) : 0);
  const body =
    screen.name === 'list' ? (
      <ListScreen visible={visible.map(({ entry }) => entry)} cursor={cursor} width={width} height={bodyHeight} filter={filter} typing={prompt?.label === 'filter'} color={color} />
    ) : !openResult ? null : screen.name === 'report' ? (
      <ReportScreen result={openResult} items={items} decisions={openDecisions} cursor={cursor} width={width} height={bodyHeight} color={color} />
    ) : screen.name === 'source' && items[screen.item] ? (
      <SourceScreen result={openResult} item={items[screen.item]!} loadText={props.loadText} width={width} color={color} />
    ) : screen.name === 'tables' ? (
      <TablesScreen result={openResult} rows={rows} decisions={openDecisions} cursor={cursor} width={width} height={bodyHeight} color={color} />
    ) : screen.name === 'row' && rows[screen.row] ? (
      <RowScreen result={openResult} row={rows[screen.row]!} decisions={openDecisions} cursor={cursor} loadText={props.loadText} width={width} color={color} />
    ) : screen.name === 'chat' ? (
      <ChatScreen result={openResult} turns={chats.get(entryIndex) ?? []} input={getChatInput()} askLabel={props.askLabel} busy={busy} width={width} color={color} />
    ) : screen.name === 'save' ? (
      <SaveScreen result={openResult} decisions={openDecisions} folder={`${props.fixturesDirectory}/${getSaveOptions().id}`} includeNarrative={getSaveOptions().includeNarrative} width={width} />
    ) : null;
  return (
    <Box flexDirection="column" width={width}>
      {body}
      {prompt && prompt.label !== 'filter' ? <Text bold>{truncate(`${prompt.label}: ${prompt.text}▏`, width)}</Text> : null}
      {status ? (
        <Text color={color ? 'cyan' : undefined} wrap="wrap">
          {status}
        </Text>
      ) : null}
      {help ? (
        <Box flexDirection="column" borderStyle="single" paddingX={1}>
          {words.help.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
        </Box>
      ) : (
        <Text dimColor>{truncate(words.footers[screen.name], width)}</Text>
      )}
    </Box>
  );
}

/** The keys the UI reads; ink's Key has these and more. */
type KeyPress = LineKey & { readonly upArrow: boolean; readonly downArrow: boolean; readonly leftArrow: boolean; readonly rightArrow: boolean };

/** A character of a chunk as the key it stands for. */
function keyOf(character: string): KeyPress {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    return: character === '\r' || character === '\n',
    escape: false,
    backspace: character === '\u007f' || character === '\b',
    delete: false,
    ctrl: false,
  };
}

/** The source file's name as a fixture id, with "-reviewed" so it does not collide with the report's own fixture. */
export function defaultFixtureId(result: Result): string {
  const name = (result.source.path.split(/[\\/]/).at(-1) ?? '').replace(/\.[^.]+$/, '');
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug.length >= 3 ? `${slug}-reviewed` : `reviewed-${result.meta.year ?? 'report'}-${result.source.sha256.slice(0, 8)}`;
}
