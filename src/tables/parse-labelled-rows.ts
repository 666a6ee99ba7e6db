import type { Span } from '../report/schemas.js';
import type { RowTemplate } from '../report/template.js';
import { normalizeLabel } from '../sections/normalized-text.js';
import { readRow, type RowReading, type RowRule, type ValueToken } from './read-row.js';
import type { Token } from './tokens.js';

/** A template row as found in the report. `reading` is null when its label was not found. */
export type ParsedRow = {
  readonly template: RowTemplate;
  readonly printedLabel: string | null;
  readonly labelSpan: Span | null;
  readonly reading: RowReading | null;
};

export type LabelledRowsParse = {
  readonly rows: readonly ParsedRow[];
  /** Numbers that no row claimed (cells left over). */
  readonly leftovers: readonly Span[];
};

type TextToken = Extract<Token, { kind: 'text' }>;
type Group = { readonly context: TextToken[]; readonly values: ValueToken[] };

// Header rows print column words ("其他", "总计") that are also row keys: a row without numbers
// may only be the row expected next, and a row with numbers may skip a few rows whose labels
// were lost, no more.
const MAX_SKIPPED_ROWS = 8;
const GROUP_LABEL = /[（(][一二三四五六七八九十][)）]/;

/**
 * Lays a token stream onto template rows. The stream is cut into groups: the label text seen
 * since the last row, then a run of values. A run printed over several lines that each hold a
 * whole row is several rows. A row belongs to the first template row, at or after the next
 * expected one, whose key phrase occurs in the label text; labels wrapped over lines, split over
 * cells or glued to their digits all reduce to this. PDF-to-Markdown copies print some value rows
 * apart from their labels but in template order: once the table has started, a complete row with
 * no label of its own takes the next row.
 */
export function parseLabelledRows(
  tokens: readonly Token[],
  templates: readonly RowTemplate[],
  ruleFor: (template: RowTemplate) => RowRule | undefined,
): LabelledRowsParse {
  const found = new Map<number, ParsedRow>();
  const leftovers: Span[] = [];
  let nextRow = 0;
  let context: TextToken[] = [];
  for (const group of groupsOf(tokens)) {
    context = [...context, ...group.context];
    for (const { values, isStray } of rowsOf(group.values, templates[nextRow]?.columns.length ?? 0)) {
      const hasNumbers = values.some((token) => token.kind === 'number');
      if (isStray) {
        leftovers.push(spanOfValues(values));
        continue;
      }
      const match =
        (nextRow < templates.length
          ? matchRow(context, templates, nextRow, hasNumbers ? nextRow + MAX_SKIPPED_ROWS : nextRow)
          : undefined) ??
        unlabelledRow(values, context, templates, nextRow) ??
        matchEarlierRow(values, context, templates, found, nextRow);
      if (!match) {
        if (hasNumbers && nextRow > 0) leftovers.push(spanOfValues(values));
        if (hasNumbers) context = [];
        continue;
      }
      const template = templates[match.index]!;
      found.set(match.index, {
        template,
        printedLabel: match.label,
        labelSpan: match.span,
        reading: readRow(values, template.columns.length, ruleFor(template)),
      });
      nextRow = Math.max(nextRow, match.index + 1);
      context = match.consumed < 0 ? context : context.slice(match.consumed);
    }
    if (found.size === templates.length) break;
  }
  const rows = templates.map(
    (template, index) => found.get(index) ?? { template, printedLabel: null, labelSpan: null, reading: null },
  );
  return { rows, leftovers };
}

function* groupsOf(tokens: readonly Token[]): Generator<Group> {
  let context: TextToken[] = [];
  let values: ValueToken[] = [];
  for (const token of tokens) {
    if (token.kind === 'text') {
      if (values.length > 0) {
        yield { context, values };
        context = [];
        values = [];
      }
      context.push(token);
    } else {
      values.push(token);
    }
  }
  if (values.length > 0) yield { context, values };
}

/**
 * Splits a run of values into printed rows. Lines that each hold a whole row (`width` cells) are
 * rows of their own; when no line does, the run is one row (one cell per line, wrapped PDF rows).
 * Beside whole-row lines, a line of fewer numbers is a stray (a cell displaced by the copy).
 */
function* rowsOf(values: readonly ValueToken[], width: number): Generator<{ values: ValueToken[]; isStray: boolean }> {
  const lines: ValueToken[][] = [];
  for (const token of values) {
    const last = lines.at(-1);
    if (last && last[0]!.line === token.line) last.push(token);
    else lines.push([token]);
  }
  const filled = lines.filter((line) => line.some((token) => token.kind === 'number'));
  const isWholeRow = (line: readonly ValueToken[]) => countNumbers(line) === width;
  if (width === 0 || filled.length < 2 || !filled.some(isWholeRow)) {
    yield { values: [...values], isStray: false };
    return;
  }
  for (const line of filled) yield { values: line, isStray: !isWholeRow(line) };
}

function countNumbers(values: readonly ValueToken[]): number {
  return values.filter((token) => token.kind === 'number').length;
}

type RowMatch = { index: number; label: string | null; span: Span | null; consumed: number };

function matchRow(context: readonly TextToken[], templates: readonly RowTemplate[], from: number, to: number): RowMatch | undefined {
  if (context.length === 0) return undefined;
  const normalized = context.map((token) => normalizeLabel(token.text));
  const joined = normalized.join('');
  for (let index = from; index <= Math.min(to, templates.length - 1); index += 1) {
    for (const key of templates[index]!.keys) {
      const at = keyPosition(joined, key, templates[index]!.notKeys ?? []);
      if (at === -1) continue;
      // The printed label starts at the token holding the key phrase and runs to the next
      // row's key (labels of later rows printed in the same place stay for those rows).
      const first = tokenIndexAt(normalized, at);
      const last = lastLabelToken(normalized, first, templates, index);
      const labelTokens = context.slice(first, last + 1);
      const skip = headerPrefixLength(labelTokens[0]!.text, key);
      return {
        index,
        label: [labelTokens[0]!.text.slice(skip), ...labelTokens.slice(1).map((token) => token.text)].join(' '),
        span: { start: labelTokens[0]!.span.start + skip, end: labelTokens.at(-1)!.span.end },
        consumed: last + 1,
      };
    }
  }
  return undefined;
}

// The last words of a column header. Glued copies run the header into the first row's label
// ("…本年增/减处理决定数量行政许可"): the label starts after them.
const HEADER_ENDINGS = ['信息内容', '件数', '数量', '本年增/减', '总金额', '（单位：万元）', '法律服务机构其他'];

function headerPrefixLength(text: string, key: string): number {
  const at = text.indexOf(key);
  if (at <= 0) return 0;
  const before = text.slice(0, at);
  return Math.max(0, ...HEADER_ENDINGS.map((ending) => {
    const end = before.lastIndexOf(ending);
    return end === -1 ? 0 : end + ending.length;
  }));
}

/** Where `key` occurs in `text` outside every longer phrase of `notKeys`; -1 when it does not. */
function keyPosition(text: string, key: string, notKeys: readonly string[]): number {
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + 1)) {
    const inside = notKeys.some((phrase) => {
      const offset = phrase.indexOf(key);
      return offset !== -1 && text.startsWith(phrase, at - offset);
    });
    if (!inside) return at;
  }
  return -1;
}

function tokenIndexAt(normalized: readonly string[], at: number): number {
  let offset = 0;
  let index = 0;
  while (index < normalized.length - 1 && offset + normalized[index]!.length <= at) {
    offset += normalized[index]!.length;
    index += 1;
  }
  return index;
}

function lastLabelToken(normalized: readonly string[], first: number, templates: readonly RowTemplate[], index: number): number {
  const later = templates.slice(index + 1, index + 1 + MAX_SKIPPED_ROWS);
  for (let token = first + 1; token < normalized.length; token += 1) {
    if (later.some((template) => template.keys.some((key) => normalized[token]!.includes(key)))) return token - 1;
  }
  return normalized.length - 1;
}

/** A labelled row printed after later rows (table 2's first rows moved below the rest). */
function matchEarlierRow(
  values: readonly ValueToken[],
  context: readonly TextToken[],
  templates: readonly RowTemplate[],
  found: ReadonlyMap<number, ParsedRow>,
  nextRow: number,
): RowMatch | undefined {
  for (let index = 0; index < nextRow; index += 1) {
    if (found.has(index) || countNumbers(values) === 0) continue;
    const match = matchRow(context, templates, index, index);
    if (match) return match;
  }
  return undefined;
}

function unlabelledRow(
  values: readonly ValueToken[],
  context: readonly TextToken[],
  templates: readonly RowTemplate[],
  nextRow: number,
): RowMatch | undefined {
  const template = templates[nextRow];
  if (nextRow === 0 || !template || countNumbers(values) !== template.columns.length) return undefined;
  // A row printed under a group label of its own that matches no template row ("（六）其他处理"
  // merged into one row) is not "the next row"; a wrapped label's tail is no such label.
  if (context.some((token) => GROUP_LABEL.test(token.text))) return undefined;
  return { index: nextRow, label: null, span: null, consumed: -1 };
}

function spanOfValues(values: readonly ValueToken[]): Span {
  return { start: values[0]!.span.start, end: values.at(-1)!.span.end };
}
