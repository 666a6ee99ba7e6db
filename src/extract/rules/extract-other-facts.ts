import type { Narrative } from '../../report/narrative.js';
import { trimCharacters } from './trim-characters.js';

/** A piece of the document text with its offset. */
type Piece = { readonly text: string; readonly start: number };

// Where a problems section turns from what went wrong to what will be done about it.
const TURN = /(改进情况|改进措施|整改措施|整改情况|下一步|针对(?:以上|上述|存在的|这些)?问题|具体解决办法|解决办法|我局将|我区将|我县将|我市将|将采取以下措施)/;
const ITEM_MARK = /[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d][)）]|(?<![\d.])\d[.、．](?!\d)/g;
const MAX_ITEM = 120;

/** The problems admitted and the improvements promised, one short item each, in order. */
export function extractProblems(problemsText: Piece | null): { problems: string[]; improvements: string[] } {
  if (!problemsText) return { problems: [], improvements: [] };
  const turn = TURN.exec(problemsText.text);
  const before = turn ? problemsText.text.slice(0, turn.index) : problemsText.text;
  const after = turn ? problemsText.text.slice(turn.index) : '';
  return { problems: itemsOf(before), improvements: itemsOf(after) };
}

function itemsOf(text: string): string[] {
  const marks = [...text.matchAll(ITEM_MARK)].map((match) => match.index);
  const pieces = marks.length > 0 ? marks.map((start, index) => text.slice(start, marks[index + 1] ?? text.length)) : [text];
  return pieces
    .map((piece) => piece.replace(ITEM_MARK, '').replace(/[\s\u3000*]+/g, ''))
    .map((piece) => trimCharacters(piece, '：:。，,；;'))
    .map((piece) => firstSentence(piece))
    .filter((piece) => piece.length >= 4 && !/^(存在的主要问题|工作中存在的主要问题|存在问题|主要问题|改进情况|改进措施)$/.test(piece));
}

function firstSentence(text: string): string {
  const end = text.search(/[。；;]/);
  const sentence = end === -1 ? text : text.slice(0, end);
  return sentence.length > MAX_ITEM ? `${sentence.slice(0, MAX_ITEM)}…` : sentence;
}

const PHONE = /(?:联系电话|电话|咨询电话)(?:\/传真)?[:：]?\s*((?:\d{3,4}\s*[-—－–]+\s*)?\d{7,8})/;
const FAX = /传真[:：]?\s*((?:\d{3,4}\s*[-—－–]+\s*)?\d{7,8})/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const ADDRESS = /(?:联系)?地址[:：]\s*([^；;，,。）)\n]+)/;
const WEBSITE = /(https?:\/\/[\w./%?=&#-]+|www\.[\w./%?=&#-]+)/;

/**
 * The first e-mail address. Searched near each "@" only: EMAIL over the whole text retries every
 * start in a long run of letters and digits (quadratic: a pasted hex dump took seconds).
 */
function findEmail(text: string): string | null {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const window = text.slice(Math.max(0, at - EMAIL_PART), at + EMAIL_PART);
    const found = EMAIL.exec(window);
    if (found) return found[0];
  }
  return null;
}
const EMAIL_PART = 100;

/** "www.example.gov.cn。" → "www.example.gov.cn". */
function withoutFinalDots(url: string | null): string | null {
  return url === null ? null : trimCharacters(url, '.。', 'end');
}

/** The report's contact details, as printed. */
export function extractContact(text: string): Narrative['contact'] {
  const phone = PHONE.exec(text)?.[1] ?? null;
  const fax = FAX.exec(text)?.[1] ?? null;
  return {
    phone,
    fax,
    email: findEmail(text),
    address: ADDRESS.exec(text)?.[1]?.trim() ?? null,
    website: withoutFinalDots(WEBSITE.exec(text)?.[1] ?? null),
  };
}
