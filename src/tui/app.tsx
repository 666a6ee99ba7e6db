import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useState } from 'react';
import type { Language } from '../checks/language.js';
import type { ChatReply } from '../chat/ask.js';
import type { ChatTurn } from '../chat/chat-messages.js';
import { answerText } from '../chat/verify-answer.js';
import { describeError } from '../errors.js';
import { defaultFixtureId } from '../label/fixture-id.js';
import { recheck, type Recheck } from '../label/recheck.js';
import { findingKey, type Decision, type Decisions } from '../label/review.js';
import { TUI_WORDS } from '../messages/tui.js';
import { displayWidth, truncate } from '../render/display-width.js';
import type { Result } from '../report/schemas.js';
import { itemsOf, tableViewOf } from './items.js';
import { keysOfChunk, type KeyPress } from './keys.js';
import { editLine } from './line-editor.js';
import type { ReportEntry } from './load-reports.js';
import { ChatScreen, chatKeys, type ChatTurnState } from './screens/chat-screen.js';
import { ListScreen, listKeys, visibleEntries } from './screens/list-screen.js';
import { ReportScreen, reportKeys } from './screens/report-screen.js';
import { RowScreen, rowKeys } from './screens/row-screen.js';
import { SaveScreen, saveKeys } from './screens/save-screen.js';
import { SourceScreen, sourceKeys } from './screens/source-screen.js';
import { TablesScreen, tablesKeys } from './screens/tables-screen.js';
import type { OpenReport, Prompt, Screen, ScreenName, Session, View } from './session.js';
import { useSyncedState } from './use-synced-state.js';
import { useWords, WordsContext } from './words.js';

export type AskRequest = {
  readonly result: Result;
  readonly history: readonly ChatTurn[];
  readonly question: string;
  readonly onAnswerText: (answerSoFar: string) => void;
};

export type AppProps = {
  readonly entries: readonly ReportEntry[];
  /** Files of the folder left out of the list because they are not reports (said in its title). */
  readonly notReports?: number;
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
  /** The fixture ids already in that folder: a default id is made unique among them. */
  readonly fixtureIds?: ReadonlySet<string>;
  readonly width?: number;
  readonly height?: number;
  /** false (NO_COLOR): the selection and the highlighted span are marked with characters instead. */
  readonly color?: boolean;
  /** Chinese unless English is asked for. */
  readonly language?: Language;
};

/** Each screen's keys live with its view; the App routes a key to the screen it was pressed on. */
const SCREEN_KEYS: Readonly<Record<ScreenName, (input: string, key: KeyPress, session: Session) => void>> = {
  list: listKeys,
  report: reportKeys,
  source: sourceKeys,
  tables: tablesKeys,
  row: rowKeys,
  chat: chatKeys,
  save: saveKeys,
};

const NO_DECISIONS: Decisions = new Map();

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
  const language = props.language ?? 'zh';
  const words = useWords();
  const { exit } = useApp();
  const [getView, setView] = useSyncedState<View>({ screen: { name: 'list' }, cursor: 0, filter: '', sort: 'given' });
  const [help, setHelp] = useState(false);
  const [getStatus, setStatus] = useSyncedState<string | null>(null);
  const [getDecisions, setDecisions] = useSyncedState<ReadonlyMap<number, Decisions>>(new Map());
  const [getSaved, setSaved] = useSyncedState<ReadonlySet<number>>(new Set());
  const [chats, setChats] = useState<ReadonlyMap<number, readonly ChatTurnState[]>>(new Map());
  const [getBusy, setBusy] = useSyncedState(false);
  const [getSaveOptions, setSaveOptions] = useSyncedState<{ id: string; includeNarrative: boolean }>({ id: '', includeNarrative: false });
  const [getTaken, setTaken] = useSyncedState<ReadonlySet<string>>(props.fixtureIds ?? new Set());
  const [getQuitting, setQuitting] = useSyncedState(false);
  // Typed text too: keys arriving before the next render must see what the previous ones typed.
  const [getPrompt, setPrompt] = useSyncedState<Prompt | null>(null);
  const [getChatInput, setChatInput] = useSyncedState('');
  const [getTexts, setTexts] = useSyncedState<ReadonlyMap<number, { text: string; lines: number } | { problem: string }>>(new Map());
  // One recheck per set of decisions: the same Map object gives the same answer.
  const [rechecks] = useState(() => new WeakMap<Decisions, Map<number, Recheck>>());

  const checkedOf = (index: number, result: Result, decisions: Decisions): Recheck => {
    const byEntry = rechecks.get(decisions) ?? new Map<number, Recheck>();
    rechecks.set(decisions, byEntry);
    const known = byEntry.get(index);
    if (known) return known;
    const checked = recheck(result, decisions, language);
    byEntry.set(index, checked);
    return checked;
  };

  // The list's order is worked out once per filter and order, not on every key (thousands of reports).
  const [visibleCache] = useState(() => new Map<string, ReturnType<typeof visibleEntries>>());
  const visibleOf = (view: View) => {
    const key = `${view.sort}\u0000${view.filter}`;
    const known = visibleCache.get(key);
    if (known) return known;
    const visible = visibleEntries(entries, view.filter, view.sort);
    if (visibleCache.size > 32) visibleCache.clear();
    visibleCache.set(key, visible);
    return visible;
  };

  const openReport = (view: View): OpenReport | null => {
    if (view.screen.name === 'list') return null;
    const index = view.screen.entry;
    const entry = entries[index];
    if (entry?.kind !== 'read') return null;
    const decisions = getDecisions().get(index) ?? NO_DECISIONS;
    const checked = checkedOf(index, entry.result, decisions);
    const raised = new Set(checked.raised.map(findingKey));
    const loaded = getTexts().get(index);
    return {
      index,
      read: entry.result,
      checked,
      decisions,
      items: itemsOf(entry.result, { language, findings: checked.result.findings, raised, metaLabels: { agency: words.agency, year: words.year } }),
      rows: tableViewOf(entry.result, checked.result.findings),
      text: loaded && 'text' in loaded ? loaded.text : null,
      lineCount: loaded && 'text' in loaded ? loaded.lines : 0,
    };
  };

  // The open report's text, read once, for the source and row screens.
  const view = getView();
  const openIndex = view.screen.name === 'list' ? -1 : view.screen.entry;
  useEffect(() => {
    const entry = entries[openIndex];
    if (entry?.kind !== 'read' || getTexts().has(openIndex)) return;
    props.loadText(entry.result).then(
      (text) => setTexts((current) => new Map(current).set(openIndex, { text, lines: text.split('\n').length })),
      (error: unknown) => setTexts((current) => new Map(current).set(openIndex, { problem: describeError(error, language) })),
    );
  }, [openIndex]);

  const bodyHeightOf = (prompt: Prompt | null, status: string | null) =>
    height - 2 - (help ? words.help.length + 2 : 1) - (prompt && prompt.kind !== 'filter' ? 1 : 0) - (status ? Math.ceil(displayWidth(status) / width) : 0);

  // A status belongs to the screen it was said on: another screen starts without it.
  const go = (screen: Screen, cursor = 0) => {
    setView((current) => ({ ...current, screen, cursor }));
    setStatus(null);
  };

  const decide = (changes: readonly (readonly [string, Decision | null])[], message: string) => {
    const open = openReport(getView());
    if (!open) return;
    const next = new Map(open.decisions);
    for (const [key, decision] of changes) {
      if (decision) next.set(key, decision);
      else next.delete(key);
    }
    setDecisions((current) => new Map(current).set(open.index, next));
    setSaved((current) => new Set([...current].filter((index) => index !== open.index)));
    // What this change did to the findings, said at once: an edit that breaks 总计 is seen before saving.
    const after = checkedOf(open.index, open.read, next).result.findings;
    const before = new Set(open.checked.result.findings.map(findingKey));
    const afterKeys = new Set(after.map(findingKey));
    const raised = after.filter((finding) => !before.has(findingKey(finding))).map((finding) => finding.id);
    const mended = open.checked.result.findings.filter((finding) => !afterKeys.has(findingKey(finding))).map((finding) => finding.id);
    const touchesValues = changes.some(([key, decision]) => decision?.kind === 'edited' || (decision === null && open.decisions.get(key)?.kind === 'edited'));
    setStatus(words.notWrittenYet(touchesValues ? `${message}${words.rechecked(raised, mended)}` : message));
  };

  const ask = (question: string) => {
    const open = openReport(getView());
    if (!open) return;
    const index = open.index;
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
      .ask({ result: open.read, history, question, onAnswerText: (soFar) => update({ streaming: soFar }) })
      .then(
        (reply) => update({ reply }),
        (error: unknown) => update({ error: describeError(error, language) }),
      )
      .finally(() => setBusy(false));
  };

  const writeFixture = () => {
    const open = openReport(getView());
    if (!open) return;
    const { index } = open;
    const options = getSaveOptions();
    setStatus(words.saving);
    props.save(open.read, open.decisions, options).then(
      (folder) => {
        setSaved((current) => new Set(current).add(index));
        setTaken((current) => new Set(current).add(options.id));
        go({ name: 'report', entry: index });
        setStatus(words.saved(folder));
      },
      (error: unknown) => setStatus(words.notSaved(describeError(error, language))),
    );
  };

  const session = (): Session => {
    const view = getView();
    const open = openReport(view);
    return {
      words,
      language,
      view,
      entries,
      visible: visibleOf(view),
      open,
      width,
      bodyHeight: bodyHeightOf(getPrompt(), getStatus()),
      go,
      setCursor: (cursor) => setView((current) => ({ ...current, cursor })),
      update: (change) => setView((current) => ({ ...current, ...change })),
      say: setStatus,
      prompt: (prompt) => setPrompt({ kind: 'line', text: '', ...prompt }),
      decide,
      chat: { input: getChatInput(), busy: getBusy(), setInput: setChatInput, ask },
      save: {
        ...getSaveOptions(),
        set: (change) => setSaveOptions((current) => ({ ...current, ...change })),
        start: () => {
          if (!open) return;
          setSaveOptions({ id: defaultFixtureId(open.read, getTaken()), includeNarrative: false });
          go({ name: 'save', entry: open.index });
        },
        write: writeFixture,
      },
    };
  };

  const back = () => {
    const { screen } = getView();
    if (screen.name === 'source') go({ name: 'report', entry: screen.entry }, screen.item);
    else if (screen.name === 'row') go({ name: 'tables', entry: screen.entry }, screen.row);
    else if (screen.name === 'tables' || screen.name === 'chat' || screen.name === 'save') go({ name: 'report', entry: screen.entry });
    else if (screen.name === 'report') {
      const visible = visibleOf(getView());
      go({ name: 'list' }, Math.max(0, visible.findIndex(({ index }) => index === screen.entry)));
    }
  };

  function handleKey(input: string, key: KeyPress) {
    const { screen } = getView();
    const current = getPrompt();
    if (current) {
      const edit = editLine(current.text, input, key);
      if (edit.done === 'cancel') {
        setPrompt(null);
        setStatus(words.cancelled);
      } else if (edit.done === 'submit') {
        setPrompt(null);
        current.submit(edit.text);
      } else {
        setPrompt({ ...current, text: edit.text });
        if (current.kind === 'filter') setView((view) => ({ ...view, filter: edit.text, cursor: 0 }));
      }
      return;
    }
    if (screen.name === 'chat') return key.escape ? back() : chatKeys(input, key, session());
    if (key.ctrl) return;
    if (getQuitting()) {
      if (input === 'q') return exit();
      setQuitting(false);
      setStatus(null);
      return;
    }
    if (input === 'q') {
      const unsaved = [...getDecisions()].filter(([index, map]) => map.size > 0 && !getSaved().has(index)).length;
      if (unsaved === 0) return exit();
      setQuitting(true);
      return setStatus(words.unsavedOnQuit(unsaved));
    }
    if (input === '?') return setHelp((shown) => !shown);
    if (key.escape || key.leftArrow || key.backspace || key.delete) return back();
    SCREEN_KEYS[screen.name](input, key, session());
  }

  useInput((input, key) => {
    for (const [character, press] of keysOfChunk(input, key)) handleKey(character, press);
  });

  const prompt = getPrompt();
  const status = getStatus();
  const bodyHeight = bodyHeightOf(prompt, status);
  const open = openReport(view);
  const loaded = getTexts().get(openIndex);
  const problem = loaded && 'problem' in loaded ? loaded.problem : null;
  const { screen, cursor } = view;
  const body =
    screen.name === 'list' ? (
      <ListScreen visible={visibleOf(view).map(({ entry }) => entry)} cursor={cursor} width={width} height={bodyHeight} filter={view.filter} typing={prompt?.kind === 'filter'} sort={view.sort} notReports={props.notReports ?? 0} color={color} />
    ) : !open ? null : screen.name === 'report' ? (
      <ReportScreen result={open.read} items={open.items} decisions={open.decisions} raised={open.checked.raised.length} mended={open.checked.mended.length} cursor={cursor} width={width} height={bodyHeight} color={color} />
    ) : screen.name === 'source' && open.items[screen.item] ? (
      <SourceScreen open={open} item={open.items[screen.item]!} cursor={cursor} problem={problem} width={width} height={bodyHeight} color={color} />
    ) : screen.name === 'tables' ? (
      <TablesScreen result={open.read} rows={open.rows} decisions={open.decisions} cursor={cursor} width={width} height={bodyHeight} color={color} />
    ) : screen.name === 'row' && open.rows[screen.row] ? (
      <RowScreen open={open} row={open.rows[screen.row]!} decisions={open.decisions} cursor={cursor} problem={problem} width={width} height={bodyHeight} color={color} />
    ) : screen.name === 'chat' ? (
      <ChatScreen result={open.read} turns={chats.get(open.index) ?? []} input={getChatInput()} askLabel={props.askLabel} busy={getBusy()} width={width} color={color} />
    ) : screen.name === 'save' ? (
      <SaveScreen result={open.read} decisions={open.decisions} folder={`${props.fixturesDirectory}/${getSaveOptions().id}`} includeNarrative={getSaveOptions().includeNarrative} width={width} />
    ) : null;
  return (
    <Box flexDirection="column" width={width}>
      {body}
      {prompt && prompt.kind !== 'filter' ? <Text bold>{truncate(`${prompt.label}${language === 'zh' ? '：' : ': '}${prompt.text}▏`, width)}</Text> : null}
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
