import { AppError } from '../errors.js';
import type { NarrativeExtractor } from '../extract/extractor.js';
import type { SourceDocument } from '../ingest/source-document.js';
import { analyzeWithExtractor } from '../pipeline/read-report.js';
import type { PriceTable } from '../providers/prices.js';
import type { Result } from '../report/schemas.js';
import type { Fixture } from './load-fixtures.js';
import { scoreFixture, type FixtureScore } from './score-fixture.js';

export type EvalProvider = { readonly label: string; readonly extractor: NarrativeExtractor; readonly prices: PriceTable };

export type FixtureOutcome = {
  readonly fixtureId: string;
  readonly provider: string;
  /** null when the run failed for this fixture (see `failure`). */
  readonly score: FixtureScore | null;
  readonly failure: string | null;
  readonly usage: {
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly attempts: number;
    readonly latencyMs: number;
    readonly cached: boolean;
    readonly costUsd: number | null;
  } | null;
};

export type EvalEvent =
  | { readonly type: 'run-start'; readonly fixtures: number; readonly providers: readonly string[] }
  | { readonly type: 'fixture-start'; readonly fixtureId: string; readonly provider: string }
  | { readonly type: 'fixture-end'; readonly outcome: FixtureOutcome; readonly result: Result | null }
  | { readonly type: 'run-end'; readonly outcomes: readonly FixtureOutcome[] };

export type EvalInput = {
  readonly fixtures: readonly (Fixture & { readonly document: SourceDocument })[];
  readonly providers: readonly EvalProvider[];
  readonly concurrency?: number;
  readonly onEvent?: (event: EvalEvent) => void;
};

/**
 * Every provider over every fixture, `concurrency` at a time (through whatever cache the
 * providers carry). A failure is recorded for its fixture and the run goes on.
 */
export async function runEval(input: EvalInput): Promise<FixtureOutcome[]> {
  const emit = input.onEvent ?? (() => undefined);
  emit({ type: 'run-start', fixtures: input.fixtures.length, providers: input.providers.map((provider) => provider.label) });
  const jobs = input.providers.flatMap((provider) => input.fixtures.map((fixture) => ({ provider, fixture })));
  const outcomes: FixtureOutcome[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next;
      next += 1;
      const { provider, fixture } = jobs[index]!;
      emit({ type: 'fixture-start', fixtureId: fixture.id, provider: provider.label });
      const { outcome, result } = await runOne(fixture, provider);
      outcomes[index] = outcome;
      emit({ type: 'fixture-end', outcome, result });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.concurrency ?? 4) }, worker));
  emit({ type: 'run-end', outcomes });
  return outcomes;
}

async function runOne(fixture: Fixture & { readonly document: SourceDocument }, provider: EvalProvider) {
  try {
    const result = await analyzeWithExtractor(fixture.document, { extractor: provider.extractor, prices: provider.prices });
    const usage = result.narrative?.usage ?? null;
    const outcome: FixtureOutcome = {
      fixtureId: fixture.id,
      provider: provider.label,
      score: scoreFixture(fixture.expected, result),
      failure: null,
      usage: usage && { ...usage },
    };
    return { outcome, result };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const outcome: FixtureOutcome = { fixtureId: fixture.id, provider: provider.label, score: null, failure: `${error.code}: ${error.message}`, usage: null };
    return { outcome, result: null };
  }
}
