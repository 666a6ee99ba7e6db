import type { Narrative } from '../report/narrative.js';
import type { Section } from '../report/schemas.js';
import type { NarrativeInput } from './narrative-input.js';

export type NarrativeRequest = {
  readonly input: NarrativeInput;
  readonly documentText: string;
  readonly sections: readonly Section[];
};

export type ExtractionUsage = {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly attempts: number;
  readonly latencyMs: number;
  readonly cached: boolean;
};

export type NarrativeExtraction = { readonly narrative: Narrative; readonly usage: ExtractionUsage };

/** Narrative facts from a report's prose: by an LLM, or by the offline rules. */
export interface NarrativeExtractor {
  readonly provider: string;
  readonly model: string | null;
  readonly promptVersion: string | null;
  readonly promptHash: string | null;
  extract(request: NarrativeRequest): Promise<NarrativeExtraction>;
}
