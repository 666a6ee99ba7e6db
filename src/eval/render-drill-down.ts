import type { Language } from '../checks/language.js';
import { EVAL_WORDS, type EvalWords } from '../messages/eval.js';
import { escapeHtml, markedContext } from './html-text.js';
import type { FixtureOutcome } from './run-eval.js';
import type { WrongField } from './score-fixture.js';

/** One fixture's outcomes, one per provider (null where the provider did not run it). */
export type FixtureRow = {
  readonly fixtureId: string;
  readonly anchor: string;
  readonly outcomes: readonly { readonly provider: string; readonly anchor: string; readonly outcome: FixtureOutcome | null }[];
};

function formatValue(field: string, value: unknown, words: EvalWords): string {
  if (value === null || value === undefined) return `<span class="null" title="${escapeHtml(words.nullTitle)}">${escapeHtml(words.nullValue)}</span>`;
  // A finding's value is whether it was raised: a word, said in the page's language.
  if (field.startsWith('findings.') && typeof value === 'string' && Object.hasOwn(words.findingStates, value)) return escapeHtml(words.findingStates[value as keyof EvalWords['findingStates']]);
  return escapeHtml(typeof value === 'string' ? value : JSON.stringify(value));
}

// Why a wrong field shows no report text: the run holds no position for it.
function missingSpanReason(wrong: WrongField): keyof EvalWords['noPosition'] {
  if (wrong.field.startsWith('meta.') || wrong.field === 'template.format') return 'meta';
  if (wrong.field.startsWith('tables.')) return wrong.actual === null ? 'cellNotRead' : 'cell';
  if (wrong.field.startsWith('narrative.')) return wrong.actual === null ? 'numberNotExtracted' : 'numberNotGrounded';
  if (wrong.field.startsWith('findings.')) return wrong.actual === 'missing' ? 'findingNotRaised' : 'finding';
  return 'other';
}

function renderWrongField(wrong: WrongField, text: string | undefined, words: EvalWords): string {
  let where: string;
  if (!wrong.span) where = `<p class="no-span">${escapeHtml(words.noPosition[missingSpanReason(wrong)])}</p>`;
  else if (text === undefined) where = `<p class="no-span">${escapeHtml(words.textNotInFile(wrong.span.start, wrong.span.end))}</p>`;
  else {
    const context = markedContext(text, wrong.span);
    where =
      context === null
        ? `<p class="no-span">${escapeHtml(words.outsideText(wrong.span.start, wrong.span.end, text.length))}</p>`
        : `<pre class="context" lang="zh-CN">${context}</pre><p class="offsets">${escapeHtml(words.characters(wrong.span.start, wrong.span.end))}</p>`;
  }
  return `<tr><td><code>${escapeHtml(wrong.field)}</code></td><td class="value">${formatValue(wrong.field, wrong.expected, words)}</td><td class="value">${formatValue(wrong.field, wrong.actual, words)}</td><td>${where}</td></tr>`;
}

function renderOutcome(entry: FixtureRow['outcomes'][number], text: string | undefined, providerCount: number, words: EvalWords): string {
  const heading = providerCount > 1 ? `<h4>${escapeHtml(entry.provider)}</h4>` : '';
  const { outcome } = entry;
  let body: string;
  if (!outcome) body = `<p class="no-span">${escapeHtml(words.notRunForProvider)}</p>`;
  else if (outcome.failure !== null || !outcome.score) body = `<p class="failure">${escapeHtml(words.failedBecause(outcome.failure ?? words.noScore))}</p>`;
  else if (outcome.score.wrong.length === 0) body = `<p class="exact">${escapeHtml(words.allFieldsExact)}</p>`;
  else {
    body = [
      `<table class="wrong"><caption>${escapeHtml(words.wrongFieldsCaption(outcome.score.wrong.length))}</caption>`,
      `<thead><tr>${words.fieldColumns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')}</tr></thead><tbody>`,
      ...outcome.score.wrong.map((wrong) => renderWrongField(wrong, text, words)),
      '</tbody></table>',
    ].join('');
  }
  return `<section class="outcome" id="${entry.anchor}">${heading}${body}</section>`;
}

function outcomeBadge(entry: FixtureRow['outcomes'][number], providerCount: number, words: EvalWords): string {
  const prefix = providerCount > 1 ? escapeHtml(words.providerPrefix(entry.provider)) : '';
  const { outcome } = entry;
  if (!outcome) return `<span class="badge">${prefix}${escapeHtml(words.notRun)}</span>`;
  if (outcome.failure !== null || !outcome.score) return `<span class="badge bad">${prefix}${escapeHtml(words.badgeFailed)}</span>`;
  const wrong = outcome.score.wrong.length;
  return wrong === 0 ? `<span class="badge good">${prefix}${escapeHtml(words.exact)}</span>` : `<span class="badge bad">${prefix}${escapeHtml(words.badgeWrong(wrong))}</span>`;
}

/** Per fixture a <details>: each wrong field with both values and the report text around its span. */
export function renderDrillDown(rows: readonly FixtureRow[], documents: Readonly<Record<string, string>>, language: Language): string {
  const words = EVAL_WORDS[language];
  return rows
    .map((row) => {
      const text = Object.hasOwn(documents, row.fixtureId) ? documents[row.fixtureId] : undefined;
      const open = row.outcomes.some((entry) => entry.outcome && (entry.outcome.failure !== null || (entry.outcome.score?.wrong.length ?? 0) > 0));
      return [
        `<details class="fixture${open ? ' has-wrong' : ''}" id="${row.anchor}"${open ? ' open' : ''}>`,
        `<summary><code>${escapeHtml(row.fixtureId)}</code> ${row.outcomes.map((entry) => outcomeBadge(entry, row.outcomes.length, words)).join(' ')}</summary>`,
        ...row.outcomes.map((entry) => renderOutcome(entry, text, row.outcomes.length, words)),
        '</details>',
      ].join('');
    })
    .join('\n');
}
