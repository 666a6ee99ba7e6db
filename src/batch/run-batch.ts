import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Language } from '../checks/language.js';
import { AppError, bugStack } from '../errors.js';
import type { Text } from '../messages/text.js';
import type { NarrativeExtractor } from '../extract/extractor.js';
import type { PdfReader } from '../ingest/pdf.js';
import type { ReadLimits } from '../ingest/read-document.js';
import { asAppError, processBytes, readInputBytes } from '../pipeline/process-input.js';
import { makeDirectory, outputFailed } from '../file-system.js';
import type { PriceTable } from '../providers/prices.js';
import type { Result } from '../report/schemas.js';
import { answersConfig, configKey, type RunConfig } from './config-key.js';
import { asWriteFailure, FAILURES_FILE, JsonLinesWriter, outPath, repairTornTail, RESULTS_FILE, SKIPPED_FILE, streamJsonLines, type FailureRecord, type SkippedRecord } from './results-store.js';
import { OUTPUT } from '../messages/output.js';

export type BatchEvent =
  | { readonly kind: 'resumed'; readonly stored: number; readonly repairedBytes: number }
  | { readonly kind: 'done'; readonly path: string; readonly result: Result }
  | { readonly kind: 'failed'; readonly path: string; readonly failure: FailureRecord; readonly text: Text; readonly tablesOnly: Result | null }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: 'already-done' | 'duplicate' | 'other-shard'; readonly sha256: string }
  /** A document that is not a report (a folder's NOTES.md, a notice): listed in skipped.jsonl, not a failure. */
  | { readonly kind: 'not-a-report'; readonly path: string; readonly sha256: string; readonly reason: string };

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
  /** The largest report accepted (see ReadLimits); 5 MB of text when not given. */
  readonly limits?: ReadLimits;
  /** The year it is now, for the notice of a report year not yet come. */
  readonly currentYear?: number;
  /** Only the inputs of this slice: N machines split one corpus with no coordination. */
  readonly shard?: Shard;
};

/** Slice K of N (from 1): an input belongs to it by its content hash, the same on every machine. */
export type Shard = { readonly index: number; readonly count: number };

export function inShard(sha256: string, shard: Shard): boolean {
  return Number.parseInt(sha256.slice(0, 12), 16) % shard.count === shard.index - 1;
}

/**
 * What the inputs of this run are, for the exports: the content hash of every file read, and the
 * files a stopped run did not reach (their earlier results still stand for them).
 */
export type CurrentInputs = { readonly hashes: ReadonlySet<string>; readonly notReached: ReadonlySet<string> };

export type BatchOutcome = { readonly config: RunConfig; readonly stopped: boolean; readonly inputs: CurrentInputs };

/**
 * Runs every file through the pipeline and appends each result to results.jsonl as soon as it is
 * ready. Results already in the file for the same content and configuration are not redone, so a
 * run killed at any moment resumes where it was; the same content under two paths is read once.
 * A report that fails is recorded in failures.jsonl with its reason, and is tried again next run:
 * whatever one file does (see pipeline/process-input.ts) is a failure of that file, never of the
 * run. One whose model call failed keeps its tables in results.jsonl, marked narrative-failed.
 */
export async function runBatch(options: BatchOptions): Promise<BatchOutcome> {
  const config: RunConfig = {
    provider: options.extractor.provider,
    model: options.extractor.model,
    promptHash: options.extractor.promptHash,
    schemaHash: options.schemaHash,
  };
  const key = configKey(config);
  const resultsPath = outPath(options.outDirectory, RESULTS_FILE);
  const failuresPath = outPath(options.outDirectory, FAILURES_FILE);
  const skippedPath = outPath(options.outDirectory, SKIPPED_FILE);
  let repairedBytes = 0;
  try {
    await makeDirectory(options.outDirectory);
    await assertRegularFiles([resultsPath, failuresPath, skippedPath]);
    repairedBytes = (await repairTornTail(resultsPath)) + (await repairTornTail(failuresPath)) + (await repairTornTail(skippedPath));
  } catch (cause) {
    throw outputFailed(options.outDirectory, cause, OUTPUT.nothingReadOrWritten());
  }
  const done = new Set<string>();
  let stored = 0;
  for await (const record of streamJsonLines(resultsPath)) {
    const result = record as Result;
    stored += 1;
    if (result?.source?.sha256 && answersConfig(result, key)) done.add(result.source.sha256);
  }
  options.onEvent({ kind: 'resumed', stored, repairedBytes });

  const results = await JsonLinesWriter.open(resultsPath);
  const failures = await JsonLinesWriter.open(failuresPath).catch(async (error: unknown) => {
    await results.close();
    throw error;
  });
  const skipped = await JsonLinesWriter.open(skippedPath).catch(async (error: unknown) => {
    await results.close();
    await failures.close();
    throw error;
  });
  const seen = new Set<string>();
  // Every content hash of this run's inputs (read now or already done): the exports describe these.
  const hashes = new Set<string>();
  let next = 0;
  // A write that failed (a full disk) ends the run: every later one would fail the same way.
  let writeFailure: AppError | null = null;
  const isWriteFailure = (error: unknown): error is AppError => error instanceof AppError && error.code === 'output-failed';
  const worker = async () => {
    while (next < options.files.length && !options.signal?.aborted && !writeFailure) {
      const path = options.files[next]!;
      next += 1;
      try {
        await processFile(path);
      } catch (error) {
        if (isWriteFailure(error)) {
          writeFailure ??= error;
          continue;
        }
        // Outside the pipeline's own boundary (hashing, an event handler): still this file's failure.
        try {
          await fail(path, null, asAppError(error, path, 'recording'));
        } catch (failed) {
          if (!isWriteFailure(failed)) throw failed;
          writeFailure ??= failed;
        }
      }
    }
  };
  const fail = async (path: string, sha256: string | null, error: AppError, tablesOnly: Result | null = null) => {
    const stack = bugStack(error);
    const failure: FailureRecord = { path, sha256, config: key, code: error.code, message: error.message, ...(stack ? { stack } : {}), at: new Date().toISOString() };
    await failures.append(failure);
    options.onEvent({ kind: 'failed', path, failure, text: error.text, tablesOnly });
  };
  const processFile = async (path: string) => {
    const read = await readInputBytes(path, options.limits);
    if ('error' in read) return fail(path, null, read.error);
    const { bytes } = read;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (options.shard && !inShard(sha256, options.shard)) {
      options.onEvent({ kind: 'skipped', path, reason: 'other-shard', sha256 });
      return;
    }
    hashes.add(sha256);
    if (seen.has(sha256) || done.has(sha256)) {
      options.onEvent({ kind: 'skipped', path, reason: seen.has(sha256) ? 'duplicate' : 'already-done', sha256 });
      return;
    }
    seen.add(sha256);
    const outcome = await processBytes(path, bytes, sha256, {
      language: options.language,
      extractor: options.extractor,
      prices: options.prices,
      currentYear: options.currentYear,
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.readPdf ? { readPdf: options.readPdf } : {}),
    });
    if (outcome.status === 'failed') return fail(path, sha256, outcome.error);
    if (outcome.status === 'narrative-failed') {
      // The model failed on this report: its tables and their findings are kept (marked by the
      // notice, so a resume does not count them as done), and the next run tries the model again.
      await results.append(outcome.result);
      return fail(path, sha256, outcome.error, outcome.result);
    }
    const { result } = outcome;
    const notReport = result.notices.find((notice) => notice.code === 'not-a-report');
    if (notReport) {
      const record: SkippedRecord = { path, sha256, code: 'not-a-report', reason: notReport.message, at: new Date().toISOString() };
      await skipped.append(record);
      options.onEvent({ kind: 'not-a-report', path, sha256, reason: notReport.message });
      return;
    }
    await results.append(result);
    done.add(sha256);
    options.onEvent({ kind: 'done', path, result });
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  } finally {
    await results.close().catch((error: unknown) => (writeFailure ??= asWriteFailure(error)));
    await failures.close().catch((error: unknown) => (writeFailure ??= asWriteFailure(error)));
    await skipped.close().catch((error: unknown) => (writeFailure ??= asWriteFailure(error)));
  }
  if (writeFailure) throw writeFailure;
  return { config, stopped: options.signal?.aborted === true, inputs: { hashes, notReached: new Set(options.files.slice(next)) } };
}

/** results.jsonl that is a pipe or a device (/dev/full, /dev/zero) would be read for ever. */
async function assertRegularFiles(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info && !info.isFile()) throw new Error(`${path} is not a regular file (a folder, a device or a pipe)`);
  }
}
