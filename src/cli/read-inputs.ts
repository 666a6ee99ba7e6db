import { AppError, ExtractionError, ProviderError } from '../errors.js';
import type { NarrativeExtractor } from '../extract/extractor.js';
import { readDocument } from '../ingest/read-document.js';
import type { SourceDocument } from '../ingest/source-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import { analyzeWithExtractor } from '../pipeline/read-report.js';
import type { PriceTable } from '../providers/prices.js';
import type { Language } from '../checks/language.js';
import type { Result } from '../report/schemas.js';
import type { CliIo } from './io.js';

export type InputOutcome = { readonly results: Result[]; readonly unreadable: number; readonly narrativeFailed: number };
export type Extraction = { readonly extractor: NarrativeExtractor; readonly prices: PriceTable };

/**
 * Reads every file; a bad one gets one line on stderr naming it and what is wrong, and the
 * others are still processed. Documents that are not reports count as unreadable.
 */
export async function readInputs(files: readonly string[], language: Language, io: CliIo, extraction?: Extraction): Promise<InputOutcome> {
  const results: Result[] = [];
  let unreadable = 0;
  let narrativeFailed = 0;
  for (const file of files) {
    let document: SourceDocument;
    try {
      document = await readDocument(file);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      io.stderr.write(`nianbao: ${error.message}\n`);
      unreadable += 1;
      continue;
    }
    let result: Result;
    try {
      result = await analyzeWithExtractor(document, { language, ...extraction });
    } catch (error) {
      if (!(error instanceof ExtractionError || error instanceof ProviderError)) throw error;
      // The model failed on this report: keep its tables and checks, say so, go on.
      io.stderr.write(`nianbao: ${file}: narrative extraction failed: ${error.message}\n`);
      narrativeFailed += 1;
      const tablesOnly = analyzeDocument(document, { language, narrative: false });
      results.push({ ...tablesOnly, notices: [...tablesOnly.notices, { code: 'narrative-failed', message: error.message }] });
      continue;
    }
    const notReport = result.notices.find((notice) => notice.code === 'not-a-report');
    if (notReport) {
      io.stderr.write(`nianbao: ${file}: ${notReport.message}\n`);
      unreadable += 1;
      continue;
    }
    for (const notice of result.notices) io.stderr.write(`nianbao: ${file}: ${notice.message}\n`);
    results.push(result);
  }
  return { results, unreadable, narrativeFailed };
}
