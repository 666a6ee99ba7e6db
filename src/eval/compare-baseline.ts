import { z } from 'zod';
import { MEASURE_LABELS, MEASURES, type Measure, type ProviderSummary } from './aggregate.js';

export const thresholdsSchema = z.strictObject({
  /** A rate may fall by at most this much against a baseline run (0.005 = half a point). */
  maxDrop: z.number().min(0).max(1),
  /** Floors per provider label and measure, set from measured runs. */
  minimum: z.record(z.string(), z.partialRecord(z.enum(MEASURES), z.number().min(0).max(1))),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export type Regression = { readonly provider: string; readonly measure: Measure; readonly message: string };

/** Rates below their floor in `thresholds`. */
export function checkMinimums(summaries: readonly ProviderSummary[], thresholds: Thresholds): Regression[] {
  return summaries.flatMap((summary) =>
    Object.entries(thresholds.minimum[summary.provider] ?? {}).flatMap(([measure, floor]) => {
      const rate = summary.rates[measure as Measure];
      return rate.rate + 1e-12 < floor
        ? [{ provider: summary.provider, measure: measure as Measure, message: `${summary.provider}: ${MEASURE_LABELS[measure as Measure]} is ${(rate.rate * 100).toFixed(2)}%, below the floor of ${(floor * 100).toFixed(2)}%` }]
        : [];
    }),
  );
}

/** Rates that fell by more than `maxDrop` against the same provider in a baseline run. */
export function compareWithBaseline(summaries: readonly ProviderSummary[], baseline: readonly ProviderSummary[], thresholds: Thresholds): Regression[] {
  return summaries.flatMap((summary) => {
    const before = baseline.find((candidate) => candidate.provider === summary.provider);
    if (!before) return [];
    return MEASURES.flatMap((measure) => {
      const now = summary.rates[measure];
      // A baseline from before a measure existed has no rate for it.
      const then = before.rates[measure] as (typeof before.rates)[typeof measure] | undefined;
      if (!then || now.total === 0 || then.total === 0 || then.rate - now.rate <= thresholds.maxDrop + 1e-12) return [];
      return [{ provider: summary.provider, measure, message: `${summary.provider}: ${MEASURE_LABELS[measure]} fell from ${(then.rate * 100).toFixed(2)}% to ${(now.rate * 100).toFixed(2)}% (allowed drop ${(thresholds.maxDrop * 100).toFixed(2)} points)` }];
    });
  });
}
