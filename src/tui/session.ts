import type { Language } from '../checks/language.js';
import type { Recheck } from '../label/recheck.js';
import type { Decision, Decisions } from '../label/review.js';
import type { TuiWords } from '../messages/tui.js';
import type { Result } from '../report/schemas.js';
import type { Item, ViewRow } from './items.js';
import type { ReportEntry } from './load-reports.js';

export type Screen =
  | { readonly name: 'list' }
  | { readonly name: 'report'; readonly entry: number }
  | { readonly name: 'source'; readonly entry: number; readonly item: number }
  | { readonly name: 'tables'; readonly entry: number }
  | { readonly name: 'row'; readonly entry: number; readonly row: number }
  | { readonly name: 'chat'; readonly entry: number }
  | { readonly name: 'save'; readonly entry: number };

export type ScreenName = Screen['name'];

/** How the list is ordered: as given, most errors first, by agency (拼音 order), by year. */
export const SORT_ORDERS = ['given', 'errors', 'agency', 'year'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Where the person is: the screen, its cursor (the scroll offset on the source screen), the list's filter and order. */
export type View = { readonly screen: Screen; readonly cursor: number; readonly filter: string; readonly sort: SortOrder };

/** A line of text being typed at the bottom: the list's filter, a value, a reason, a fixture id. */
export type Prompt = { readonly kind: 'filter' | 'line'; readonly label: string; readonly text: string; readonly submit: (text: string) => void };

/** The report that is open, as read and as it reads with the person's decisions. */
export type OpenReport = {
  readonly index: number;
  readonly read: Result;
  readonly checked: Recheck;
  readonly decisions: Decisions;
  readonly items: readonly Item[];
  readonly rows: readonly ViewRow[];
  /** The document text its spans point into; null until read (or when it cannot be). */
  readonly text: string | null;
  /** How many lines that text has (0 until read). */
  readonly lineCount: number;
};

/** A value the person can confirm, edit or (a finding) dismiss. */
export type Target = { readonly key: string; readonly label: string; readonly kind: 'number' | 'cell' | 'text' | 'finding' };

/**
 * What a screen's key handler sees and can do. Built afresh for every key from the state the
 * previous key left, so a burst of keys acts on the screens the earlier ones opened.
 */
export type Session = {
  readonly words: TuiWords;
  readonly language: Language;
  readonly view: View;
  readonly entries: readonly ReportEntry[];
  /** The list's entries after the filter and in the chosen order, with their place in `entries`. */
  readonly visible: readonly { readonly entry: ReportEntry; readonly index: number }[];
  readonly open: OpenReport | null;
  readonly width: number;
  /** Rows the screen's body has. */
  readonly bodyHeight: number;
  go(screen: Screen, cursor?: number): void;
  setCursor(cursor: number): void;
  update(change: Partial<Pick<View, 'filter' | 'sort'>>): void;
  say(status: string | null): void;
  prompt(prompt: Omit<Prompt, 'text' | 'kind'> & { readonly text?: string; readonly kind?: Prompt['kind'] }): void;
  /** Records decisions about the open report (null undoes one) and says what the recheck found. */
  decide(changes: readonly (readonly [key: string, decision: Decision | null])[], message: string): void;
  readonly chat: { readonly input: string; readonly busy: boolean; setInput(text: string): void; ask(question: string): void };
  readonly save: { readonly id: string; readonly includeNarrative: boolean; set(change: Partial<{ id: string; includeNarrative: boolean }>): void; start(): void; write(): void };
};
