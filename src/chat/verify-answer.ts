import { containsNumber } from '../extract/ground-narrative.js';
import type { Result, Span } from '../report/schemas.js';
import { normalizeText } from '../sections/normalized-text.js';
import type { ChatAnswer } from './answer-schema.js';

export type VerifiedCitation = {
  readonly value: number;
  readonly quote: string;
  /** The quote occurs in the report (after width and whitespace normalisation) and contains the value. */
  readonly verified: boolean;
  readonly span: Span | null;
};

/** A run of the answer: plain text, or a number and whether a verified quote backs it. */
export type AnswerPiece = { readonly text: string; readonly number?: { readonly value: number; readonly verified: boolean } };

export type VerifiedAnswer = {
  readonly pieces: readonly AnswerPiece[];
  readonly citations: readonly VerifiedCitation[];
  /** Numbers of the answer that no verified quote backs. */
  readonly unverified: number;
};

// "2,385" and "12.5" are one number each.
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
// "表3", "table 3", "第2条", "(2)", "statements.2.count", "1.属于国家秘密" name a place, not a quantity.
const REFERENCE_BEFORE = /(?:表|table\s?|Table\s?|第|\(|（|[.A-Za-z_])$/;
const REFERENCE_AFTER = /^\.[\u4e00-\u9fffA-Za-z]/;

/**
 * Checks an answer against the report: every quote must occur in the document and contain its
 * value; every number in the answer must have such a quote. Numbers the person typed in the
 * question and the report's year are taken as given. Nothing is dropped, only marked.
 */
export function verifyAnswer(answer: ChatAnswer, documentText: string, given: readonly number[] = []): VerifiedAnswer {
  const view = normalizeText(documentText);
  const citations = answer.citations.map((citation): VerifiedCitation => {
    const quote = normalizeText(citation.quote).text;
    const at = quote.length > 0 ? view.text.indexOf(quote) : -1;
    if (at === -1 || !containsNumber(quote, citation.value)) return { ...citation, verified: false, span: null };
    return { ...citation, verified: true, span: { start: view.offsets[at]!, end: view.offsets[at + quote.length - 1]! + 1 } };
  });
  const backed = new Set(citations.filter((citation) => citation.verified).map((citation) => citation.value));
  const pieces: AnswerPiece[] = [];
  let unverified = 0;
  let last = 0;
  for (const match of answer.answer.matchAll(NUMBER)) {
    const at = match.index;
    const value = numberOf(match[0]);
    const after = answer.answer.slice(at + match[0].length, at + match[0].length + 2);
    if (REFERENCE_BEFORE.test(answer.answer.slice(Math.max(0, at - 6), at)) || REFERENCE_AFTER.test(after)) continue;
    const verified = backed.has(value) || given.includes(value);
    if (!verified) unverified += 1;
    if (at > last) pieces.push({ text: answer.answer.slice(last, at) });
    pieces.push({ text: match[0], number: { value, verified } });
    last = at + match[0].length;
  }
  if (last < answer.answer.length) pieces.push({ text: answer.answer.slice(last) });
  return { pieces, citations, unverified };
}

/** The numbers a text states, "2,385" as 2385. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(NUMBER)].map((match) => numberOf(match[0]));
}

/**
 * Numbers an answer may repeat without a quote: those the question itself states ("是不是 89
 * 条？") and the report's year.
 */
export function givenNumbers(result: Result, question: string): number[] {
  return [...numbersIn(question), ...(result.meta.year ? [result.meta.year] : [])];
}

/** The answer's text as the model wrote it, without the marks. */
export function answerText(answer: VerifiedAnswer): string {
  return answer.pieces.map((piece) => piece.text).join('');
}

function numberOf(digits: string): number {
  return Number(digits.replace(/,/g, ''));
}
