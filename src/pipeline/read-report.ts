import { readDocument } from '../ingest/read-document.js';
import type { Result } from '../report/schemas.js';
import { analyzeDocument, type AnalyzeOptions } from './analyze-document.js';

/** Reads a report file and returns its checked result. Throws IngestError for bad input. */
export async function readReport(path: string, options: AnalyzeOptions = {}): Promise<Result> {
  return analyzeDocument(await readDocument(path), options);
}
