import type { NarrativeExtractor } from './extractor.js';
import { extractWithRules } from './rules/extract-with-rules.js';

/** The `rules` provider: no model, no call, no cost. */
export function createRulesExtractor(): NarrativeExtractor {
  return {
    provider: 'rules',
    model: null,
    promptVersion: null,
    promptHash: null,
    async extract(request) {
      const started = performance.now();
      const narrative = extractWithRules(request.input, request.documentText, request.sections);
      return { narrative, usage: { inputTokens: 0, outputTokens: 0, attempts: 1, latencyMs: performance.now() - started, cached: false } };
    },
  };
}
