import type { Language } from '../checks/language.js';
import { EVAL_WORDS, type EvalWords } from '../messages/eval.js';
import { displayWidth, padEnd } from '../render/display-width.js';
import { measureLabel, MEASURES, type ProviderSummary, type Rate } from './aggregate.js';
import { intervalsOverlap } from './wilson.js';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const withInterval = (rate: Rate) => (rate.total === 0 ? '—' : `${percent(rate.rate)} [${percent(rate.low)}–${percent(rate.high)}] n=${rate.total}`);
const money = (summary: ProviderSummary, words: EvalWords) => (summary.costUsd === null ? words.unpriced : `$${summary.costUsd.toFixed(4)}`);
const latency = (summary: ProviderSummary, words: EvalWords) =>
  `${words.seconds((summary.latencyMs.p50 / 1000).toFixed(2))} / ${words.seconds((summary.latencyMs.p95 / 1000).toFixed(2))}`;

/** Notes every report carries: what the intervals mean, and when two providers differ at all. */
export function caveats(summaries: readonly ProviderSummary[], language: Language): string[] {
  const words = EVAL_WORDS[language];
  const notes = [words.intervalNote(summaries[0]?.fixtures ?? 0), words.notIndependent];
  if (summaries.length >= 2) {
    for (const measure of MEASURES) {
      const rates = summaries.map((summary) => summary.rates[measure]).filter((rate) => rate.total > 0);
      if (rates.length >= 2 && rates.every((rate, index) => rates.every((other, otherIndex) => index === otherIndex || intervalsOverlap(rate, other)))) {
        notes.push(words.indistinguishable(measureLabel(measure, language)));
      }
    }
  }
  return notes;
}

/** The rows below the measures, the same in the terminal and in Markdown but for how failures read. */
function usageRows(summaries: readonly ProviderSummary[], words: EvalWords, failures: (summary: ProviderSummary) => string): string[][] {
  return [
    [words.textItems, ...summaries.map((summary) => percent(summary.textItems))],
    [words.tokens, ...summaries.map((summary) => `${summary.tokens.input} / ${summary.tokens.output}`)],
    [words.cost, ...summaries.map((summary) => money(summary, words))],
    [words.latency, ...summaries.map((summary) => latency(summary, words))],
    [words.failures, ...summaries.map(failures)],
  ];
}

/** Providers × measures, then each provider's worst fields, as plain text for a terminal. */
export function renderMatrix(summaries: readonly ProviderSummary[], language: Language): string {
  const words = EVAL_WORDS[language];
  const header = [words.measure, ...summaries.map((summary) => summary.provider)];
  const rows = [
    ...MEASURES.map((measure) => [measureLabel(measure, language), ...summaries.map((summary) => withInterval(summary.rates[measure]))]),
    ...usageRows(summaries, words, (summary) => words.failedOf(summary.failures, summary.fixtures)),
  ];
  // Columns line up by terminal width: a Chinese character takes two columns.
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => displayWidth(row[column]!))));
  const line = (row: readonly string[]) => row.map((cell, column) => padEnd(cell, widths[column]!)).join('  ');
  const worst = summaries.flatMap((summary) =>
    summary.worstFields.length === 0
      ? [words.everyFieldExact(summary.provider)]
      : [words.worstFields(summary.provider), ...summary.worstFields.map((field) => `  ${words.times(field.count)} ${field.field}`)],
  );
  return [line(header), line(header.map((_, column) => '-'.repeat(widths[column]!))), ...rows.map(line), '', ...worst, '', ...caveats(summaries, language)].join('\n');
}

export type RunMeta = {
  readonly date: string;
  readonly gitSha: string | null;
  readonly schemaHash: string;
  readonly providers: readonly { readonly label: string; readonly provider: string; readonly model: string | null; readonly promptVersion: string | null; readonly promptHash: string | null }[];
  readonly fixtures: readonly string[];
};

/** The same comparison as Markdown, for a pull request. */
export function renderMarkdown(meta: RunMeta, summaries: readonly ProviderSummary[], language: Language): string {
  const words = EVAL_WORDS[language];
  const tableRow = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const providerColumns = summaries.map((summary) => `\`${summary.provider}\``);
  const rule = tableRow(['---', ...summaries.map(() => '---')]);
  const rows = [
    ...MEASURES.map((measure) => [measureLabel(measure, language), ...summaries.map((summary) => withInterval(summary.rates[measure]))]),
    ...usageRows(summaries, words, (summary) => `${summary.failures} / ${summary.fixtures}`),
  ].map(tableRow);
  const findingIds = [...new Set(summaries.flatMap((summary) => Object.keys(summary.perFinding)))].sort();
  const show = (value: number | null) => (value === null ? '—' : percent(value));
  const findingRows = findingIds.map((id) =>
    tableRow([
      `\`${id}\``,
      ...summaries.map((summary) => {
        const tally = summary.perFinding[id];
        return tally ? words.perFindingCell(show(tally.precision), show(tally.recall), tally.truePositives, tally.falsePositives, tally.falseNegatives) : '—';
      }),
    ]),
  );
  const providers = meta.providers
    .map((provider) => `\`${provider.label}\`${words.providerDetail(provider.model ?? words.noModel, provider.promptHash ? words.prompt(provider.promptVersion, provider.promptHash) : null)}`)
    .join(words.listSeparator);
  return [
    `## ${words.title(meta.fixtures.length)}`,
    '',
    `${words.runLine(meta.date, meta.gitSha?.slice(0, 12) ?? words.unknown, meta.schemaHash)} · ${providers}`,
    '',
    tableRow([words.measure, ...providerColumns]),
    rule,
    ...rows,
    '',
    `### ${words.findingsPerId}`,
    '',
    tableRow([words.finding, ...providerColumns]),
    rule,
    ...findingRows,
    '',
    ...caveats(summaries, language).map((note) => `> ${note}`),
    '',
  ].join('\n');
}
