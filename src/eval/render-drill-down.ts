import { escapeHtml, markedContext } from './html-text.js';
import type { FixtureOutcome } from './run-eval.js';
import type { WrongField } from './score-fixture.js';

/** One fixture's outcomes, one per provider (null where the provider did not run it). */
export type FixtureRow = {
  readonly fixtureId: string;
  readonly anchor: string;
  readonly outcomes: readonly { readonly provider: string; readonly anchor: string; readonly outcome: FixtureOutcome | null }[];
};

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '<span class="null" title="blank, unread or not stated">null</span>';
  return escapeHtml(typeof value === 'string' ? value : JSON.stringify(value));
}

// Why a wrong field shows no report text: the run holds no position for it.
function missingSpanReason(wrong: WrongField): string {
  if (wrong.field.startsWith('meta.') || wrong.field === 'template.format') return 'no position: the result does not record where agency, year and template were read';
  if (wrong.field.startsWith('tables.')) return wrong.actual === null ? 'no position: the cell was not read' : 'no position recorded for this cell';
  if (wrong.field.startsWith('narrative.')) return wrong.actual === null ? 'no position: the number was not extracted, and the label records none' : 'no position: the number is not grounded in the text';
  if (wrong.field.startsWith('findings.')) return wrong.actual === 'missing' ? 'no position: the finding was not raised, and the label records none' : 'no position recorded for this finding';
  return 'no position recorded';
}

function renderWrongField(wrong: WrongField, text: string | undefined): string {
  let where: string;
  if (!wrong.span) where = `<p class="no-span">${escapeHtml(missingSpanReason(wrong))}</p>`;
  else if (text === undefined) where = `<p class="no-span">characters ${wrong.span.start}–${wrong.span.end}; the report text is not in this file</p>`;
  else {
    const context = markedContext(text, wrong.span);
    where =
      context === null
        ? `<p class="no-span">characters ${wrong.span.start}–${wrong.span.end} lie outside the report text (${text.length} characters)</p>`
        : `<pre class="context" lang="zh-CN">${context}</pre><p class="offsets">characters ${wrong.span.start}–${wrong.span.end}</p>`;
  }
  return `<tr><td><code>${escapeHtml(wrong.field)}</code></td><td class="value">${formatValue(wrong.expected)}</td><td class="value">${formatValue(wrong.actual)}</td><td>${where}</td></tr>`;
}

function renderOutcome(entry: FixtureRow['outcomes'][number], text: string | undefined, providerCount: number): string {
  const heading = providerCount > 1 ? `<h4>${escapeHtml(entry.provider)}</h4>` : '';
  const { outcome } = entry;
  let body: string;
  if (!outcome) body = '<p class="no-span">not run for this provider</p>';
  else if (outcome.failure !== null || !outcome.score) body = `<p class="failure">failed: ${escapeHtml(outcome.failure ?? 'no score')}</p>`;
  else if (outcome.score.wrong.length === 0) body = '<p class="exact">every labelled field exact</p>';
  else {
    body = [
      `<table class="wrong"><caption>${outcome.score.wrong.length} wrong field(s)</caption>`,
      '<thead><tr><th scope="col">field</th><th scope="col">expected</th><th scope="col">got</th><th scope="col">where in the report</th></tr></thead><tbody>',
      ...outcome.score.wrong.map((wrong) => renderWrongField(wrong, text)),
      '</tbody></table>',
    ].join('');
  }
  return `<section class="outcome" id="${entry.anchor}">${heading}${body}</section>`;
}

function outcomeBadge(entry: FixtureRow['outcomes'][number], providerCount: number): string {
  const prefix = providerCount > 1 ? `${escapeHtml(entry.provider)}: ` : '';
  const { outcome } = entry;
  if (!outcome) return `<span class="badge">${prefix}not run</span>`;
  if (outcome.failure !== null || !outcome.score) return `<span class="badge bad">${prefix}failed</span>`;
  const wrong = outcome.score.wrong.length;
  return wrong === 0 ? `<span class="badge good">${prefix}exact</span>` : `<span class="badge bad">${prefix}${wrong} wrong</span>`;
}

/** Per fixture a <details>: each wrong field with both values and the report text around its span. */
export function renderDrillDown(rows: readonly FixtureRow[], documents: Readonly<Record<string, string>>): string {
  return rows
    .map((row) => {
      const text = Object.hasOwn(documents, row.fixtureId) ? documents[row.fixtureId] : undefined;
      const open = row.outcomes.some((entry) => entry.outcome && (entry.outcome.failure !== null || (entry.outcome.score?.wrong.length ?? 0) > 0));
      return [
        `<details class="fixture${open ? ' has-wrong' : ''}" id="${row.anchor}"${open ? ' open' : ''}>`,
        `<summary><code>${escapeHtml(row.fixtureId)}</code> ${row.outcomes.map((entry) => outcomeBadge(entry, row.outcomes.length)).join(' ')}</summary>`,
        ...row.outcomes.map((entry) => renderOutcome(entry, text, row.outcomes.length)),
        '</details>',
      ].join('');
    })
    .join('\n');
}
