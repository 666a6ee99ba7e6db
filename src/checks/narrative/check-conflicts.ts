import { channelKey } from '../../report/channel-key.js';
import type { Finding, Meta } from '../../report/schemas.js';
import { createFinding } from '../create-finding.js';
import { toScaled } from '../equations.js';
import { pick } from '../language.js';
import { describeFigure } from './describe-figure.js';
import { evidenceFigures, figureKey, quoted, type Figure, type NarrativeCheckInput } from './figures.js';

/**
 * narrative.conflictingFigures: the same quantity stated twice with different values — same
 * measure, same platform, same subject, same period and year. A figure repeated with the same
 * value is one figure, not two.
 */
export function checkConflicts(input: NarrativeCheckInput): Finding[] {
  const groups = new Map<string, Figure[]>();
  for (const figure of evidenceFigures(input.facts)) {
    const identity = identityOf(figure, input.meta);
    if (identity !== null) groups.set(identity, [...(groups.get(identity) ?? []), figure]);
  }
  const findings: Finding[] = [];
  for (const figures of groups.values()) {
    const values = [...new Set(figures.map((figure) => toScaled(figure.number.value)))].map((value) => value / toScaled(1));
    if (values.length < 2) continue;
    const first = figures[0]!;
    const quotes = figures.map((figure) => quoted(figure.number.quote)).join(pick(input.language, '；', '; '));
    findings.push(
      createFinding({
        id: 'narrative.conflictingFigures',
        severity: 'error',
        path: figureKey(first),
        message: pick(
          input.language,
          `${describeFigure(first, 'zh')}前后不一：${values.join(' 与 ')}（${quotes}）；同一数量只应有一个数字，请核对哪一处有误`,
          `${describeFigure(first, 'en')} is stated with different values: ${values.join(' and ')} (${quotes}); one quantity has one figure, check which is wrong`,
        ),
        expected: values[0]!,
        actual: values[1]!,
        difference: values[1]! - values[0]!,
        spans: figures.flatMap((figure) => (figure.number.span ? [figure.number.span] : [])),
      }),
    );
  }
  return findings;
}

/** What makes two figures the same quantity; null when a figure cannot be identified safely. */
function identityOf(figure: Figure, meta: Meta): string | null {
  if (figure.approximate || figure.period === 'partial') return null;
  const year = figure.number.year ?? meta.year;
  const subject = normalizeSubject(figure.subject);
  const when = `${figure.period}|${year}`;
  if (figure.topic === 'activeDisclosure') {
    // Unnamed platforms of one kind may be different sites (a county portal, its departments' pages),
    // and counts without a platform are often of one department or one topic ("全年共发布信息 68 条").
    return figure.platform?.name ? `${figure.topic}|${figure.measure}|${channelKey(figure.platform)}|${subject}|${when}` : null;
  }
  // "共受理申请 12 件（含上年结转 2 件）" counts more than the new applications stated elsewhere.
  if (figure.statement.parts.some((part) => part.measure === 'carriedOver') && !figure.isPart) return null;
  return `${figure.topic}|${figure.measure}|${figure.platform ? channelKey(figure.platform) : ''}|${subject}|${when}`;
}

function normalizeSubject(subject: string | null): string {
  return (subject ?? '').replace(/[\s\u3000“”"「」]/g, '');
}
