import type { Language } from '../checks/language.js';
import { EVAL_WORDS } from '../messages/eval.js';
import type { FixtureOutcome } from './run-eval.js';
import type { FindingTally, Tally } from './score-fixture.js';
import { wilsonInterval } from './wilson.js';

export type Rate = { readonly correct: number; readonly total: number; readonly rate: number; readonly low: number; readonly high: number };

export const MEASURES = [
  'tableCells',
  'meta',
  'narrativeNumbers',
  'narrativePrecision',
  'grounded',
  'tableFindingRecall',
  'tableFindingPrecision',
  'narrativeFindingRecall',
  'narrativeFindingPrecision',
  'cleanWithoutErrors',
  'fixturesExact',
] as const;
export type Measure = (typeof MEASURES)[number];

/** What each measure is called, per language (the keys stay in the results JSON and the thresholds). */
export const MEASURE_LABELS: Readonly<Record<Language, Readonly<Record<Measure, string>>>> = { zh: EVAL_WORDS.zh.measures, en: EVAL_WORDS.en.measures };

export function measureLabel(measure: Measure, language: Language): string {
  return MEASURE_LABELS[language][measure];
}

export type ProviderSummary = {
  readonly provider: string;
  readonly fixtures: number;
  readonly failures: number;
  readonly rates: Readonly<Record<Measure, Rate>>;
  readonly textItems: number;
  readonly perFinding: Readonly<Record<string, FindingTally & { readonly precision: number | null; readonly recall: number | null }>>;
  readonly tokens: { readonly input: number; readonly output: number };
  /** USD; null when any call was unpriced. */
  readonly costUsd: number | null;
  readonly latencyMs: { readonly p50: number; readonly p95: number };
  readonly worstFields: readonly { readonly field: string; readonly count: number }[];
};

function rateOf(tally: Tally): Rate {
  const { low, high } = wilsonInterval(tally.correct, tally.total);
  return { ...tally, rate: tally.total === 0 ? 1 : tally.correct / tally.total, low, high };
}

function add(left: Tally, right: Tally): Tally {
  return { correct: left.correct + right.correct, total: left.total + right.total };
}

/** Per provider: rates with 95 % Wilson intervals, per-finding precision/recall, usage, worst fields. */
export function summarize(outcomes: readonly FixtureOutcome[]): ProviderSummary[] {
  const providers = [...new Set(outcomes.map((outcome) => outcome.provider))];
  return providers.map((provider) => {
    const mine = outcomes.filter((outcome) => outcome.provider === provider);
    const scored = mine.flatMap((outcome) => (outcome.score ? [outcome.score] : []));
    const zero: Tally = { correct: 0, total: 0 };
    const sum = (pick: (score: (typeof scored)[number]) => Tally) => scored.reduce((total, score) => add(total, pick(score)), zero);
    type Mutable = { truePositives: number; falsePositives: number; falseNegatives: number; precision: number | null; recall: number | null };
    const perFinding: Record<string, Mutable> = {};
    // Narrative findings (claims about the prose) and table findings are scored apart.
    const totals = { table: { tp: 0, fp: 0, fn: 0 }, narrative: { tp: 0, fp: 0, fn: 0 } };
    for (const score of scored) {
      for (const [id, tally] of Object.entries(score.findings)) {
        const entry = (perFinding[id] ??= { truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: null, recall: null });
        entry.truePositives += tally.truePositives;
        entry.falsePositives += tally.falsePositives;
        entry.falseNegatives += tally.falseNegatives;
        const family = id.startsWith('narrative.') ? totals.narrative : totals.table;
        family.tp += tally.truePositives;
        family.fp += tally.falsePositives;
        family.fn += tally.falseNegatives;
      }
    }
    for (const entry of Object.values(perFinding)) {
      entry.precision = entry.truePositives + entry.falsePositives === 0 ? null : entry.truePositives / (entry.truePositives + entry.falsePositives);
      entry.recall = entry.truePositives + entry.falseNegatives === 0 ? null : entry.truePositives / (entry.truePositives + entry.falseNegatives);
    }
    const fieldCounts = new Map<string, number>();
    for (const score of scored) for (const wrong of score.wrong) fieldCounts.set(wrong.field, (fieldCounts.get(wrong.field) ?? 0) + 1);
    const textScored = scored.filter((score) => score.textItems.total > 0);
    const latencies = mine.flatMap((outcome) => (outcome.usage ? [outcome.usage.latencyMs] : [])).sort((left, right) => left - right);
    const costs = mine.map((outcome) => outcome.usage?.costUsd);
    return {
      provider,
      fixtures: mine.length,
      failures: mine.filter((outcome) => outcome.failure !== null).length,
      rates: {
        tableCells: rateOf(sum((score) => score.tableCells)),
        meta: rateOf(sum((score) => score.meta)),
        narrativeNumbers: rateOf(sum((score) => score.narrativeNumbers)),
        narrativePrecision: rateOf(sum((score) => score.narrativePrecision)),
        grounded: rateOf(sum((score) => score.grounded)),
        tableFindingRecall: rateOf({ correct: totals.table.tp, total: totals.table.tp + totals.table.fn }),
        tableFindingPrecision: rateOf({ correct: totals.table.tp, total: totals.table.tp + totals.table.fp }),
        narrativeFindingRecall: rateOf({ correct: totals.narrative.tp, total: totals.narrative.tp + totals.narrative.fn }),
        narrativeFindingPrecision: rateOf({ correct: totals.narrative.tp, total: totals.narrative.tp + totals.narrative.fp }),
        cleanWithoutErrors: rateOf(sum((score) => score.cleanWithoutErrors)),
        // A failed fixture counts as not exact.
        fixturesExact: rateOf({ correct: scored.filter((score) => score.wrong.length === 0).length, total: mine.length }),
      },
      textItems: textScored.length === 0 ? 0 : textScored.reduce((total, score) => total + score.textItems.score, 0) / textScored.length,
      perFinding,
      tokens: {
        input: mine.reduce((total, outcome) => total + (outcome.usage?.inputTokens ?? 0), 0),
        output: mine.reduce((total, outcome) => total + (outcome.usage?.outputTokens ?? 0), 0),
      },
      costUsd: costs.some((cost) => cost === null) ? null : costs.reduce<number>((total, cost) => total + (cost ?? 0), 0),
      latencyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
      worstFields: [...fieldCounts.entries()].sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0])).slice(0, 10).map(([field, count]) => ({ field, count })),
    };
  });
}

// Nearest-rank percentile.
function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}
