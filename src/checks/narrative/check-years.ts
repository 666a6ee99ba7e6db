import type { Finding } from '../../report/schemas.js';
import { createFinding } from '../create-finding.js';
import { pick } from '../language.js';
import { evidenceFigures, figureKey, quoted, type NarrativeCheckInput } from './figures.js';

/** narrative.yearMismatch: a statement about the report's own facts that names another year. */
export function checkYears(input: NarrativeCheckInput): Finding[] {
  const year = input.meta.year;
  if (year === null) return [];
  return evidenceFigures(input.facts)
    // "2023 年结转的 3 件申请" in a 2024 report names the year they came from.
    .filter(({ number, measure }) => number.year !== null && number.year !== year && !(measure === 'carriedOver' && number.year === year - 1))
    .map((figure) =>
      createFinding({
        id: 'narrative.yearMismatch',
        severity: 'warning',
        path: figureKey(figure),
        message: pick(
          input.language,
          `这是 ${year} 年的报告，但这句话说的是 ${figure.number.year} 年：${quoted(figure.number.quote)}`,
          `this is a ${year} report but the statement names ${figure.number.year}: ${quoted(figure.number.quote)}`,
        ),
        expected: year,
        actual: figure.number.year,
        spans: figure.number.span ? [figure.number.span] : [],
      }),
    );
}
