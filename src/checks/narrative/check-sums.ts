import type { Finding } from '../../report/schemas.js';
import { createFinding } from '../create-finding.js';
import { toScaled } from '../equations.js';
import { pick } from '../language.js';
import { describeFigure } from './describe-figure.js';
import { figureKey, listFigures, quoted, type NarrativeCheckInput } from './figures.js';

/**
 * narrative.sumMismatch: a statement's parts against its own total, for every measure. Only parts
 * the text gives as the whole of that total are summed: a single 其中, a list ending in 等 or
 * holding items without a number, or a figure stated elsewhere, is not a breakdown.
 */
export function checkSums(input: NarrativeCheckInput): Finding[] {
  const figures = listFigures(input.facts);
  const findings: Finding[] = [];
  for (const total of figures.filter((figure) => !figure.isPart)) {
    const { statement } = total;
    if (!statement.partsComplete || statement.parts.length < 2 || total.approximate) continue;
    // Grounded numbers only: an ungrounded total or part is no evidence of a broken sum.
    if (!statement.count.grounded || statement.parts.some((part) => !part.count.grounded)) continue;
    const sum = statement.parts.reduce((running, part) => running + toScaled(part.count.value), 0);
    if (sum === toScaled(statement.count.value)) continue;
    const parts = figures.filter((figure) => figure.isPart && figure.statement === statement);
    const sumValue = sum / toScaled(1);
    const difference = (toScaled(statement.count.value) - sum) / toScaled(1);
    const listing = statement.parts.map((part) => `${part.label} ${part.count.value}`).join(pick(input.language, '、', ', '));
    findings.push(
      createFinding({
        id: 'narrative.sumMismatch',
        severity: 'error',
        path: figureKey(total),
        message: pick(
          input.language,
          `${describeFigure(total, 'zh')}：正文说共 ${statement.count.value}（${quoted(statement.count.quote)}），但同一句列出的各项合计 ${sumValue}（${listing}），相差 ${difference}；请核对总数或其中一项`,
          `${describeFigure(total, 'en')}: the prose states ${statement.count.value} (${quoted(statement.count.quote)}) but the parts it lists add up to ${sumValue} (${listing}), a difference of ${difference}; check the total or one of the parts`,
        ),
        expected: sumValue,
        actual: statement.count.value,
        difference,
        spans: [statement.count, ...parts.map((part) => part.number)].flatMap((number) => (number.span ? [number.span] : [])),
      }),
    );
  }
  return findings;
}
