import type { Measure, Period, Platform } from '../../report/narrative.js';
import { afterLastVerb, classifyCount, lastVerb, OTHER_VERB, PUBLISHING_VERB, type Classification } from './classify-count.js';
import type { Draft } from './draft.js';
import { findCounts, type Count } from './find-counts.js';
import { findPlatforms, type PlatformMention } from './find-platform.js';
import { bracketGroups, maskBrackets, splitPieces, splitSentences, type Piece } from './split-text.js';
import { statedYear } from './stated-number.js';
import { trimCharacters } from './trim-characters.js';
import { zeroStatements } from './zero-statements.js';

/** Maps a [start, end) range of the normalized text to the verbatim words of the original. */
export type QuoteOf = (start: number, end: number) => string;

// "其中", "包括：", "分别为", "涉及": the counts that follow are parts of the count before.
const INTRO = /^(?:其中|包括|分别为|分别是|涉及)[:：,]?/;
// "占51.85%", "同比增长82%": remarks on a part, not a gap in the list.
const REMARK = /^(?:占|同比|比上年|较上年|环比)|%$/;
const TOTAL_WORD = /共|合计|总计|累计/;
const SEPARATORS = /^[、,;:]+/;
const OPENS_WITH_VERB = new RegExp(`^(?:并|同时|还|另|全年|今年|本年度?)?(?:${PUBLISHING_VERB.source}|${OTHER_VERB.source})`);
const OUTCOMES = new Set<Measure>(['granted', 'partiallyGranted', 'grantedOrPartial', 'denied', 'unavailable', 'notProcessed', 'otherHandling']);
// An unnamed platform counts for the next clauses only ("运用政务新媒体、…，定向发布，…，全年公开…106条" counts a topic).
const MAX_CARRY = 3;

type List = { readonly owner: Draft; gap: boolean };
type Carried = { readonly mention: PlatformMention; readonly order: number };

/** Every statement the prose makes, in printed order (zeros included), as drafts. */
export function extractStatements(text: string, quoteOf: QuoteOf): Draft[] {
  const drafts: Draft[] = [];
  let previous: { readonly text: string; readonly drafts: readonly Draft[] } = { text: '', drafts: [] };
  for (const sentence of splitSentences(text)) {
    const own = readSentence(sentence, previous, quoteOf);
    drafts.push(...own);
    previous = { text: sentence.text, drafts: own };
  }
  return drafts;
}

function readSentence(sentence: Piece, previous: { readonly text: string; readonly drafts: readonly Draft[] }, quoteOf: QuoteOf): Draft[] {
  const drafts: Draft[] = [];
  const earlier: string[] = [];
  let order = 0;
  let named: Carried | null = null;
  let unnamed: (Carried & { age: number }) | null = null;
  // The clause before stated a published count: a clause without a verb continues its list.
  let previousClauseStated = false;
  // "。其中，予以公开…": the parts of the last count of the sentence before.
  let list: List | null = INTRO.test(sentence.text) ? openOn(previous.drafts.filter((draft) => !draft.inclusion).at(-1)) : null;

  const platformAt = (masked: string, clauseMentions: readonly PlatformMention[], position: number): Platform | null => {
    const mentions = clauseMentions.filter((mention) => mention.end <= position);
    // "通过门户网站、微信公众号发布信息 500 条" names no one platform.
    if (new Set(mentions.map((mention) => mention.kind)).size > 1) return null;
    const mine = mentions.at(-1);
    if (mine) return !mine.name && named?.mention.kind === mine.kind ? { kind: mine.kind, name: named.mention.name } : { kind: mine.kind, name: mine.name };
    const carried = [named, unnamed && unnamed.age <= MAX_CARRY ? unnamed : null].filter((entry): entry is Carried => entry !== null);
    const latest = carried.sort((left, right) => right.order - left.order)[0];
    if (!latest) return null;
    // "政务新媒体影响力稳步提升，“上海发布”在海内外…粉丝数…": the clause opens with the account's name.
    const opening = /^(?:其中)?"([^"]{1,20})"/.exec(masked)?.[1];
    return { kind: latest.mention.kind, name: latest.mention.name ?? opening ?? null };
  };

  const readCounts = (piece: Piece, masked: string, continuesList: boolean, counts: readonly Count[] = findCounts(masked)): Draft[] => {
    const created: Draft[] = [];
    const clauseMentions = counts.length > 0 ? findPlatforms(masked) : [];
    let previousEnd = 0;
    counts.forEach((count, position) => {
      const before = masked.slice(previousEnd, count.start).replace(INTRO, '').replace(SEPARATORS, '');
      // A count after another in the clause is quoted from its own item ("信息34条" of "部门文件35条、信息34条").
      const itemStart = previousEnd === 0 ? 0 : previousEnd + (SEPARATORS.exec(masked.slice(previousEnd))?.[0].length ?? 0);
      previousEnd = count.end;
      const classification = classifyCount({
        count,
        before,
        after: masked.slice(count.end, counts[position + 1]?.start ?? masked.length),
        pieceBefore: masked.slice(0, count.start),
        continuesList: continuesList && lastVerb(masked) === null,
        sentence: sentence.text,
        previousSentence: previous.text,
        listOf: list ? { topic: list.owner.topic, measure: list.owner.measure } : null,
      });
      const number = { value: count.value, quote: quoteOf(piece.start + itemStart, piece.start + count.end), year: statedYear(masked.slice(itemStart, count.end), earlier) };
      if (list) {
        if (classification && fits(list.owner, classification)) {
          const platform = list.owner.topic === 'activeDisclosure' ? ownPlatform(before, list.owner.platform) : null;
          const share = classification.share || classification.measure === list.owner.measure;
          list.owner.parts.push({ label: labelOf(before, list.owner.topic === 'activeDisclosure'), measure: share ? null : classification.measure, platform, unit: count.unit, count: number });
          // A clause in the list without a part, or an approximate part: the parts are only some of it.
          if (list.gap || count.approximate) list.owner.incomplete = true;
          // "其中工作动态42条、部门文件16条等": a list ending in 等 names only some of the parts, and ends there.
          if (/^等/.test(masked.slice(count.end))) {
            list.owner.incomplete = true;
            list = null;
          }
          return;
        }
        if (!classification) {
          list.gap = true;
          return;
        }
        list = null;
      }
      if (!classification || classification.share) return;
      const subject = classification.topic === 'activeDisclosure' ? subjectOf(classification.measure, before, masked.slice(count.end), drafts.at(-1)) : null;
      const draft: Draft = {
        topic: classification.topic,
        measure: classification.measure,
        platform: classification.topic === 'activeDisclosure' ? platformAt(masked, clauseMentions, count.start) : null,
        subject,
        period: periodOf(classification.measure, masked.slice(0, count.start)),
        approximate: count.approximate,
        unit: count.unit,
        count: number,
        parts: [],
        incomplete: false,
        inclusion: false,
        absorbed: false,
        end: piece.start + count.end,
        total: TOTAL_WORD.test(before),
      };
      drafts.push(draft);
      created.push(draft);
    });
    return created;
  };

  // The clause that stated the last count: a 其中 opens its parts only right after it.
  let lastStatedClause = -1;
  splitPieces(sentence).forEach((piece, clause) => {
    const groups = bracketGroups(piece);
    const masked = maskBrackets(piece.text, groups);
    const counts = findCounts(masked);
    const intro = INTRO.exec(masked);
    // "…其中政务动态2317条、通知公告965条等，发布政策文件236件": a clause that opens with its own verb states
    // a count of its own; the list before it has ended.
    if (list && !intro && OPENS_WITH_VERB.test(masked)) list = null;
    // "…解读类信息21条，打造…产品矩阵，其中图文及视频类产品共17篇": one clause may come between.
    if (intro && !list && lastStatedClause >= clause - 2 && lastStatedClause >= 0) list = openOn(drafts.filter((draft) => !draft.inclusion).at(-1));
    const zeros = zeroStatements(piece, masked, earlier, quoteOf);
    if (zeros.length > 0) list = null;
    drafts.push(...zeros);
    const created = readCounts(piece, masked, previousClauseStated, counts);
    if (counts.length === 0 && list && !intro && !REMARK.test(masked)) list.gap = true;
    // A year named in this clause holds for its bracketed groups and the clauses after it.
    earlier.push(masked);
    // Bracketed groups: "2602条(其中机构职能类信息82条，…)" lists parts; "(含上年结转189件)" states a count of its own.
    for (const group of groups) {
      const inner = group.inner;
      const owner = drafts.filter((draft) => !draft.inclusion && draft.end <= piece.start + group.from).at(-1) ?? (group.from === 0 ? previous.drafts.at(-1) : undefined);
      const outer = list;
      if (INTRO.test(inner.text) && owner) {
        list = { owner, gap: false };
        for (const part of splitPieces(inner)) readCounts(part, maskBrackets(part.text), false);
      } else if (/^含/.test(inner.text)) {
        list = null;
        const included = readCounts(inner, maskBrackets(inner.text), false);
        for (const draft of included) draft.inclusion = true;
        // "共受理申请56件（含上年结转4件）" counts more than the new applications.
        if (owner?.measure === 'received' && included.some((draft) => draft.measure === 'carriedOver')) owner.measure = 'receivedWithCarriedOver';
      }
      list = outer;
    }
    if (created.length > 0 || zeros.length > 0) lastStatedClause = clause;
    const audienceOnly = created.length > 0 && created.every((draft) => draft.measure === 'visits' || draft.measure === 'followers');
    previousClauseStated = created.some((draft) => draft.topic === 'activeDisclosure' && !audienceOnly);
    // Platforms named in this clause carry to the next ones; a clause listing several kinds carries none,
    // and an unnamed one only counts for a few clauses, and not from a count of followers or views.
    const mentions = findPlatforms(masked);
    const kinds = new Set(mentions.map((mention) => mention.kind));
    if (unnamed) unnamed.age += 1;
    if (kinds.size > 1) unnamed = null;
    else {
      for (const mention of mentions) {
        order += 1;
        // "“上海国际服务门户”新增意大利语网站": an unnamed mention of the named platform's kind is that platform.
        if (mention.name) named = { mention, order };
        else if (named && named.mention.kind === mention.kind) named = { mention: named.mention, order };
        else if (!audienceOnly) unnamed = { mention, order, age: 0 };
      }
    }
  });
  absorbListedPlatforms(drafts, previous.drafts);
  return drafts;
}

function openOn(owner: Draft | undefined): List | null {
  return owner ? { owner, gap: false } : null;
}

/** A count that can be a part of the owner's count: a share, or an outcome of the applications answered. */
function fits(owner: Draft, classification: Classification): boolean {
  if (classification.topic !== owner.topic) return false;
  if (classification.share) return true;
  if (owner.topic === 'applications') {
    const received = owner.measure === 'received' || owner.measure === 'receivedWithCarriedOver';
    if (OUTCOMES.has(classification.measure)) return owner.measure === 'answered' || received;
    return received && classification.measure === 'carriedForward';
  }
  return classification.measure === owner.measure;
}

/** A part's own platform; "“上海发布”…粉丝…，其中，微信公众号粉丝达 1360 万": the account of the named brand. */
function ownPlatform(before: string, owner: Platform | null): Platform | null {
  const mention = findPlatforms(before).at(-1);
  return mention ? { kind: mention.kind, name: mention.name ?? owner?.name ?? null } : null;
}

/** A part's name in the report's words: "工作动态信息", "自然人", "予以公开及部分公开". */
function labelOf(before: string, published: boolean): string {
  const label = trimCharacters(before, '、,;:');
  if (!published) return label;
  // "动态类信息发布1744条", "发布行政公文和政策解读信息9条": the items, not the verb.
  const words = afterLastVerb(label);
  return (words.length > 0 ? words : label.replace(/(?:发布|公开|推送)$/, '')).replace(/^(?:了|的)/, '') || label;
}

// What a count of published items is about, when the words narrow it; null for information in general.
const SCOPE = /^(?:我区|全区|我县|全县|我市|全市|我局|本局|我委|本机关|本单位|本部门|各级单位|各单位|县直部门|区直部门|各级行政机关)/;
const MEASURE_WORDS: Partial<Record<Measure, RegExp>> = {
  policyInterpretations: /(?:政策)?解读/,
  normativeDocuments: /(?:行政)?规范性文件/,
  regulations: /(?:市政府|省政府)?规章/,
};
const GENERIC = /^(?:了|的)?(?:各类|各项|相关|主动)?(?:公开)?(?:的)?(?:政府信息|政务信息|信息|内容|文章|条目)?$/;

function subjectOf(measure: Measure, before: string, rest: string, previous: Draft | undefined): string | null {
  // "累计观看量 303855 次" after "直播 118 场": the views of what was just counted.
  if (measure === 'visits' || measure === 'followers' || measure === 'pressConferences') {
    return measure === 'visits' && previous?.topic === 'activeDisclosure' ? previous.subject : null;
  }
  if (/直播$/.test(before)) return '直播';
  let words = afterLastVerb(before).replace(/^[、,;:]+/, '');
  for (let match = SCOPE.exec(words); match; match = SCOPE.exec(words)) words = words.slice(match[0].length);
  // "现行有效行政规范性文件" is normative documents in force: the subject is what narrows the measure.
  const measureWords = MEASURE_WORDS[measure];
  if (measureWords) words = words.replace(measureWords, '');
  words = words.replace(/^(?:了|的|类)+|的$/g, '');
  if (words.length === 0) words = /^[\u4e00-\u9fff]{1,4}/.exec(rest)?.[0] ?? '';
  return GENERIC.test(words) || words.length === 0 ? null : words;
}

function periodOf(measure: Measure, before: string): Period {
  // Bounded digit runs: "\d+月" tried at every digit of a long run is quadratic in its length.
  if (/上半年|下半年|第[一二三四1-4]季度|\d{1,2}-\d{1,2}月|\d{1,2}月份|近[一二三两\d]年|以来/.test(before)) return 'partial';
  if (measure === 'followers') return /新增|增加|增长/.test(before) ? 'year' : 'cumulative';
  if (/截至|截止|目前|现有|累积|现行有效|总量|历年|存量/.test(before)) return 'cumulative';
  if (/累计/.test(before) && !/全年|今年|本年|\d{4}年/.test(before)) return 'cumulative';
  return 'year';
}

/**
 * "全年通过网站公开信息1条，通过“法治额敏”微信公众号公开信息32条。2024年，共公开信息33条。":
 * a total that opens its sentence and names no platform sums the platforms just listed.
 */
function absorbListedPlatforms(drafts: readonly Draft[], previous: readonly Draft[]): void {
  const total = drafts[0];
  if (!total || total.topic !== 'activeDisclosure' || total.measure !== 'published' || total.platform || !total.total || total.parts.length > 0) return;
  const listed = previous.filter((draft) => !draft.absorbed);
  if (listed.length < 2 || !listed.every((draft) => draft.topic === 'activeDisclosure' && draft.measure === 'published' && draft.platform && draft.parts.length === 0 && draft.period === 'year')) return;
  for (const draft of listed) {
    total.parts.push({ label: draft.platform!.name ? `“${draft.platform!.name}”${draft.platform!.kind}` : draft.platform!.kind, measure: null, platform: draft.platform, unit: draft.unit, count: draft.count });
    draft.absorbed = true;
  }
}

