import type { Result } from '../report/schemas.js';

/** What decides whether a stored result can be reused: who extracted the narrative, and how. */
export type RunConfig = {
  readonly provider: string;
  readonly model: string | null;
  readonly promptHash: string | null;
  readonly schemaHash: string;
};

export function configKey(config: RunConfig): string {
  return [config.provider, config.model ?? '-', config.promptHash ?? '-', config.schemaHash].join('|');
}

/**
 * Whether a stored result answers this run. A report with no narrative sent (pre-2019, nothing but
 * tables) needed no model, so any configuration's result of it does; a report whose model call
 * failed (its tables kept, marked narrative-failed) answers none: the next run tries it again.
 */
export function answersConfig(result: Pick<Result, 'narrative' | 'notices'>, key: string): boolean {
  if (isNarrativeFailed(result)) return false;
  if (!result.narrative) return true;
  const { provider, model, promptHash, schemaHash } = result.narrative.extractor;
  return configKey({ provider, model, promptHash, schemaHash }) === key;
}

/** Tables and table checks only: the model failed on the narrative (see the notice). */
export function isNarrativeFailed(result: Pick<Result, 'notices'>): boolean {
  return result.notices?.some((notice) => notice.code === 'narrative-failed') === true;
}
