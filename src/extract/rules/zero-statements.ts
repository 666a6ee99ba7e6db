import type { Measure, Topic, Unit } from '../../report/narrative.js';
import type { Draft } from './draft.js';
import type { QuoteOf } from './extract-statements.js';
import type { Piece } from './split-text.js';
import { statedYear } from './stated-number.js';

// A stated zero is a word, not a digit (in normalized text):
// "未收到公民、法人和其他组织提出的政府信息公开申请", "未收到依申请公开信件".
const NONE_RECEIVED = /未(?:收到|受理|接到|接收到?)[^。;]{0,40}?(?:申请|依申请公开)/;
// "未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况" (but not "未发生…被行政复议纠错").
const NO_REVIEWS = /(?:未|没有)(?:发生|出现|产生|收到|有)[^,;]{0,30}?(?:行政复议|行政诉讼)(?:[^,;]{0,12}?(?:行政复议|行政诉讼))?/;
const CLAIM_WORDS = /纠错|纠正|败诉|维持|撤销/;
// "未收取信息处理费", "本年度未产生信息公开处理费", "无收取信息处理费情况", "未发生政府信息公开收费事项".
const NO_FEE = /(?:未|无|没有|不)(?:收取|产生|发生)[^,;]{0,14}?(?:处理费|收费)/;

/** Counts the prose states as none: no applications, no reviews or lawsuits, no fee charged. */
export function zeroStatements(piece: Piece, masked: string, earlier: readonly string[], quoteOf: QuoteOf): Draft[] {
  const drafts: Draft[] = [];
  const add = (topic: Topic, measure: Measure, unit: Unit | null, end: number) => {
    drafts.push({
      topic,
      measure,
      platform: null,
      subject: null,
      period: 'year',
      approximate: false,
      unit,
      count: { value: 0, quote: quoteOf(piece.start, piece.start + end), year: statedYear(masked.slice(0, end), earlier) },
      parts: [],
      incomplete: false,
      inclusion: false,
      absorbed: false,
      end: piece.start + end,
      total: false,
    });
  };
  const received = NONE_RECEIVED.exec(masked);
  if (received) add('applications', 'received', null, received.index + received[0].length);
  const reviews = NO_REVIEWS.exec(masked);
  if (reviews && !CLAIM_WORDS.test(masked)) {
    const both = /复议/.test(reviews[0]) && /诉讼/.test(reviews[0]);
    add('reviewLitigation', both ? 'reviewsAndLawsuits' : /复议/.test(reviews[0]) ? 'reviews' : 'lawsuits', null, reviews.index + reviews[0].length);
  }
  const fee = NO_FEE.exec(masked);
  if (fee && !/行政事业性/.test(masked)) add('fee', 'amount', null, fee.index + fee[0].length);
  return drafts;
}
