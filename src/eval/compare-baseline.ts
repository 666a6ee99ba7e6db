import { z } from 'zod';
import { EVAL_WORDS } from '../messages/eval.js';
import { compose, type Text } from '../messages/text.js';
import { measureLabel, MEASURES, type Measure, type ProviderSummary } from './aggregate.js';

export const thresholdsSchema = z.strictObject({
  /** A rate may fall by at most this much against a baseline run (0.005 = half a point). */
  maxDrop: z.number().min(0).max(1),
  /** Floors per provider label and measure, set from measured runs. */
  minimum: z.record(z.string(), z.partialRecord(z.enum(MEASURES), z.number().min(0).max(1))),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** A rate that failed the gate; `message` is said in the language the person chose. */
export type Regression = { readonly provider: string; readonly measure: Measure; readonly message: Text };

const points = (rate: number) => (rate * 100).toFixed(2);

/** Rates below their floor in `thresholds`. */
export function checkMinimums(summaries: readonly ProviderSummary[], thresholds: Thresholds): Regression[] {
  return summaries.flatMap((summary) =>
    Object.entries(thresholds.minimum[summary.provider] ?? {}).flatMap(([key, floor]) => {
      const measure = key as Measure;
      const rate = summary.rates[measure];
      if (rate.rate + 1e-12 >= floor) return [];
      const message = compose((language) => EVAL_WORDS[language].belowFloor(summary.provider, measureLabel(measure, language), points(rate.rate), points(floor)));
      return [{ provider: summary.provider, measure, message }];
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
      const message = compose((language) => EVAL_WORDS[language].fellFrom(summary.provider, measureLabel(measure, language), points(then.rate), points(now.rate), points(thresholds.maxDrop)));
      return [{ provider: summary.provider, measure, message }];
    });
  });
}
