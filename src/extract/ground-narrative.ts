import { mapNumbers } from '../report/map-numbers.js';
import type { Narrative, StatedNumber } from '../report/narrative.js';
import type { GroundedNarrative, GroundedNumber } from '../report/schemas.js';
import { normalizeText, type NormalizedText } from '../sections/normalized-text.js';
import type { NarrativeInput } from './narrative-input.js';

// A stated zero is usually a word, not a digit: 未收到, 未收取, 无, 没有, 零.
const ZERO_WORDS = /未|无|没有|零|不存在|0/;

/**
 * Checks every quote against the text that was sent: it must occur there (after width and
 * whitespace normalisation) and contain the number. A grounded number gets its span in the
 * document; an ungrounded one is kept and marked, never dropped, never trusted.
 */
export function groundNarrative(narrative: Narrative, input: NarrativeInput): GroundedNarrative {
  const view = normalizeText(input.text);
  return mapNumbers<StatedNumber, GroundedNumber>(narrative, (number) => ground(number, view, input));
}

function ground(number: StatedNumber, view: NormalizedText, input: NarrativeInput): GroundedNumber {
  const quote = normalizeText(number.quote).text;
  const at = quote.length > 0 ? view.text.indexOf(quote) : -1;
  if (at === -1 || !containsNumber(quote, number.value)) return { ...number, grounded: false, span: null };
  const start = input.toDocumentOffset(view.offsets[at]!);
  const end = input.toDocumentOffset(view.offsets[at + quote.length - 1]! + 1);
  if (start === null || end === null) return { ...number, grounded: false, span: null };
  return { ...number, grounded: true, span: { start, end } };
}

/** The quote states this value: as digits (not inside a longer number), or as a zero word. */
export function containsNumber(quote: string, value: number): boolean {
  const numbers = quote.replace(/(\d),(\d{3})/g, '$1$2').match(/\d+(?:\.\d+)?/g) ?? [];
  if (numbers.some((digits) => Number(digits) === value)) return true;
  return value === 0 && ZERO_WORDS.test(quote);
}
