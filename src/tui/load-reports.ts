import { stat } from 'node:fs/promises';
import { streamJsonLines } from '../batch/results-store.js';
import { listInputs } from '../batch/list-inputs.js';
import { AppError, IngestError } from '../errors.js';
import { readDocument } from '../ingest/read-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import type { Result } from '../report/schemas.js';

export type ReportEntry =
  | { readonly kind: 'read'; readonly result: Result }
  | { readonly kind: 'failed'; readonly path: string; readonly message: string };

/**
 * What the TUI opens: a report file, a folder of them (read with the offline rules), or a batch's
 * results.jsonl (read as written, no re-analysis). A file that cannot be read is listed as failed.
 */
export async function loadReports(input: string): Promise<ReportEntry[]> {
  const info = await stat(input).catch((cause: unknown) => {
    throw new IngestError('file-not-found', input, 'no such file or directory', { cause });
  });
  if (info.isFile() && input.endsWith('.jsonl')) {
    const entries: ReportEntry[] = [];
    for await (const record of streamJsonLines(input)) entries.push({ kind: 'read', result: record as Result });
    return entries;
  }
  const files = info.isDirectory() ? (await listInputs([input], [])).files : [input];
  const entries: ReportEntry[] = [];
  for (const path of files) {
    try {
      entries.push({ kind: 'read', result: analyzeDocument(await readDocument(path)) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      entries.push({ kind: 'failed', path, message: error.message });
    }
  }
  return entries;
}

/** The document text a result's spans point into (read again from its path). */
export async function loadText(result: Result): Promise<string> {
  return (await readDocument(result.source.path)).text;
}
