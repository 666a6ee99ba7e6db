import { MEASURE_LABELS, MEASURES, type ProviderSummary, type Rate } from './aggregate.js';
import { intervalsOverlap } from './wilson.js';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const withInterval = (rate: Rate) => (rate.total === 0 ? '—' : `${percent(rate.rate)} [${percent(rate.low)}–${percent(rate.high)}] n=${rate.total}`);
const money = (summary: ProviderSummary) => (summary.costUsd === null ? 'unpriced' : `$${summary.costUsd.toFixed(4)}`);

/** Notes every report carries: what the intervals mean, and when two providers differ at all. */
export function caveats(summaries: readonly ProviderSummary[]): string[] {
  const fixtures = summaries[0]?.fixtures ?? 0;
  const notes = [
    `Rates carry 95 % Wilson intervals. With ${fixtures} fixtures, differences inside the intervals mean nothing: a one-point difference is noise.`,
    'Cells, numbers and findings of one report are not independent draws, so the intervals are, if anything, too narrow.',
  ];
  if (summaries.length >= 2) {
    for (const measure of MEASURES) {
      const rates = summaries.map((summary) => summary.rates[measure]).filter((rate) => rate.total > 0);
      if (rates.length >= 2 && rates.every((rate, index) => rates.every((other, otherIndex) => index === otherIndex || intervalsOverlap(rate, other)))) {
        notes.push(`${MEASURE_LABELS[measure]}: the intervals overlap — these providers are not distinguishable on this measure.`);
      }
    }
  }
  return notes;
}

/** Providers × measures, then each provider's worst fields, as plain text for a terminal. */
export function renderMatrix(summaries: readonly ProviderSummary[]): string {
  const header = ['measure', ...summaries.map((summary) => summary.provider)];
  const rows = [
    ...MEASURES.map((measure) => [MEASURE_LABELS[measure], ...summaries.map((summary) => withInterval(summary.rates[measure]))]),
    ['text items (overlap)', ...summaries.map((summary) => percent(summary.textItems))],
    ['tokens in / out', ...summaries.map((summary) => `${summary.tokens.input} / ${summary.tokens.output}`)],
    ['cost', ...summaries.map(money)],
    ['latency p50 / p95', ...summaries.map((summary) => `${(summary.latencyMs.p50 / 1000).toFixed(2)} s / ${(summary.latencyMs.p95 / 1000).toFixed(2)} s`)],
    ['failures', ...summaries.map((summary) => `${summary.failures} of ${summary.fixtures}`)],
  ];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => [...row[column]!].length)));
  const line = (row: readonly string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  const worst = summaries.flatMap((summary) =>
    summary.worstFields.length === 0 ? [`${summary.provider}: every labelled field exact`] : [`${summary.provider}, worst fields:`, ...summary.worstFields.map((field) => `  ${field.count}× ${field.field}`)],
  );
  return [line(header), line(header.map((_, column) => '-'.repeat(widths[column]!))), ...rows.map(line), '', ...worst, '', ...caveats(summaries)].join('\n');
}

export type RunMeta = {
  readonly date: string;
  readonly gitSha: string | null;
  readonly schemaHash: string;
  readonly providers: readonly { readonly label: string; readonly provider: string; readonly model: string | null; readonly promptVersion: string | null; readonly promptHash: string | null }[];
  readonly fixtures: readonly string[];
};

/** The same comparison as Markdown, for a pull request. */
export function renderMarkdown(meta: RunMeta, summaries: readonly ProviderSummary[]): string {
  const header = `| measure | ${summaries.map((summary) => `\`${summary.provider}\``).join(' | ')} |`;
  const rule = `| --- | ${summaries.map(() => '---').join(' | ')} |`;
  const rows = [
    ...MEASURES.map((measure) => `| ${MEASURE_LABELS[measure]} | ${summaries.map((summary) => withInterval(summary.rates[measure])).join(' | ')} |`),
    `| text items (overlap) | ${summaries.map((summary) => percent(summary.textItems)).join(' | ')} |`,
    `| tokens in / out | ${summaries.map((summary) => `${summary.tokens.input} / ${summary.tokens.output}`).join(' | ')} |`,
    `| cost | ${summaries.map(money).join(' | ')} |`,
    `| latency p50 / p95 | ${summaries.map((summary) => `${(summary.latencyMs.p50 / 1000).toFixed(2)} s / ${(summary.latencyMs.p95 / 1000).toFixed(2)} s`).join(' | ')} |`,
    `| failures | ${summaries.map((summary) => `${summary.failures} / ${summary.fixtures}`).join(' | ')} |`,
  ];
  const findingIds = [...new Set(summaries.flatMap((summary) => Object.keys(summary.perFinding)))].sort();
  const findingRows = findingIds.map(
    (id) =>
      `| \`${id}\` | ${summaries
        .map((summary) => {
          const tally = summary.perFinding[id];
          if (!tally) return '—';
          const show = (value: number | null) => (value === null ? '—' : percent(value));
          return `P ${show(tally.precision)} · R ${show(tally.recall)} (tp ${tally.truePositives}, fp ${tally.falsePositives}, fn ${tally.falseNegatives})`;
        })
        .join(' | ')} |`,
  );
  const providers = meta.providers.map((provider) => `\`${provider.label}\` (${provider.model ?? 'no model'}${provider.promptHash ? `, prompt ${provider.promptVersion} ${provider.promptHash}` : ''})`).join(', ');
  return [
    `## nianbao eval — ${meta.fixtures.length} fixtures`,
    '',
    `${meta.date} · git ${meta.gitSha?.slice(0, 12) ?? 'unknown'} · schema ${meta.schemaHash} · ${providers}`,
    '',
    header,
    rule,
    ...rows,
    '',
    '### Findings per id',
    '',
    header.replace('measure', 'finding'),
    rule,
    ...findingRows,
    '',
    ...caveats(summaries).map((note) => `> ${note}`),
    '',
  ].join('\n');
}
