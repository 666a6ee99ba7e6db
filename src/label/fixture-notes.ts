import type { Expected, Result } from '../report/schemas.js';
import type { Decision, Decisions } from './review.js';

/**
 * The fixture's NOTES.md: where the report came from, that the labels started from the tool's
 * output and were reviewed by a person, and every decision with its reason, so a later reader
 * knows which values a person looked at and which were taken as read.
 */
export function fixtureNotes(result: Result, expected: Expected, decisions: Decisions, savedAt: Date, cellCount: number): string {
  const entries = [...decisions.entries()];
  const listed = (kind: Decision['kind']) => entries.filter(([, decision]) => decision.kind === kind);
  const line = ([key, decision]: [string, Decision]) =>
    `- \`${key}\`${decision.kind === 'edited' ? ` → ${decision.value === null ? '空白 (blank)' : JSON.stringify(decision.value)}` : ''}${decision.reason ? `: ${decision.reason}` : ''}`;
  const edited = listed('edited');
  const confirmed = listed('confirmed');
  const dismissed = listed('dismissed');
  const reviewedCells = entries.filter(([key]) => key.startsWith('cell:')).length;
  return [
    `# ${expected.id}`,
    '',
    '## Source',
    '',
    `- \`${expected.document}\` is a byte-exact copy of \`${result.source.path}\` (sha256 \`${result.source.sha256}\`, ${result.source.format}).`,
    `- Report: ${expected.meta.agency ?? '(agency unknown)'} ${expected.meta.year ?? '(year unknown)'}, template ${expected.format} (${result.template.reason}).`,
    '',
    '## How it was labelled',
    '',
    `- Saved from \`nianbao tui\` on ${savedAt.toISOString().slice(0, 10)}: the labels start from what nianbao read` +
      ` (tables by the deterministic parser, narrative by ${result.narrative ? `${result.narrative.extractor.provider}${result.narrative.extractor.model ? `:${result.narrative.extractor.model}` : ''}` : 'nothing'}),` +
      ' and a person reviewed them against the source text.',
    `- Reviewed by the person: ${reviewedCells} of ${cellCount} table cells, ${entries.length - reviewedCells} other values and findings (listed below). Everything else is as the tool read it: re-read it before trusting this fixture as gold.`,
    `- Narrative: ${expected.narrative ? 'labelled — the person confirmed that every stated number is listed.' : 'not labelled (null): not every stated number was confirmed to be listed.'}`,
    expected.tables ? '- Tables: labelled.' : '- Tables: not labelled (null): the tool did not read all three tables.',
    '',
    '## Corrections',
    '',
    ...(edited.length > 0 ? edited.map(line) : ['- none']),
    '',
    '## Confirmed as read',
    '',
    ...(confirmed.length > 0 ? confirmed.map(line) : ['- none']),
    '',
    '## Findings dismissed as false alarms',
    '',
    ...(dismissed.length > 0 ? dismissed.map(line) : ['- none']),
    '',
    '## Findings kept',
    '',
    ...(expected.findings.length > 0 ? expected.findings.map((finding) => `- \`${finding.id}\` at \`${finding.path}\``) : ['- none']),
    '',
  ].join('\n');
}
