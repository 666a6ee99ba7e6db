import { describeFigure } from './describe-figure.js';
import type { Language } from '../language.js';
import type { Result } from '../../report/schemas.js';
import { TOPIC_NAMES } from '../../report/template.js';

/** What a stated number counts, in words ("主动公开 · 微信公众号 发布信息"), from its key in the facts. */
export function numberLabel(facts: NonNullable<Result['narrative']>['facts'], path: string, language: Language): string {
  const [topic, list, statementIndex, partsKey, partIndex] = path.split('.');
  const topicLabel = TOPIC_NAMES[topic ?? '']?.[language] ?? topic ?? '';
  const statements = topic && list === 'statements' ? (facts as unknown as Record<string, { statements?: readonly Statement[] }>)[topic]?.statements : undefined;
  const statement = statements?.[Number(statementIndex)];
  if (!statement || topic === 'fee') return topicLabel;
  if (partsKey !== 'parts') return `${topicLabel} · ${describeFigure(statement, language)}`;
  const part = statement.parts[Number(partIndex)];
  if (!part) return topicLabel;
  const what = part.platform || part.measure ? describeFigure({ measure: part.measure ?? statement.measure, platform: part.platform, subject: null }, language) : part.label;
  return `${topicLabel} · ${describeFigure(statement, language)} · ${language === 'zh' ? '其中' : 'of which'} ${what}`;
}

type Statement = NonNullable<Result['narrative']>['facts']['activeDisclosure']['statements'][number];
