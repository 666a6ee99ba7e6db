import type { Finding } from '../../report/schemas.js';
import { createFinding } from '../create-finding.js';
import { pick } from '../language.js';
import { claimKey, figureKey, listFigures, quoted, type NarrativeCheckInput } from './figures.js';

/** narrative.ungrounded: a quote not found in the report, or not holding its number or claim. */
export function checkGrounding(input: NarrativeCheckInput): Finding[] {
  const numbers = listFigures(input.facts)
    .filter((figure) => !figure.number.grounded)
    .map((figure) =>
      createFinding({
        id: 'narrative.ungrounded',
        severity: 'warning',
        path: figureKey(figure),
        message: pick(
          input.language,
          `提取到的数字 ${figure.number.value} 没有出处：引文${quoted(figure.number.quote)}在报告中找不到，或不含这个数字；它不作为任何其他检查的依据`,
          `the extracted number ${figure.number.value} is not grounded: its quote ${quoted(figure.number.quote)} is not in the report or does not contain it; no other check relies on it`,
        ),
        actual: figure.number.value,
      }),
    );
  const claims = input.facts.reviewLitigation.claims
    .filter((claim) => !claim.grounded)
    .map((claim) =>
      createFinding({
        id: 'narrative.ungrounded',
        severity: 'warning',
        path: claimKey(claim),
        message: pick(
          input.language,
          `提取到的说法没有出处：引文${quoted(claim.quote)}在报告中找不到，或没有这样说；它不作为任何其他检查的依据`,
          `the extracted claim is not grounded: its quote ${quoted(claim.quote)} is not in the report or does not say so; no other check relies on it`,
        ),
      }),
    );
  return [...numbers, ...claims];
}
