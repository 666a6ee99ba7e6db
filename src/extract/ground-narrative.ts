import { mapNarrative } from '../report/map-numbers.js';
import type { Narrative, StatedClaim, StatedNumber } from '../report/narrative.js';
import type { GroundedClaim, GroundedNarrative, GroundedNumber, Span } from '../report/schemas.js';
import { normalizeText, type NormalizedText } from '../sections/normalized-text.js';
import type { NarrativeInput } from './narrative-input.js';

// A stated zero is usually a word, not a digit: 未收到, 未收取, 无, 没有, 零.
const ZERO_WORDS = /未|无|没有|零|不存在|0/;

// The words a claim's quote must hold, or it does not say what the claim says.
const CLAIM_WORDS: Record<StatedClaim['claim'], RegExp> = {
  allUpheld: /维持/,
  noneCorrected: /纠错|纠正|败诉|撤销|确认违法/,
  allConcluded: /审结|结案|办结|处理完毕|办理完毕/,
};

/**
 * Checks every quote against the text that was sent: it must occur there (after width and
 * whitespace normalisation) and contain the number, or for a claim the words that make it. A
 * grounded fact gets its span in the document; an ungrounded one is kept and marked, never
 * dropped, never trusted.
 */
export function groundNarrative(narrative: Narrative, input: NarrativeInput): GroundedNarrative {
  const view = normalizeText(input.text);
  return mapNarrative<StatedNumber, GroundedNumber, StatedClaim, GroundedClaim>(narrative, {
    number: (number) => {
      const span = locate(number.quote, view, input);
      return span && containsNumber(number.quote, number.value) ? { ...number, grounded: true, span } : { ...number, grounded: false, span: null };
    },
    claim: (claim) => {
      const span = locate(claim.quote, view, input);
      return span && CLAIM_WORDS[claim.claim].test(claim.quote) ? { ...claim, grounded: true, span } : { ...claim, grounded: false, span: null };
    },
  });
}

function locate(quote: string, view: NormalizedText, input: NarrativeInput): Span | null {
  const normalized = normalizeText(quote).text;
  const at = normalized.length > 0 ? view.text.indexOf(normalized) : -1;
  if (at === -1) return null;
  const start = input.toDocumentOffset(view.offsets[at]!);
  const end = input.toDocumentOffset(view.offsets[at + normalized.length - 1]! + 1);
  return start === null || end === null ? null : { start, end };
}

const SCALES: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** The quote states this value: as digits (not inside a longer number, 万/亿 applied), or as a zero word. */
export function containsNumber(quote: string, value: number): boolean {
  const text = quote.replace(/(\d),(\d{3})/g, '$1$2');
  for (const match of text.matchAll(/(\d+(?:\.\d+)?)\s*(万|亿)?/g)) {
    const digits = Number(match[1]);
    if (digits === value) return true;
    const scale = match[2] ? SCALES[match[2]]! : 1;
    if (scale > 1 && Math.abs(digits * scale - value) < 1e-6 * Math.max(1, value)) return true;
  }
  return value === 0 && ZERO_WORDS.test(quote);
}
