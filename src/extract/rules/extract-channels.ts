import type { Narrative, StatedNumber } from '../../report/narrative.js';
import { splitClauses, type Piece } from './split-text.js';
import { statedNumber, toNumber } from './stated-number.js';

type Channel = Narrative['activeDisclosure']['channels'][number];
type Unit = NonNullable<Channel['unit']>;

// Kinds of platform and the words that name them (checked in this order).
const PLATFORMS: readonly [Channel['kind'], RegExp][] = [
  ['微信公众号', /微信公众号|公众号|微信/],
  ['微博', /微博/],
  ['客户端', /客户端|APP|App|app/],
  ['政务新媒体', /政务新媒体|新媒体/],
  ['公开栏', /公开栏|公示栏|宣传栏/],
  ['政府网站', /门户网站|政府网站|网站/], // a 专栏 is a column of a site, not a platform
];
// A count of published information: a number of 条/篇/件 (not 人, 次 or 家: followers, reads, units).
const COUNT = /(\d[\d,，]*)\s*(条|篇|件)/g;
const HAS_COUNT = /\d\s*(?:条|篇|件)/;
const PUBLISHING = /公开|发布|推送|发送|刊发|更新/;
const QUOTED_NAME = /[“"「]([^”"」]{1,20})[”"」]/;
// "其他应主动公开政府信息856条" is a category of a list, not a total.
const TOTAL = /(共公开|共计公开|共发布|共公布|(?<!应)主动公开|累计公开|共主动公开)[^，,。；]*?(\d[\d,，]*)\s*(条|篇|件)/;

const MAX_CARRY = 2;
type Named = { readonly kind: Channel['kind']; readonly name: string | null; readonly age: number };

function stillCarried(named: Named | null): Named | null {
  return named !== null && named.age < MAX_CARRY ? named : null;
}

function older(named: Named | null): Named | null {
  return named === null ? null : { ...named, age: named.age + 1 };
}

export type ActiveDisclosureFacts = Narrative['activeDisclosure'];

/**
 * Channels ("通过“法治额敏”微信公众号公开信息32条"), their breakdowns ("其中工作动态信息36条，…"),
 * and a stated total that names no platform ("共公开信息33条"). A platform stated twice is
 * listed twice: the checks compare the statements.
 */
export function extractActiveDisclosure(sentences: readonly Piece[]): ActiveDisclosureFacts {
  const channels: Channel[] = [];
  let total: StatedNumber | null = null;
  let totalUnit: Unit | null = null;
  for (const sentence of sentences) {
    // Most sentences state no count of published items at all.
    if (!HAS_COUNT.test(sentence.text)) continue;
    let current: Channel | null = null;
    let inBreakdown = false;
    // "“法治灵武”公众号关注量…2056人,信息发布量共1438条": the platform named in one clause, counted in the next.
    let named: Named | null = null;
    for (const clause of splitClauses(sentence)) {
      const counts = countsIn(clause);
      const own = platformBeforeCount(clause.text);
      // A platform named without a count counts for the next two clauses at most ("“上海国际服务门户”
      // 新增…，目前已覆盖 10 个语种，共发布各类信息 13528 条"); further on, "运用政务新媒体、公告栏…，
      // 定向发布，精准推送，…，全年公开医疗卫生信息…106条" counts a topic, not a platform.
      const carried = stillCarried(named);
      named = own && counts.length === 0 ? { kind: own, name: nameOf(clause.text), age: 0 } : older(carried);
      const platform = own ?? (counts.length > 0 ? carried?.kind : undefined) ?? null;
      if (platform && counts.length > 0 && publishesBeforeCount(clause.text)) {
        const name = own ? nameOf(clause.text) : (carried?.name ?? null);
        named = null;
        if (counts.length === 1) {
          current = { kind: platform, name, count: statedNumber(counts[0]!.value, clause, sentence), unit: counts[0]!.unit, parts: [] };
        } else {
          // "门户网站公开部门文件35条、信息34条、其他各类内容24条": a breakdown with no total.
          current = { kind: platform, name, count: null, unit: counts[0]!.unit, parts: counts.map((count) => part(count, sentence)) };
        }
        channels.push(current);
        inBreakdown = false;
        continue;
      }
      if (current && counts.length > 0 && (inBreakdown || /^其中/.test(clause.text))) {
        // "其中工作动态信息 36 条，司法县区动态 19 条，…" continues the last channel's breakdown.
        inBreakdown = true;
        current.parts.push(...counts.map((count) => part(count, sentence)));
        continue;
      }
      if (!platform && total === null && counts.length === 1) {
        // A list of categories ("主动公开市政府规章 22 件、…行政规范性文件 34 件") has no total.
        const stated = TOTAL.exec(clause.text);
        if (stated) {
          total = statedNumber(toNumber(stated[2]!), clause, sentence);
          totalUnit = stated[3] as Unit;
        }
      }
      current = inBreakdown ? current : null;
    }
  }
  return { total, totalUnit, channels };
}

type Count = { value: number; unit: Unit; clause: Piece; label: string };

/** Each "label N 条" of a clause; several when the clause lists them with 、. */
function countsIn(clause: Piece): Count[] {
  const counts: Count[] = [];
  let previousEnd = 0;
  for (const match of clause.text.matchAll(COUNT)) {
    const before = clause.text.slice(previousEnd, match.index);
    const itemStart = previousEnd + Math.max(0, before.lastIndexOf('、') + 1);
    const item = { text: clause.text.slice(itemStart, match.index + match[0].length), start: clause.start + itemStart };
    counts.push({ value: toNumber(match[1]!), unit: match[2] as Unit, clause: item, label: labelOf(item.text.slice(0, item.text.length - match[0].length)) });
    previousEnd = match.index + match[0].length;
  }
  return counts.length > 1 && !/[、]/.test(clause.text) ? counts.slice(0, 1) : counts;
}

function part(count: Count, sentence: Piece): Channel['parts'][number] {
  const quote = count.clause.text.replace(/^其中[:：]?/, '');
  const offset = count.clause.text.length - quote.length;
  return { label: count.label, count: statedNumber(count.value, { text: quote, start: count.clause.start + offset }, sentence) };
}

function labelOf(text: string): string {
  return text
    .replace(/^其中[:：]?/, '')
    .replace(/^(通过|在)[^，,]*?(公开|发布)/, '')
    .replace(/[\s\u3000]/g, '')
    .trim();
}

// "通过“法治额敏”微信公众号公开信息32条": the platform, then a publishing verb, then the count.
// "…宁夏日报采纳10篇、银川发布客户端采纳7篇" names a platform after counts of something else.
function platformBeforeCount(text: string): Channel['kind'] | null {
  const firstCount = text.search(/\d[\d,，]*\s*(?:条|篇|件)/);
  for (const [kind, pattern] of PLATFORMS) {
    const at = text.search(pattern);
    if (at !== -1 && (firstCount === -1 || at < firstCount)) return kind;
  }
  return null;
}

function publishesBeforeCount(text: string): boolean {
  const firstCount = text.search(/\d[\d,，]*\s*(?:条|篇|件)/);
  const verb = PUBLISHING.exec(text);
  if (!verb || verb.index > firstCount) return false;
  // The verb must follow the platform's name ("银川发布客户端" is a name, not a verb).
  const lastPlatform = Math.max(...PLATFORMS.map(([, pattern]) => text.slice(0, firstCount).search(pattern)));
  return lastPlatform === -1 || new RegExp(PUBLISHING.source).test(text.slice(lastPlatform, firstCount));
}

// Names copied from PDFs carry line breaks ("沙\n\n坡头区司法行政"): the name is the words.
function nameOf(text: string): string | null {
  const match = QUOTED_NAME.exec(text);
  return match ? match[1]!.replace(/[\s\u3000]/g, '') : null;
}
