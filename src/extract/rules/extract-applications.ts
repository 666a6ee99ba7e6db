import type { Narrative, StatedNumber } from '../../report/narrative.js';
import { slice, splitClauses, type Piece } from './split-text.js';
import { statedNumber, toNumber } from './stated-number.js';

// "未收到公民、法人和其他组织提出的政府信息公开申请", "未收到依申请公开信件".
const NONE_RECEIVED = /未(?:收到|受理|接到|接收到?)[^。；;]{0,40}?(?:申请|依申请公开)/;
// "共收到70件申请", "全年受理公民提出的政府信息公开申请2条", "收到政府信息公开申请75件".
const RECEIVED = /(?:收到|受理|接收|接到)[^。；;，,]{0,40}?(\d[\d,]*)\s*(?:件|条|个)/;
const ANSWERED = /办结[^。；;，,\d]{0,12}?(\d[\d,]*)\s*件/;
const CARRIED_FORWARD = /(\d[\d,]*)\s*件[^。；;，,]{0,6}?结转下一?年度|结转下一?年度[^。；;，,\d]{0,12}?(\d[\d,]*)\s*件/;
const WITH_CARRIED_OVER = /含上年结转|包括上年结转|含上一年度结转/;
const NEW_ONLY = /新收|本年新收/;

/** What the prose says was received, answered and carried forward (收到 / 受理 / 未收到 = 0). */
export function extractApplications(sentences: readonly Piece[]): Narrative['applications'] {
  let received: StatedNumber | null = null;
  let scope: Narrative['applications']['receivedScope'] = null;
  let answered: StatedNumber | null = null;
  let carriedForward: StatedNumber | null = null;
  for (const sentence of sentences) {
    if (!/申请/.test(sentence.text)) continue;
    for (const clause of splitClauses(sentence)) {
      if (received === null) {
        const none = NONE_RECEIVED.exec(clause.text);
        const some = RECEIVED.exec(clause.text);
        if (none) {
          received = statedNumber(0, slice(clause, none.index, none.index + none[0].length), sentence);
          scope = 'unspecified';
        } else if (some && /申请/.test(clause.text)) {
          received = statedNumber(toNumber(some[1]!), clause, sentence);
          scope = WITH_CARRIED_OVER.test(sentence.text) ? 'newAndCarriedOver' : NEW_ONLY.test(clause.text) ? 'new' : 'unspecified';
          continue;
        }
      }
      const done = ANSWERED.exec(clause.text);
      if (answered === null && done) answered = statedNumber(toNumber(done[1]!), clause, sentence);
      const forward = CARRIED_FORWARD.exec(clause.text);
      if (carriedForward === null && forward) carriedForward = statedNumber(toNumber(forward[1] ?? forward[2]!), clause, sentence);
    }
  }
  return { received, receivedScope: received ? scope : null, answered, carriedForward };
}

// Only reviews and lawsuits about the agency's disclosure: a 司法局's own "审结行政复议案件 2 件" is not one.
const ABOUT_DISCLOSURE = /政府信息公开|依申请公开|信息公开/;

/** Reviews and lawsuits the prose states about the agency's information disclosure. */
export function extractReviewLitigation(sentences: readonly Piece[]): Narrative['reviewLitigation'] {
  let reviews: StatedNumber | null = null;
  let lawsuits: StatedNumber | null = null;
  for (const sentence of sentences) {
    if (!ABOUT_DISCLOSURE.test(sentence.text)) continue;
    reviews ??= countNear(sentence, '行政复议');
    lawsuits ??= countNear(sentence, '行政诉讼');
  }
  return { reviews, lawsuits };
}

// "行政复议案件2件" (after the word) or "有 1 件涉及政府信息公开工作的行政复议" (before it).
function countNear(sentence: Piece, word: string): StatedNumber | null {
  const at = sentence.text.indexOf(word);
  if (at === -1) return null;
  const after = /^[^，,。；;\d]{0,6}?(\d[\d,]*)\s*件/.exec(sentence.text.slice(at + word.length));
  if (after) {
    const end = at + word.length + after[0].length;
    return statedNumber(toNumber(after[1]!), slice(sentence, clauseStart(sentence.text, at), end), sentence);
  }
  const before = /(\d[\d,]*)\s*件[^，,。；;\d]{0,20}$/.exec(sentence.text.slice(0, at));
  if (before) return statedNumber(toNumber(before[1]!), slice(sentence, before.index, at + word.length), sentence);
  return null;
}

function clauseStart(text: string, at: number): number {
  const previous = Math.max(text.lastIndexOf('，', at), text.lastIndexOf(',', at), text.lastIndexOf('、', at));
  return previous + 1;
}
