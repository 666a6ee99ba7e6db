import { pick, type Language } from '../checks/language.js';
import { claimLabel, describeFigure, measureLabel } from '../checks/narrative/index.js';
import type { Topic } from '../report/narrative.js';
import { TOPIC_NAMES } from '../report/template.js';
import type { GroundedNarrative, GroundedNumber, NarrativeBlock } from '../report/schemas.js';
import type { Style } from './style.js';

// A topic with many statements (a 平潭 report lists twenty topics' counts) shows the first ones.
const MAX_STATEMENTS = 6;

/** The narrative facts in a few lines, and who extracted them at what cost. */
export function renderNarrative(block: NarrativeBlock | null, style: Style, language: Language): string[] {
  if (!block) return [];
  const { facts, extractor, usage, input } = block;
  const number = (stated: GroundedNumber, unit: string | null) => `${stated.value}${unit ?? ''}${stated.grounded ? '' : style.yellow('?')}`;
  const separator = pick(language, '；', '; ');
  const topicLine = (topic: Topic) => {
    const statements = facts[topic].statements;
    const shown = statements.slice(0, MAX_STATEMENTS).map((statement) => {
      const parts = statement.parts.map((part) => `${part.platform || part.measure ? describeFigure({ measure: part.measure ?? statement.measure, platform: part.platform, subject: null }, language) : part.label} ${number(part.count, part.unit)}`);
      const approximate = statement.approximate ? pick(language, '约', '~') : '';
      // The fee's line says what it is; its amount is always in 元.
      const what = topic === 'fee' ? '' : `${describeFigure(statement, language)} `;
      return `${what}${approximate}${number(statement.count, topic === 'fee' ? pick(language, '元', ' yuan') : statement.unit)}${parts.length > 0 ? pick(language, `（其中 ${parts.join('、')}）`, ` (of which ${parts.join(', ')})`) : ''}`;
    });
    const more = statements.length > MAX_STATEMENTS ? pick(language, `…另 ${statements.length - MAX_STATEMENTS} 项`, `… ${statements.length - MAX_STATEMENTS} more`) : '';
    return shown.length === 0 ? '—' : shown.join(separator) + more;
  };
  const reading = block.receivedReading === 'new' ? pick(language, '（收到数 = 表三新收）', ' (received = table 3 new)') : block.receivedReading === 'newAndCarriedOver' ? pick(language, '（收到数 = 新收 + 上年结转）', ' (received = new + carried over)') : '';
  const claims = claimsLine(facts, language);
  // English starts the line with a capital: "Published: …".
  const topicName = (topic: Topic) => {
    const name = TOPIC_NAMES[topic]![language];
    return language === 'en' ? `${name[0]!.toUpperCase()}${name.slice(1)}` : name;
  };
  const lines = [
    style.bold(pick(language, '正文事实', 'Narrative facts')),
    `  ${topicName('activeDisclosure')}: ${topicLine('activeDisclosure')}`,
    `  ${topicName('applications')}: ${topicLine('applications')}${reading}`,
    `  ${topicName('reviewLitigation')}: ${topicLine('reviewLitigation')}${claims}`,
    `  ${topicName('fee')}: ${topicLine('fee')}`,
    `  ${pick(language, '问题', 'Problems')} ${facts.problems.length} · ${pick(language, '改进', 'improvements')} ${facts.improvements.length}${facts.contact.phone ? ` · ${pick(language, '电话', 'phone')} ${facts.contact.phone}` : ''}`,
  ];
  if (extractor.provider === 'rules') {
    lines.push(style.dim(pick(language, '  抽取：离线规则（rules），未调用模型', '  extracted by the offline rules, no model called')));
  } else {
    const ratio = input.tokens !== null && input.wholeReportTokens ? ` (${Math.round((input.tokens / input.wholeReportTokens) * 100)}%)` : '';
    const cost = usage.costUsd === null ? pick(language, '未定价', 'unpriced') : `$${usage.costUsd.toFixed(5)}`;
    lines.push(
      style.dim(
        `  ${pick(language, '抽取', 'extracted by')} ${extractor.provider}:${extractor.model} · ${pick(language, '发送正文', 'sent')} ${input.tokens ?? '?'} token / ${pick(language, '全文', 'whole report')} ${input.wholeReportTokens ?? '?'}${ratio} · ${pick(language, `输入 ${usage.inputTokens} / 输出 ${usage.outputTokens} token`, `in ${usage.inputTokens} / out ${usage.outputTokens}`)} · ${usage.attempts} ${pick(language, '次', 'attempt(s)')} · ${(usage.latencyMs / 1000).toFixed(1)} s · ${cost}${usage.cached ? pick(language, ' · 缓存', ' · cached') : ''}`,
      ),
    );
  }
  return lines;
}

function claimsLine(facts: GroundedNarrative, language: Language): string {
  const claims = facts.reviewLitigation.claims.map((claim) => `${measureLabel(claim.about, language)}${claimLabel(claim.claim, language)}${claim.grounded ? '' : '?'}`);
  return claims.length === 0 ? '' : pick(language, `；正文说：${claims.join('、')}`, `; the prose says: ${claims.join(', ')}`);
}
