import type { Span } from '../report/schemas.js';
import type { Token } from './tokens.js';

export type ValueToken = Exclude<Token, { kind: 'text' }>;

/** A cell placed on the template: its value, the text it was read from, and where. */
export type PlacedCell = {
  readonly value: number | null;
  readonly raw: string;
  readonly span: Span;
};

/** A rule a row's values must satisfy for a reading to be accepted (blank counts as 0). */
export type RowRule = (values: readonly number[]) => boolean;

export type RowReading =
  | { readonly kind: 'printed'; readonly cells: readonly PlacedCell[] }
  | { readonly kind: 'recovered'; readonly cells: readonly PlacedCell[] }
  | {
      readonly kind: 'ambiguous';
      readonly reason: 'several-readings' | 'no-reading' | 'too-many-values';
      readonly candidates: readonly (readonly (number | null)[])[];
      readonly span: Span;
    };

/** Beyond this many readings the row is reported as ambiguous rather than searched further. */
const MAX_READINGS = 50_000;
/**
 * Beyond this many cuts tried the row is ambiguous too: a long glued run (a copy that lost its
 * line breaks) can be cut in billions of ways that are almost all not canonical numbers, so the
 * readings alone never reach their limit while the search runs for minutes.
 */
const MAX_CUTS = 300_000;
/**
 * No cell of the template holds more digits than this (the largest are fees in 元 with cents): a
 * glued run is never cut into a longer part, and a run longer than its parts could hold is not
 * searched at all (a 200 000-digit run took minutes of canonical-number tests).
 */
const MAX_CELL_DIGITS = 15;
type Budget = { cuts: number };
const MAX_LISTED_CANDIDATES = 12;

/**
 * Lays the value tokens printed for one row onto `width` cells. Printed positions are used
 * when the layout shows them; otherwise digits are split and dropped blanks placed only where
 * `rule` leaves exactly one reading. Never guesses: anything else is `ambiguous`.
 */
export function readRow(tokens: readonly ValueToken[], width: number, rule?: RowRule): RowReading {
  if (tokens.length === width) return { kind: 'printed', cells: tokens.map(placeToken) };
  const span = spanOf(tokens);
  if (tokens.length > width) {
    const trimmed = trimPadding(tokens, width, rule);
    if (trimmed) return trimmed;
  }
  const numbers = tokens.filter((token) => token.kind === 'number');
  if (numbers.length > width && numbers.every((token) => !isSplittable(token))) {
    return { kind: 'ambiguous', reason: 'too-many-values', candidates: [], span };
  }
  return splitAndPlace(numbers, width, rule, span);
}

function placeToken(token: ValueToken): PlacedCell {
  if (token.kind === 'blank') return { value: null, raw: '', span: token.span };
  return { value: toValue(token.digits), raw: token.text, span: token.span };
}

/** A printed number's value; null when it cannot be read ("5949.08.8667", an OCR or typing slip). */
function toValue(digits: string): number | null {
  const value = Number(digits);
  return digits !== '' && Number.isFinite(value) ? value : null;
}

function spanOf(tokens: readonly ValueToken[]): Span {
  const first = tokens[0];
  const last = tokens.at(-1);
  return first && last ? { start: first.span.start, end: last.span.end } : { start: 0, end: 0 };
}

// Merged label columns and trailing separators leave blank fields at the ends of a row.
function trimPadding(tokens: readonly ValueToken[], width: number, rule?: RowRule): RowReading | undefined {
  const excess = tokens.length - width;
  const leading = countWhile(tokens, (token) => token.kind === 'blank');
  const trailing = countWhile([...tokens].reverse(), (token) => token.kind === 'blank');
  const options: ValueToken[][] = [];
  for (let fromStart = 0; fromStart <= excess; fromStart += 1) {
    const fromEnd = excess - fromStart;
    if (fromStart > leading || fromEnd > trailing) continue;
    options.push(tokens.slice(fromStart, tokens.length - fromEnd));
  }
  const distinct = uniqueBy(options, (option) => option.map((token) => token.kind).join());
  if (distinct.length === 0) return undefined;
  if (distinct.length === 1) return { kind: 'printed', cells: distinct[0]!.map(placeToken) };
  const valid = rule ? distinct.filter((option) => rule(option.map(valueOrZero))) : [];
  if (valid.length === 1) return { kind: 'recovered', cells: valid[0]!.map(placeToken) };
  return {
    kind: 'ambiguous',
    reason: valid.length === 0 && rule ? 'no-reading' : 'several-readings',
    candidates: (valid.length > 0 ? valid : distinct).map((option) => option.map((token) => placeToken(token).value)),
    span: spanOf(tokens),
  };
}

function valueOrZero(token: ValueToken): number {
  return token.kind === 'number' ? (toValue(token.digits) ?? 0) : 0;
}

function countWhile<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  let count = 0;
  while (count < items.length && predicate(items[count]!)) count += 1;
  return count;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

// A glued run may start with a minus sign ("-18538"): it belongs to the first number cut from it.
function isSplittable(token: Extract<ValueToken, { kind: 'number' }>): boolean {
  return !token.isCell && token.digits.replace(/[-.]/g, '').length >= 2;
}

type Part = { readonly value: number | null; readonly raw: string; readonly span: Span };

/**
 * Glued digits ("640020470") and dropped blanks: readings that fill every cell from the digits
 * come first; a blank is assumed only when no such reading satisfies the rule.
 */
function splitAndPlace(
  numbers: readonly Extract<ValueToken, { kind: 'number' }>[],
  width: number,
  rule: RowRule | undefined,
  span: Span,
): RowReading {
  if (numbers.length === 0) return { kind: 'ambiguous', reason: 'no-reading', candidates: [], span };
  let budget = MAX_READINGS;
  const search: Budget = { cuts: MAX_CUTS };
  for (let blanks = 0; blanks < width; blanks += 1) {
    const parts = width - blanks;
    const readings: (Part | null)[][] = [];
    for (const split of splitTokens(numbers, parts, search)) {
      for (const placed of placeBlanks(split, width)) {
        budget -= 1;
        if (budget < 0) return { kind: 'ambiguous', reason: 'several-readings', candidates: [], span };
        if (!rule || rule(placed.map((part) => part?.value ?? 0))) readings.push(placed);
      }
    }
    if (search.cuts < 0) return { kind: 'ambiguous', reason: 'several-readings', candidates: [], span };
    if (readings.length === 1) {
      const cells = readings[0]!.map((part, index) =>
        part ?? { value: null, raw: '', span: blankSpan(readings[0]!, index, span) },
      );
      return { kind: 'recovered', cells };
    }
    if (readings.length > 1) {
      return {
        kind: 'ambiguous',
        reason: 'several-readings',
        candidates: readings.slice(0, MAX_LISTED_CANDIDATES).map((reading) => reading.map((part) => part?.value ?? null)),
        span,
      };
    }
  }
  return { kind: 'ambiguous', reason: 'no-reading', candidates: [], span };
}

// A dropped blank has no text of its own: point at the place between its neighbours.
function blankSpan(reading: readonly (Part | null)[], index: number, row: Span): Span {
  for (let before = index - 1; before >= 0; before -= 1) {
    const part = reading[before];
    if (part) return { start: part.span.end, end: part.span.end };
  }
  return { start: row.start, end: row.start };
}

/** Every way to cut the tokens, in order, into exactly `parts` canonical numbers. */
function* splitTokens(
  numbers: readonly Extract<ValueToken, { kind: 'number' }>[],
  parts: number,
  budget: Budget,
): Generator<Part[]> {
  const [first, ...rest] = numbers;
  if (!first) {
    if (parts === 0) yield [];
    return;
  }
  const maxHere = isSplittable(first) ? Math.min(first.digits.length, parts - rest.length) : 1;
  // The tokens after this one can hold at most `capacity` parts: take at least the rest here.
  const capacity = rest.reduce((total, token) => total + (isSplittable(token) ? token.digits.length : 1), 0);
  for (let count = Math.max(1, parts - capacity); count <= maxHere; count += 1) {
    for (const head of cutDigits(first, count, budget)) {
      for (const tail of splitTokens(rest, parts - count, budget)) yield [...head, ...tail];
    }
  }
}

function* cutDigits(token: Extract<ValueToken, { kind: 'number' }>, count: number, budget: Budget): Generator<Part[]> {
  if (count === 1) {
    if (isCanonical(token.digits)) {
      yield [{ value: toValue(token.digits), raw: token.text, span: token.span }];
    }
    return;
  }
  yield* cutFrom(token, 0, count, budget);
}

function* cutFrom(
  token: Extract<ValueToken, { kind: 'number' }>,
  offset: number,
  count: number,
  budget: Budget,
): Generator<Part[]> {
  const remaining = token.digits.length - offset;
  if (remaining > count * MAX_CELL_DIGITS) return;
  if (count === 1) {
    const digits = token.digits.slice(offset);
    if (isCanonical(digits)) yield [partOf(token, offset, token.digits.length)];
    return;
  }
  for (let length = 1; length <= Math.min(remaining - (count - 1), MAX_CELL_DIGITS); length += 1) {
    if (--budget.cuts < 0) return;
    const digits = token.digits.slice(offset, offset + length);
    if (!isCanonical(digits)) continue;
    for (const rest of cutFrom(token, offset + length, count - 1, budget)) {
      yield [partOf(token, offset, offset + length), ...rest];
    }
  }
}

// Digits map one to one onto the printed characters, so sub-spans are exact.
function partOf(token: Extract<ValueToken, { kind: 'number' }>, from: number, to: number): Part {
  return {
    value: toValue(token.digits.slice(from, to)),
    raw: token.text.slice(from, to),
    span: { start: token.span.start + from, end: token.span.start + to },
  };
}

/** How a number is printed: no leading zero ("0.5" aside), no dot at either end, a sign only in front. */
function isCanonical(digits: string): boolean {
  const unsigned = digits.startsWith('-') ? digits.slice(1) : digits;
  if (!/^\d+(?:\.\d+)?$/.test(unsigned)) return false;
  return unsigned === '0' || !unsigned.startsWith('0') || unsigned.startsWith('0.');
}

/** Every way to spread `parts` over `width` cells, keeping their order, blanks elsewhere. */
function* placeBlanks(parts: readonly Part[], width: number): Generator<(Part | null)[]> {
  if (parts.length === width) {
    yield [...parts];
    return;
  }
  if (parts.length === 0) {
    yield Array.from({ length: width }, () => null);
    return;
  }
  const [first, ...rest] = parts;
  for (const tail of placeBlanks(rest, width - 1)) yield [first!, ...tail];
  if (width > parts.length) {
    for (const tail of placeBlanks(parts, width - 1)) yield [null, ...tail];
  }
}
