import type { Language } from '../checks/language.js';
import { matchedReceivedReading, runNarrativeChecks } from '../checks/narrative/index.js';
import type { NarrativeExtraction, NarrativeExtractor } from '../extract/extractor.js';
import { groundNarrative } from '../extract/ground-narrative.js';
import type { NarrativeInput } from '../extract/narrative-input.js';
import { costOf, type PriceTable } from '../providers/prices.js';
import type { Result } from '../report/schemas.js';

export type InputTokens = { readonly tokens: number | null; readonly wholeReportTokens: number | null };

/** Grounds an extraction, records who made it and what it cost, and runs the narrative checks. */
export function attachNarrative(
  result: Result,
  input: NarrativeInput,
  extraction: NarrativeExtraction,
  extractor: Pick<NarrativeExtractor, 'provider' | 'model' | 'promptVersion' | 'promptHash'>,
  options: { readonly schemaHash: string; readonly prices: PriceTable; readonly language: Language; readonly tokens: InputTokens },
): Result {
  const facts = groundNarrative(extraction.narrative, input);
  const checkInput = { facts, tables: result.tables, meta: result.meta, language: options.language };
  const { usage } = extraction;
  return {
    ...result,
    narrative: {
      extractor: {
        provider: extractor.provider,
        model: extractor.model,
        promptVersion: extractor.promptVersion,
        promptHash: extractor.promptHash,
        schemaHash: options.schemaHash,
      },
      facts,
      usage: {
        ...usage,
        // What the calls cost when they were made; `cached` says this run spent nothing on them.
        costUsd: extractor.provider === 'rules' ? 0 : costOf(extractor.model ?? '', usage, options.prices),
      },
      input: { characters: input.text.length, ...options.tokens },
      receivedReading: matchedReceivedReading(checkInput),
    },
    findings: [...result.findings, ...runNarrativeChecks(checkInput)],
  };
}
