import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import type { Language } from '../checks/language.js';
import { AppError } from '../errors.js';
import type { NarrativeExtractor } from '../extract/extractor.js';
import type { PdfReader } from '../ingest/pdf.js';
import { documentFromFile } from '../ingest/read-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import { analyzeWithExtractor } from '../pipeline/read-report.js';
import type { PriceTable } from '../providers/prices.js';
import type { Result } from '../report/schemas.js';
import { answersConfig, configKey, type RunConfig } from './config-key.js';
import { FAILURES_FILE, JsonLinesWriter, outPath, repairTornTail, RESULTS_FILE, streamJsonLines, type FailureRecord } from './results-store.js';

export type BatchEvent =
  | { readonly kind: 'resumed'; readonly stored: number; readonly repairedBytes: number }
  | { readonly kind: 'done'; readonly path: string; readonly result: Result }
  | { readonly kind: 'failed'; readonly path: string; readonly failure: FailureRecord; readonly tablesOnly: Result | null }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: 'already-done' | 'duplicate'; readonly sha256: string };

export type BatchOptions = {
  readonly files: readonly string[];
  readonly outDirectory: string;
  readonly extractor: NarrativeExtractor;
  readonly schemaHash: string;
  readonly prices: PriceTable;
  readonly language: Language;
  /** Reports in flight at once (LLM calls overlap; reading and parsing share one thread). */
  readonly concurrency: number;
  readonly onEvent: (event: BatchEvent) => void;
  /** Stops taking new reports (Ctrl-C): those in flight finish and are written. */
  readonly signal?: AbortSignal;
  /** Reads PDFs' text (a pool of worker threads); pdf.js on this thread when not given. */
  readonly readPdf?: PdfReader;
};

export type BatchOutcome = { readonly config: RunConfig; readonly stopped: boolean };

/**
 * Runs every file through the pipeline and appends each result to results.jsonl as soon as it is
 * ready. Results already in the file for the same content and configuration are not redone, so a
 * run killed at any moment resumes where it was; the same content under two paths is read once.
 * A report that fails is recorded in failures.jsonl with its reason, and is tried again next run.
 */
export async function runBatch(options: BatchOptions): Promise<BatchOutcome> {
  const config: RunConfig = {
    provider: options.extractor.provider,
    model: options.extractor.model,
    promptHash: options.extractor.promptHash,
    schemaHash: options.schemaHash,
  };
  const key = configKey(config);
  await mkdir(options.outDirectory, { recursive: true });
  const resultsPath = outPath(options.outDirectory, RESULTS_FILE);
  const failuresPath = outPath(options.outDirectory, FAILURES_FILE);
  const repairedBytes = (await repairTornTail(resultsPath)) + (await repairTornTail(failuresPath));
  const done = new Set<string>();
  let stored = 0;
  for await (const record of streamJsonLines(resultsPath)) {
    const result = record as Result;
    stored += 1;
    if (result?.source?.sha256 && answersConfig(result, key)) done.add(result.source.sha256);
  }
  options.onEvent({ kind: 'resumed', stored, repairedBytes });

  const results = await JsonLinesWriter.open(resultsPath);
  const failures = await JsonLinesWriter.open(failuresPath);
  const seen = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < options.files.length && !options.signal?.aborted) {
      const path = options.files[next]!;
      next += 1;
      await processFile(path);
    }
  };
  const fail = async (path: string, sha256: string | null, error: AppError, tablesOnly: Result | null = null) => {
    const failure: FailureRecord = { path, sha256, config: key, code: error.code, message: error.message, at: new Date().toISOString() };
    await failures.append(failure);
    options.onEvent({ kind: 'failed', path, failure, tablesOnly });
  };
  const processFile = async (path: string) => {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (cause) {
      return fail(path, null, new AppError('file-not-found', `${path}: cannot be read`, { cause }));
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (seen.has(sha256) || done.has(sha256)) {
      options.onEvent({ kind: 'skipped', path, reason: seen.has(sha256) ? 'duplicate' : 'already-done', sha256 });
      return;
    }
    seen.add(sha256);
    let document;
    try {
      document = await documentFromFile(path, bytes, { readPdf: options.readPdf });
    } catch (error) {
      if (error instanceof AppError) return fail(path, sha256, error);
      throw error;
    }
    let result: Result;
    try {
      result = await analyzeWithExtractor(document, { language: options.language, extractor: options.extractor, prices: options.prices });
    } catch (error) {
      // ExtractionError, ProviderError, a cache miss in replay: anything but a bug.
      if (!(error instanceof AppError)) throw error;
      // The model failed on this report: its tables are still shown, and next run tries again.
      return fail(path, sha256, error, analyzeDocument(document, { language: options.language, narrative: false }));
    }
    const notReport = result.notices.find((notice) => notice.code === 'not-a-report');
    if (notReport) return fail(path, sha256, new AppError('not-a-report', `${path}: ${notReport.message}`));
    await results.append(result);
    done.add(sha256);
    options.onEvent({ kind: 'done', path, result });
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  } finally {
    await results.close();
    await failures.close();
  }
  return { config, stopped: options.signal?.aborted === true };
}
