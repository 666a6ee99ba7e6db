import type { Language } from '../checks/language.js';
import { countTokensOffThread } from '../extract/count-tokens.js';
import type { NarrativeExtractor } from '../extract/extractor.js';
import { narrativeJsonSchema } from '../extract/narrative-json-schema.js';
import { readDocument } from '../ingest/read-document.js';
import type { SourceDocument } from '../ingest/source-document.js';
import { DEFAULT_PRICES, type PriceTable } from '../providers/prices.js';
import type { Result } from '../report/schemas.js';
import { analyzeDocument, analyzeStructure } from './analyze-document.js';
import { attachNarrative } from './attach-narrative.js';

export type ReadOptions = {
  readonly language?: Language;
  /** Who extracts the narrative; the offline rules when absent. */
  readonly extractor?: NarrativeExtractor;
  readonly prices?: PriceTable;
  /** false: tables and checks only, no narrative extraction. */
  readonly narrative?: boolean;
  /** The year it is now, for the notice of a report year not yet come (see year-notice.ts). */
  readonly currentYear?: number;
};

/** Reads a report file and returns its checked result. Throws IngestError for bad input. */
export async function readReport(path: string, options: ReadOptions = {}): Promise<Result> {
  return analyzeWithExtractor(await readDocument(path), options);
}

/** The whole pipeline on a document in memory, with an LLM extractor when one is given. */
export async function analyzeWithExtractor(document: SourceDocument, options: ReadOptions = {}): Promise<Result> {
  const { extractor } = options;
  const analyzeOptions = { language: options.language ?? 'zh', currentYear: options.currentYear } as const;
  if (options.narrative === false) return analyzeDocument(document, { ...analyzeOptions, narrative: false });
  if (!extractor || extractor.provider === 'rules') return analyzeDocument(document, analyzeOptions);
  const { result, input } = analyzeStructure(document, options);
  if (!input) return result;
  // Counted on another thread while the model answers; a failure surfaces at the await below.
  const counting = countTokensOffThread([input.text, document.text]);
  counting.catch(() => undefined);
  const extraction = await extractor.extract({ input, documentText: document.text, sections: result.sections });
  const [tokens, wholeReportTokens] = await counting;
  return attachNarrative(result, input, extraction, extractor, {
    schemaHash: narrativeJsonSchema().hash,
    prices: options.prices ?? DEFAULT_PRICES,
    language: options.language ?? 'zh',
    tokens: { tokens: tokens!, wholeReportTokens: wholeReportTokens! },
  });
}
