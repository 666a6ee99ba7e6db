import { extname } from 'node:path';
import { mapNarrative } from '../report/map-numbers.js';
import type { StatedClaim, StatedNumber } from '../report/narrative.js';
import { expectedSchema, type Expected, type GroundedClaim, type GroundedNumber, type Result } from '../report/schemas.js';
import { applyCellEdits } from './apply-edits.js';
import { findingKey, metaKey, narrativeKey, type Decisions } from './review.js';

export type FixtureRequest = {
  readonly id: string;
  /** The name the report is saved under inside the fixture folder ("report.txt"). */
  readonly document: string;
  /**
   * Whether the narrative is labelled: only when the person says every stated number is listed.
   * A partial list would count a better model's extra (true) numbers as wrong.
   */
  readonly includeNarrative: boolean;
};

/** The report's name inside the fixture folder: "report" with the source's extension. */
export function fixtureDocumentName(result: Result): string {
  return `report${extname(result.source.path).toLowerCase() || '.txt'}`;
}

/**
 * The fixture's expected.json: what the tool read, with the person's edits applied and dismissed
 * findings left out. Checked against the fixture schema before anything is written.
 */
export function buildExpected(result: Result, decisions: Decisions, request: FixtureRequest): Expected {
  const edited = (key: string) => {
    const decision = decisions.get(key);
    return decision?.kind === 'edited' ? decision : undefined;
  };
  const agency = edited(metaKey('agency'));
  const year = edited(metaKey('year'));
  const tables = result.tables.activeDisclosure && result.tables.applications && result.tables.reviewLitigation ? applyCellEdits(result.tables, decisions) : null;
  const narrative =
    request.includeNarrative && result.narrative
      ? mapNarrative<GroundedNumber, StatedNumber, GroundedClaim, StatedClaim>(result.narrative.facts, {
          number: (number, path) => {
            const change = edited(narrativeKey(path));
            return { value: change && typeof change.value === 'number' ? change.value : number.value, quote: number.quote, year: number.year };
          },
          claim: ({ about, claim, quote }) => ({ about, claim, quote }),
        })
      : null;
  const candidate = {
    id: request.id,
    document: request.document,
    origin: result.source.path,
    constructed: false,
    format: result.template.format,
    meta: {
      agency: agency ? (agency.value === null ? null : String(agency.value)) : result.meta.agency,
      year: year ? (year.value === null ? null : Number(year.value)) : result.meta.year,
    },
    tables,
    narrative,
    findings: result.findings.filter((finding) => decisions.get(findingKey(finding))?.kind !== 'dismissed').map((finding) => ({ id: finding.id, path: finding.path })),
  };
  const parsed = expectedSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new Error(`the corrected report is not a valid fixture: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}
