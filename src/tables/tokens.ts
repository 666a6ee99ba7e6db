import type { Grid } from '../ingest/html.js';
import type { Span } from '../report/schemas.js';

/**
 * A table region read as a stream: label text, numbers, and blanks (an empty cell that the
 * layout makes visible: an empty pipe/tab field or an empty HTML cell). Layouts that drop
 * blank cells (PDF text, glued digits) simply produce no blank token.
 */
export type Token =
  | { readonly kind: 'text'; readonly text: string; readonly span: Span; readonly line: number }
  | {
      readonly kind: 'number';
      readonly text: string;
      readonly digits: string;
      readonly span: Span;
      readonly line: number;
      /** A whole layout cell (pipe, tab, HTML): never split. Glued text runs may be. */
      readonly isCell: boolean;
    }
  | { readonly kind: 'blank'; readonly span: Span; readonly line: number };

/** Tokens are collected per printed line (a text line, or an HTML table row). */
type Sink = { readonly tokens: Token[]; readonly line: number; readonly signed: boolean };

export type TokenizeOptions = {
  /** Read "-185" as a negative number (the 2019 template's 本年增/减), not as a zero mark and digits. */
  readonly signed?: boolean;
};

export type NumberToken = Extract<Token, { kind: 'number' }>;

// Reports write zero as 0, ０, —, -, / or 无 (whole cells only: 无法提供 is a label).
const ZERO_MARKS = new Set(['—', '——', '-', '－', '–', '/', '／', '无', '〇']);
const NUMBER = /^(?:\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+)$/;
const SIGNED_NUMBER = /^-(?:\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+)$/;
const MINUS = /[-－−–]/;

/** Full-width digits and dots are digits; the mapping is one character to one character. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９．]/g, (character) =>
    String.fromCharCode(character.charCodeAt(0) - 0xfee0),
  );
}

/** Tokens of the text between `span.start` and `span.end`, line by line. */
export function tokenizeText(text: string, span: Span, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  const signed = options.signed ?? false;
  let lineStart = span.start;
  let line = 0;
  while (lineStart < span.end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > span.end) lineEnd = span.end;
    tokenizeLine(text, lineStart, lineEnd, { tokens, line, signed });
    lineStart = lineEnd + 1;
    line += 1;
  }
  return tokens;
}

/** Tokens of HTML grids that lie inside `span`: each cell that starts on a row is one field. */
export function tokenizeGrids(grids: readonly Grid[], span: Span, text: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  const signed = options.signed ?? false;
  let line = 0;
  for (const grid of grids) {
    if (grid.span.end <= span.start || grid.span.start >= span.end) continue;
    for (const row of grid.rows) {
      for (const cell of row) pushField(text, cell.span.start, cell.span.end, { tokens, line, signed });
      line += 1;
    }
  }
  return tokens;
}

// Page furniture that PDF copies leave inside tables: "— 5 —", "- 12 -", "第 3 页 共 9 页".
const PAGE_NUMBER = /^\s*(?:[—–\-－]+\s*\d+\s*[—–\-－]+|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?)\s*$/;
// Tested on the trimmed line, each run of spaces matched in one place only: the older form
// (\s*\|?\s* at its start) tried every split of a long run of spaces, quadratic in its length.
const MARKDOWN_RULE = /^\|?\s*:?-{3,}:?(?:\s*\|\s*:?-{3,}:?)*\s*\|?$/;
function isMarkdownRule(line: string): boolean {
  return line.includes('---') && MARKDOWN_RULE.test(line.trim());
}

// Word copies put each cell on its own line, indented by one tab; a blank line ends a row.
const ONE_CELL_LINE = /^\t[^\t]*$/;

function tokenizeLine(text: string, start: number, end: number, sink: Sink): void {
  const line = text.slice(start, end);
  if (line.trim().length === 0 && !line.includes('\t')) return;
  if (isMarkdownRule(line) || PAGE_NUMBER.test(line)) return;
  if (line.includes('|')) {
    splitFields(text, start, end, '|', sink, true);
  } else if (ONE_CELL_LINE.test(line)) {
    pushField(text, start + 1, end, sink);
  } else if (line.includes('\t')) {
    splitFields(text, start, end, '\t', sink, false);
  } else {
    lexInline(text, start, end, sink);
  }
}

function splitFields(
  text: string,
  start: number,
  end: number,
  separator: string,
  sink: Sink,
  isPipe: boolean,
): void {
  const bounds: [number, number][] = [];
  let fieldStart = start;
  for (let index = start; index <= end; index += 1) {
    if (index === end || text[index] === separator) {
      bounds.push([fieldStart, index]);
      fieldStart = index + 1;
    }
  }
  if (isPipe) {
    // "| a | b |": the empty edges around leading and trailing pipes are not cells.
    const first = bounds[0];
    if (first && text.slice(first[0], first[1]).trim() === '') bounds.shift();
    const last = bounds.at(-1);
    if (last && text.slice(last[0], last[1]).trim() === '') bounds.pop();
  }
  for (const [fieldStart, fieldEnd] of bounds) pushField(text, fieldStart, fieldEnd, sink);
}

/** One layout cell: blank, a whole number or zero mark, or a label. */
function pushField(text: string, start: number, end: number, sink: Sink): void {
  const { tokens, line } = sink;
  let trimmedStart = start;
  let trimmedEnd = end;
  while (trimmedStart < trimmedEnd && isSpace(text[trimmedStart]!)) trimmedStart += 1;
  while (trimmedEnd > trimmedStart && isSpace(text[trimmedEnd - 1]!)) trimmedEnd -= 1;
  const field = text.slice(trimmedStart, trimmedEnd);
  if (field.length === 0) {
    tokens.push({ kind: 'blank', span: { start, end }, line });
    return;
  }
  const number = asNumber(field, sink.signed);
  if (number !== undefined) {
    tokens.push({ kind: 'number', text: field, digits: number, span: { start: trimmedStart, end: trimmedEnd }, line, isCell: true });
    return;
  }
  // A layout cell holding words is a label, even with digits in it ("数据1", "22（其中修订16件）").
  tokens.push({ kind: 'text', text: field, span: { start: trimmedStart, end: trimmedEnd }, line });
}

function asNumber(field: string, signed: boolean): string | undefined {
  if (ZERO_MARKS.has(field)) return '0';
  const ascii = toAsciiDigits(field);
  if (NUMBER.test(ascii)) return ascii.replace(/,/g, '');
  const withMinus = ascii.replace(MINUS, '-');
  return signed && SIGNED_NUMBER.test(withMinus) ? withMinus.replace(/,/g, '') : undefined;
}

function isSpace(character: string): boolean {
  return /[\s\u00a0\u3000]/.test(character);
}

const OPENING = '(（[【〔';
const CLOSING = ')）]】〕';

/**
 * Lexes free text into text and number tokens. Words separated by spaces are separate; digits
 * glued to labels are split off. Two quirks of glued copies are handled: the item number of the
 * next label ("00000002.其他法律…" is "0000000" then "2.其他法律…"), and annotations in brackets
 * ("22（其中修订 16 件）"), whose digits are never cells.
 */
function lexInline(text: string, start: number, end: number, sink: Sink): void {
  const { tokens, line } = sink;
  let index = start;
  let textStart = -1;
  const annotated = closedBrackets(text, start, end);
  const flushText = (upTo: number) => {
    if (textStart === -1) return;
    const value = text.slice(textStart, upTo).trim();
    if (value.length > 0) tokens.push({ kind: 'text', text: value, span: { start: textStart, end: upTo }, line });
    textStart = -1;
  };
  while (index < end) {
    const character = text[index]!;
    const inBrackets = annotated[index - start] === 1;
    // "2648-18538": the minus sign opens the next number when signed cells are expected.
    const isSign = sink.signed && MINUS.test(character) && index + 1 < end && isDigit(text[index + 1]!);
    if (!inBrackets && (isDigit(character) || isSign)) {
      let runEnd = isSign ? index + 1 : index;
      while (runEnd < end && (isDigit(text[runEnd]!) || isDecimalPoint(text, runEnd, end))) runEnd += 1;
      const next = text[runEnd];
      const previous = index > start ? text[index - 1]! : ' ';
      // "2.其他" / "3、" : an item number belongs to the label that follows it.
      const itemNumber = next !== undefined && /[.．、]/.test(next) && !isDigit(text[runEnd + 1] ?? '');
      let numberEnd = itemNumber ? runEnd - 1 : runEnd;
      // Digits inside a word of Latin letters (URLs, codes) are not cells.
      const inWord = /[A-Za-z_]/.test(previous) || /[A-Za-z_%]/.test(next ?? '');
      if (numberEnd > (isSign ? index + 1 : index) && !inWord) {
        flushText(index);
        const raw = text.slice(index, numberEnd);
        const digits = toAsciiDigits(raw).replace(MINUS, '-');
        tokens.push({ kind: 'number', text: raw, digits, span: { start: index, end: numberEnd }, line, isCell: false });
        if (itemNumber) textStart = numberEnd;
        index = runEnd;
        continue;
      }
      if (textStart === -1) textStart = index;
      index = Math.max(runEnd, index + 1);
      continue;
    }
    if (isSpace(character)) {
      flushText(index);
    } else if (!inBrackets && ZERO_MARKS.has(character) && isLone(text, index, start, end)) {
      flushText(index);
      tokens.push({ kind: 'number', text: character, digits: '0', span: { start: index, end: index + 1 }, line, isCell: true });
    } else if (textStart === -1) {
      textStart = index;
    }
    index += 1;
  }
  flushText(end);
}

/**
 * Marks the characters inside closed bracket pairs. A bracket left open on the line is a label
 * wrapped mid-parenthesis by a PDF ("（区分处理的，只计这一情形，不" ⏎ "计其他情形）"): the digits after
 * it are the row's cells, not an annotation.
 */
function closedBrackets(text: string, start: number, end: number): Uint8Array {
  const marks = new Uint8Array(end - start);
  const open: number[] = [];
  for (let index = start; index < end; index += 1) {
    const character = text[index]!;
    if (OPENING.includes(character)) open.push(index);
    else if (CLOSING.includes(character) && open.length > 0) {
      const from = open.pop()!;
      marks.fill(1, from - start, index - start + 1);
    }
  }
  return marks;
}

function isDigit(character: string): boolean {
  return /[0-9０-９]/.test(character);
}

function isDecimalPoint(text: string, index: number, end: number): boolean {
  return /[.．]/.test(text[index]!) && index + 1 < end && isDigit(text[index + 1]!) && index > 0 && isDigit(text[index - 1]!);
}

// A zero mark counts only standing alone between spaces: "—" is 0, "无法提供" is a label.
function isLone(text: string, index: number, start: number, end: number): boolean {
  const before = index === start || isSpace(text[index - 1]!);
  const after = index + 1 === end || isSpace(text[index + 1]!);
  return before && after;
}
