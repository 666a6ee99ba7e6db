import { pick, type Language } from '../checks/language.js';
import { channelKey } from '../report/channel-key.js';
import type { GroundedNumber, NarrativeBlock } from '../report/schemas.js';
import type { Style } from './style.js';

/** The narrative facts in a few lines, and who extracted them at what cost. */
export function renderNarrative(block: NarrativeBlock | null, style: Style, language: Language): string[] {
  if (!block) return [];
  const { facts, extractor, usage, input } = block;
  const number = (stated: GroundedNumber | null, unit = '') => (stated ? `${stated.value}${unit}${stated.grounded ? '' : style.yellow('?')}` : '—');
  const channels = facts.activeDisclosure.channels
    .map((channel) => `${channelKey(channel)} ${channel.count ? number(channel.count, channel.unit ?? '') : `(${channel.parts.map((part) => number(part.count)).join('+')})`}`)
    .join(pick(language, '，', ', '));
  const reading = block.receivedReading === 'new' ? pick(language, '（=表三新收）', ' (= table 3 new)') : block.receivedReading === 'newAndCarriedOver' ? pick(language, '（=新收+上年结转）', ' (= new + carried over)') : '';
  const lines = [
    style.bold(pick(language, '正文事实', 'Narrative facts')),
    `  ${pick(language, '主动公开', 'Published')}: ${pick(language, '合计', 'total')} ${number(facts.activeDisclosure.total, facts.activeDisclosure.totalUnit ?? '')}${channels ? `；${channels}` : ''}`,
    `  ${pick(language, '收到申请', 'Applications received')}: ${number(facts.applications.received)}${reading} · ${pick(language, '办结', 'answered')} ${number(facts.applications.answered)} · ${pick(language, '复议', 'reviews')} ${number(facts.reviewLitigation.reviews)} · ${pick(language, '诉讼', 'lawsuits')} ${number(facts.reviewLitigation.lawsuits)} · ${pick(language, '信息处理费', 'fee')} ${number(facts.fee, pick(language, '元', ' yuan'))}`,
    `  ${pick(language, '问题', 'Problems')} ${facts.problems.length} · ${pick(language, '改进', 'improvements')} ${facts.improvements.length}${facts.contact.phone ? ` · ${pick(language, '电话', 'phone')} ${facts.contact.phone}` : ''}`,
  ];
  if (extractor.provider === 'rules') {
    lines.push(style.dim(pick(language, '  抽取：离线规则（rules），未调用模型', '  extracted by the offline rules, no model called')));
  } else {
    const ratio = input.tokens !== null && input.wholeReportTokens ? ` (${Math.round((input.tokens / input.wholeReportTokens) * 100)}%)` : '';
    const cost = usage.costUsd === null ? pick(language, '未定价', 'unpriced') : `$${usage.costUsd.toFixed(5)}`;
    lines.push(
      style.dim(
        `  ${pick(language, '抽取', 'extracted by')} ${extractor.provider}:${extractor.model} · ${pick(language, '发送正文', 'sent')} ${input.tokens ?? '?'} tokens / ${pick(language, '全文', 'whole report')} ${input.wholeReportTokens ?? '?'}${ratio} · in ${usage.inputTokens} / out ${usage.outputTokens} · ${usage.attempts} ${pick(language, '次', 'attempt(s)')} · ${(usage.latencyMs / 1000).toFixed(1)} s · ${cost}${usage.cached ? pick(language, ' · 缓存', ' · cached') : ''}`,
      ),
    );
  }
  return lines;
}
