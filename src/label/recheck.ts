import type { Language } from '../checks/language.js';
import { runNarrativeChecks } from '../checks/narrative/index.js';
import { checkSums } from '../checks/sum-checks.js';
import type { Finding, Result } from '../report/schemas.js';
import { applyCellEdits, applyNumberEdits } from './apply-edits.js';
import { cellKey, findingKey, type Decisions } from './review.js';

/** What the edits changed: the findings they raised and the ones they mended (by finding key). */
export type Recheck = { readonly result: Result; readonly raised: readonly Finding[]; readonly mended: readonly Finding[] };

/** Findings that come from the values alone, and so are worked out again from the edited ones. */
const fromValues = (finding: Finding) => finding.id.startsWith('applications.') || finding.id.startsWith('reviewLitigation.') || finding.id.startsWith('narrative.');

/**
 * The report as it reads with a person's edits: its sums and narrative checks run again on the
 * edited cells and numbers, so the reviewer sees at once what an edit breaks or mends, before
 * anything is saved. A missing or ambiguous cell the person has filled in no longer warns;
 * structure and cross-year findings stay as read. Pure.
 */
export function recheck(result: Result, decisions: Decisions, language: Language): Recheck {
  const edits = [...decisions].filter(([key, decision]) => decision.kind === 'edited' && !key.startsWith('meta:'));
  if (edits.length === 0) return { result, raised: [], mended: [] };
  const tables = applyCellEdits(result.tables, decisions);
  const filled = (finding: Finding) =>
    (finding.id === 'table.missingCell' || finding.id === 'table.ambiguousRow') &&
    finding.cells.length > 0 &&
    finding.cells.every((cell) => decisions.get(cellKey(cell.path))?.kind === 'edited');
  const kept = result.findings.filter((finding) => !fromValues(finding) && !filled(finding));
  const sums = checkSums({ format: result.template.format, sections: result.sections, tables, cells: result.cells, parses: [], language });
  const facts = result.narrative ? applyNumberEdits(result.narrative.facts, decisions) : null;
  const narrative = facts ? runNarrativeChecks({ facts, tables, meta: result.meta, language }) : [];
  const findings = [...kept, ...sums, ...narrative];
  const before = new Set(result.findings.map(findingKey));
  const after = new Set(findings.map(findingKey));
  return {
    result: { ...result, tables, narrative: result.narrative && facts ? { ...result.narrative, facts } : result.narrative, findings },
    raised: findings.filter((finding) => !before.has(findingKey(finding))),
    mended: result.findings.filter((finding) => !after.has(findingKey(finding))),
  };
}
