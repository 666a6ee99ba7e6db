import type { Measure, Topic } from '../../report/narrative.js';
import type { Count } from './find-counts.js';

/** What a count counts, judged from the words around it (all in normalized text). */
export type Classification = {
  readonly topic: Topic;
  readonly measure: Measure;
  /** A share of a statement's count, named by a label (自然人, 工作动态信息), not a measure of its own. */
  readonly share: boolean;
};

export type CountContext = {
  readonly count: Count;
  /** The clause's words before the count, since the previous count of the clause. */
  readonly before: string;
  /** The clause's words after the count, up to the next count. */
  readonly after: string;
  /** The clause's words before the count, from the clause's start. */
  readonly pieceBefore: string;
  /** The clause has no verb and the clause before it stated a published count: this one continues its list. */
  readonly continuesList: boolean;
  /** The whole sentence and the sentence before it. */
  readonly sentence: string;
  readonly previousSentence: string;
  /** The topic of the statement whose parts are being listed, if a list is open. */
  readonly listOf: { readonly topic: Topic; readonly measure: Measure } | null;
};

// Reviews and lawsuits are about the agency's disclosure only: a 司法局's own
// "审结行政复议案件 2 件" is its work as a review body.
const ABOUT_DISCLOSURE = /信息公开|依申请|公开申请|相关案件|该行政复议|该诉讼|该案/;
const REVIEW = /复议/;
const LAWSUIT = /诉讼/;
const CASE_UNITS = new Set(['件', '起', '宗', '个', '次']);

const APPLICANTS = /自然人|法人|其他组织|商业企业|科研机构|社会公益组织|法律服务机构|公民|个人|企业/;
// Checked in order: 不予公开 before 予以公开, 结转下年度 before 办理, 收到 before 办结.
const APPLICATION_CUES: readonly [Measure, RegExp][] = [
  ['grantedOrPartial', /(?:予以|同意)?公开(?:及|和|与|、|或)部分公开/],
  ['partiallyGranted', /部分公开/],
  ['denied', /不予公开/],
  ['granted', /予以公开|同意公开|全部公开|准予公开/],
  ['unavailable', /无法提供/],
  ['notProcessed', /不予处理/],
  ['otherHandling', /其他处理/],
  ['carriedForward', /结转(?:至|到)?下一?年|转(?:入|至)?下一?年|结转下年|延期至下一?年/],
  ['carriedOver', /上一?年度?结转|结转上一?年|上年度结转/],
  ['received', /收到|受理|接收|接到|新收/],
  ['answered', /办结|答复|回复|办理完毕|办理|处理完毕/],
];
const APPLICATION_UNITS = new Set(['件', '条', '个', '起', '宗', '份']);

const FEE = /处理费|信息公开收费|收取费用/;

// What a disclosure count measures; visits, followers and press conferences need no verb.
const AUDIENCE_CUES: readonly [Measure, RegExp][] = [
  ['visits', /访问量|浏览量|阅读量|点击量|观看量|播放量|浏览次数|访问次数|阅读数/],
  ['followers', /关注量|关注人数|关注数|粉丝|订阅数|订阅量|订阅用户|用户数/],
  ['pressConferences', /新闻发布会|发布会|通气会|新闻发布活动/],
];
const AUDIENCE_UNITS: Partial<Record<Measure, ReadonlySet<string>>> = {
  visits: new Set(['次', '人']),
  followers: new Set(['人', '个', '户']),
  pressConferences: new Set(['场', '次', '期']),
};
const DOCUMENT_CUES: readonly [Measure, RegExp][] = [
  ['regulations', /规章(?!制度)/],
  ['normativeDocuments', /规范性文件/],
  ['documents', /政策文件|(?<!规范性)文件|公文|决定书?|复文|政策(?!解读)/],
];
// The verb nearest before a count decides whether it counts what was published.
export const PUBLISHING_VERB = /公开|发布|推送|发送|刊发|刊登|更新|公布|编发|上传|转发|公示|直播/g;
export const OTHER_VERB =
  /清理|下线|删除|整改|审查|审核(?!发布)|备案|关停|注销|报送|采纳|征集|回复|办理|解决|受理|收到|梳理|录入|废止|修改|策采|开设|化解|沟通|涌现|覆盖|召开|开展|组织|完成|举办|汇聚|入库|调用|曝光|提出|解答|审结|提供|清查|检查|通报|培训|新增|上线|推进|落实|部署|完善|撤回|登记|补发|查阅/g;
// "重大行政决策事项目录 7 项", "3份清单": the entries of a list, not items published.
const LIST_ENTRIES = /(?:目录|清单|事项)$/;
const DISCLOSURE_UNITS = new Set(['条', '篇', '件', '个', '项', '期', '次', '场', '份']);

/** The topic and measure of a count, or null when it counts something the narrative does not report. */
export function classifyCount(context: CountContext): Classification | null {
  return classifyReview(context) ?? classifyFee(context) ?? classifyApplication(context) ?? classifyDisclosure(context);
}

function classifyReview(context: CountContext): Classification | null {
  const { count, before, after, sentence, previousSentence } = context;
  if (!count.unit || !CASE_UNITS.has(count.unit)) return null;
  if (!ABOUT_DISCLOSURE.test(sentence) && !ABOUT_DISCLOSURE.test(previousSentence)) return null;
  // "公示行政复议决定 2 件" counts documents published, not cases.
  if (/决定|决定书|听证/.test(before.slice(-6))) return null;
  // "其中维持 1 件，纠正 1 件" under a count of reviews.
  if (context.listOf?.topic === 'reviewLitigation' && /维持|纠正|纠错|撤销|驳回|撤回|审结|尚未|其他|败诉|胜诉|终止/.test(before)) {
    return { topic: 'reviewLitigation', measure: context.listOf.measure, share: true };
  }
  const words = REVIEW.test(before) || LAWSUIT.test(before) ? before : /^[^,;]{0,20}(?:复议|诉讼)/.test(after) ? after : /案件$/.test(before) ? sentence : '';
  const review = REVIEW.test(words);
  const lawsuit = LAWSUIT.test(words);
  if (!review && !lawsuit) return null;
  return { topic: 'reviewLitigation', measure: review && lawsuit ? 'reviewsAndLawsuits' : review ? 'reviews' : 'lawsuits', share: false };
}

function classifyFee(context: CountContext): Classification | null {
  const { count, before, listOf } = context;
  if (count.unit !== '元') return null;
  if (FEE.test(before)) return { topic: 'fee', measure: 'amount', share: false };
  return listOf?.topic === 'fee' ? { topic: 'fee', measure: 'amount', share: true } : null;
}

function classifyApplication(context: CountContext): Classification | null {
  const { count, before, after, sentence, listOf } = context;
  const inList = listOf?.topic === 'applications';
  // "…受理政府信息公开申请56件。办结54件，其中：予以公开…": the outcomes follow in the next sentence.
  const aboutApplications = inList || /申请/.test(sentence) ? 'here' : /申请/.test(context.previousSentence) ? 'before' : null;
  if (!aboutApplications) return null;
  if (!count.unit || !APPLICATION_UNITS.has(count.unit)) return null;
  if (inList && APPLICANTS.test(before)) return { topic: 'applications', measure: listOf.measure, share: true };
  // "共办理政府信息公开申请81件": some reports say 办理 for what they received; "共办理718件" is what was answered.
  if (/办理/.test(before) && /申请/.test(before) && !/办结|答复|收到|受理|结转/.test(before)) return { topic: 'applications', measure: 'received', share: false };
  // "1件结转下年度继续办理", "另有293件结转下年度继续办理": without a word of its own before it, a count is
  // named by the words after it in its item.
  for (const words of [before, itemAfter(after)]) {
    const found = APPLICATION_CUES.find(([, cue]) => cue.test(words));
    // A count of something received (群众诉求, 网络问政) is an application only where 申请 is said.
    if (found && aboutApplications === 'before' && (found[0] === 'received' || found[0] === 'carriedOver')) return null;
    if (found) return { topic: 'applications', measure: found[0], share: false };
  }
  return null;
}

function classifyDisclosure(context: CountContext): Classification | null {
  const { count, before, after } = context;
  // "阅读量超过82056次", "粉丝数 54373": the word of the count's own item; only views and followers go
  // without a unit, and then the word must stand right before the number ("粉丝数累积超3170万").
  const item = itemOf(before);
  const audience = AUDIENCE_CUES.find(([, cue]) => cue.test(item));
  if (audience) {
    const [measure, cue] = audience;
    const fits = count.unit ? AUDIENCE_UNITS[measure]!.has(count.unit) : measure !== 'pressConferences' && item.length - lastEnd(item, cue) <= 6;
    if (fits) return { topic: 'activeDisclosure', measure, share: false };
  }
  if (!count.unit || !DISCLOSURE_UNITS.has(count.unit)) return null;
  if (context.listOf?.topic === 'activeDisclosure') return { topic: 'activeDisclosure', measure: context.listOf.measure, share: true };
  // "对 29 项…政策文件进行解读": the interpretations are counted before the word.
  if (/解读/.test(before) || /^[^,;]{0,40}?进行(?:了)?解读/.test(after)) return { topic: 'activeDisclosure', measure: 'policyInterpretations', share: false };
  if (!publishedBefore(context) || LIST_ENTRIES.test(before)) return null;
  const kinds = DOCUMENT_CUES.filter(([, cue]) => cue.test(afterLastVerb(before)));
  // "刊登市政府规章、…文件、…行政规范性文件等 243 件": several kinds of document together.
  const measure: Measure = kinds.length > 1 ? 'documents' : (kinds[0]?.[0] ?? 'published');
  return { topic: 'activeDisclosure', measure, share: false };
}

/**
 * The verb nearest before the count is one of publishing. A clause without any verb continues the
 * list of the clause before it ("共发布生态环境保护类信息 40 条，征地信息类 121 条").
 */
function publishedBefore(context: CountContext): boolean {
  const verb = lastVerb(context.pieceBefore);
  return verb ? verb.publishing : context.continuesList;
}

export function lastVerb(text: string): { readonly publishing: boolean; readonly at: number } | null {
  const publishing = [...text.matchAll(PUBLISHING_VERB)].at(-1);
  const other = [...text.matchAll(OTHER_VERB)].at(-1);
  if (!publishing && !other) return null;
  const publishingAt = publishing ? publishing.index + publishing[0].length : -1;
  const otherAt = other ? other.index + other[0].length : -1;
  return publishingAt >= otherAt ? { publishing: true, at: publishingAt } : { publishing: false, at: otherAt };
}

function lastEnd(text: string, pattern: RegExp): number {
  const match = [...text.matchAll(new RegExp(pattern.source, 'g'))].at(-1);
  return match ? match.index + match[0].length : -1;
}

/** The words of the count's own item: after the last 、 or ， before it. */
function itemOf(before: string): string {
  return before.slice(Math.max(before.lastIndexOf('、'), before.lastIndexOf(',')) + 1);
}

function itemAfter(after: string): string {
  return after.split(/[、,;]/)[0]!;
}

/** The words after the last verb: what was published ("市政府规章", "政府信息"). */
export function afterLastVerb(text: string): string {
  const verb = lastVerb(text);
  return verb ? text.slice(verb.at) : text;
}
