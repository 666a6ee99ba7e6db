import { channelKey } from '../../report/channel-key.js';
import type { Measure, StatedClaim } from '../../report/narrative.js';
import { pick, type Language } from '../language.js';
import type { Figure } from './figures.js';

const MEASURE_LABELS: Record<Measure, readonly [zh: string, en: string]> = {
  published: ['发布信息', 'items published'],
  policyInterpretations: ['政策解读', 'policy interpretations'],
  regulations: ['规章', 'regulations'],
  normativeDocuments: ['规范性文件', 'normative documents'],
  documents: ['文件', 'documents'],
  pressConferences: ['新闻发布会', 'press conferences'],
  visits: ['访问量', 'visits'],
  followers: ['关注人数', 'followers'],
  received: ['收到申请', 'applications received'],
  receivedWithCarriedOver: ['收到申请（含上年结转）', 'applications received, carried over included'],
  carriedOver: ['上年结转申请', 'applications carried over'],
  answered: ['办结申请', 'applications answered'],
  granted: ['予以公开', 'granted'],
  partiallyGranted: ['部分公开', 'partially granted'],
  grantedOrPartial: ['予以公开及部分公开', 'granted or partially granted'],
  denied: ['不予公开', 'denied'],
  unavailable: ['无法提供', 'unavailable'],
  notProcessed: ['不予处理', 'not processed'],
  otherHandling: ['其他处理', 'handled otherwise'],
  carriedForward: ['结转下年度', 'carried forward'],
  reviews: ['行政复议', 'administrative reviews'],
  lawsuits: ['行政诉讼', 'lawsuits'],
  reviewsAndLawsuits: ['行政复议和行政诉讼', 'reviews and lawsuits'],
  amount: ['信息处理费', 'information-processing fee'],
};

export function measureLabel(measure: Measure, language: Language): string {
  const [zh, en] = MEASURE_LABELS[measure];
  return pick(language, zh, en);
}

/** "微博“灵武民政”发布信息", "办结申请", "门户网站 工作动态信息". */
export function describeFigure(figure: Pick<Figure, 'measure' | 'platform' | 'subject'>, language: Language): string {
  const what = figure.subject && !figure.platform ? `${measureLabel(figure.measure, language)}（${figure.subject}）` : measureLabel(figure.measure, language);
  return figure.platform ? `${channelKey(figure.platform)}${pick(language, '', ' ')}${what}` : what;
}

const CLAIM_LABELS: Record<StatedClaim['claim'], readonly [zh: string, en: string]> = {
  allUpheld: ['均获维持', 'all upheld'],
  noneCorrected: ['无被纠错', 'none corrected'],
  allConcluded: ['均已审结', 'all concluded'],
};

export function claimLabel(claim: StatedClaim['claim'], language: Language): string {
  const [zh, en] = CLAIM_LABELS[claim];
  return pick(language, zh, en);
}
