import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Language } from '../../checks/language.js';
import { listInputs } from '../../batch/list-inputs.js';
import { runBatch, type BatchEvent } from '../../batch/run-batch.js';
import { configKey } from '../../batch/config-key.js';
import { UsageError } from '../../errors.js';
import { createPdfReaderPool } from '../../ingest/pdf-pool.js';
import type { ExportSummary } from '../../export/export-results.js';
import { narrativeJsonSchema } from '../../extract/narrative-json-schema.js';
import type { BatchApiEvent } from '../../providers/openai-batch.js';
import type { RetryEvent } from '../../providers/throttled.js';
import { formatDuration, renderProgress, type BatchProgress } from '../../render/render-progress.js';
import { EXIT, inputsExitCode, type CliIo } from '../io.js';
import { createOutputFolder } from '../write-results.js';
import { catchInterruption, type Interruption } from '../interruption.js';
import { takeOutLock } from '../../batch/out-lock.js';
import { describeRetry, prepareExtraction } from '../prepare-extraction.js';
import { extractorFlagsFrom, LIMIT_OPTIONS, NARRATIVE_OPTIONS, parseCommandLine, parseLanguage, readLimitsFrom } from '../options.js';
import type { ReadLimits } from '../../ingest/read-document.js';
import type { ExtractorFlags } from '../../config/resolve-config.js';

export const BATCH_USAGE = `Usage: nianbao batch INPUT... --out DIR [--list FILE]... [options]

Reads every report under the inputs (files, directories searched recursively, and list files of
one path per line) and writes, into DIR:
  results.jsonl    one result document per report, appended as each report finishes
  failures.jsonl   reports that failed, with the reason (tried again on the next run)
  reports.csv, findings.csv, results.xlsx, results.sqlite, cross-year.jsonl   derived at the end
Safe to interrupt (Ctrl-C exits 130 once the reports in flight are written; even kill -9): run
the same command again and it goes on where it stopped. Content already done under the same
provider, model, prompt and schema is not redone; the same document under two names is read once.
A report whose model call failed keeps its tables (notice narrative-failed) and is tried again.
One batch at a time per DIR.
  --out DIR              where the results go (required)
  --list FILE            a file listing inputs, one per line (repeatable)
  --concurrency N        reports in flight at once (default 4)
  --pdf-threads N        worker threads reading PDFs with pdf.js (default: one per core, at most
                         --concurrency; 0 reads them on the main thread)
  --rpm N, --tpm N       at most N requests / N tokens per minute to the LLM endpoint
  --max-retries N        retries of a failed LLM call: 429, 5xx, timeouts (default 5; back-off
                         doubles from 1 s with jitter, never shorter than the endpoint's retry-after)
  --batch-api            send the model requests through the OpenAI Batch API (about half the
                         price, answers within 24 h): gathered into batches, polled, joined back by
                         custom_id; a restarted run picks up its batches by id (DIR/batch-api.json)
  --poll-interval S      seconds between polls of a batch (default 30)
  --max-mb N             the largest report text in MB (default 5; PDF and Word files may be
                         ten times as large on disk): larger files are failures, not read
  --lang en              messages in English
Narrative options as for extract: --provider, --model, --no-cache, --max-attempts,
--response-format, --prices.`;

type Options = {
  inputs: string[];
  lists: string[];
  out: string;
  concurrency: number;
  pdfThreads: number;
  rpm?: number;
  tpm?: number;
  maxRetries: number;
  batchApi: boolean;
  pollIntervalSeconds: number;
  language: Language;
  extractor: ExtractorFlags;
  limits: ReadLimits;
};

/** A flag's whole number, at least `minimum` (1 unless 0 means something: no retries, no threads). */
function wholeNumber(name: string, value: string | undefined, minimum: 0 | 1, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) {
    throw new UsageError(`${name} must be a whole number${minimum === 0 ? ', 0 or more' : ' above 0'}, not "${value}"`);
  }
  return number;
}

function pollInterval(value: string | undefined): number {
  if (value === undefined) return 30;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--poll-interval takes seconds above 0, not "${value}"`);
  return seconds;
}

function parseOptions(argv: readonly string[]): Options | 'help' {
  const parsed = parseCommandLine(
    argv,
    {
      out: { type: 'string' },
      list: { type: 'string', multiple: true },
      concurrency: { type: 'string' },
      'pdf-threads': { type: 'string' },
      rpm: { type: 'string' },
      tpm: { type: 'string' },
      'max-retries': { type: 'string' },
      'batch-api': { type: 'boolean', default: false },
      'poll-interval': { type: 'string' },
      lang: { type: 'string', default: 'zh' },
      help: { type: 'boolean', short: 'h', default: false },
      ...NARRATIVE_OPTIONS,
      ...LIMIT_OPTIONS,
    },
  );
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (!values.out) throw new UsageError('batch needs --out DIR');
  if (positionals.length === 0 && !values.list) throw new UsageError('batch needs at least one INPUT or --list FILE');
  const language = parseLanguage(values.lang);
  const rpm = wholeNumber('--rpm', values.rpm, 1);
  const tpm = wholeNumber('--tpm', values.tpm, 1);
  return {
    inputs: positionals,
    lists: values.list ?? [],
    out: values.out,
    concurrency: wholeNumber('--concurrency', values.concurrency, 1, 4)!,
    pdfThreads: wholeNumber('--pdf-threads', values['pdf-threads'], 0, availableParallelism())!,
    ...(rpm ? { rpm } : {}),
    ...(tpm ? { tpm } : {}),
    maxRetries: wholeNumber('--max-retries', values['max-retries'], 0, 5)!,
    batchApi: values['batch-api'] === true,
    pollIntervalSeconds: pollInterval(values['poll-interval']),
    language,
    extractor: extractorFlagsFrom(values),
    limits: readLimitsFrom(values['max-mb']),
  };
}

export async function runBatchCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(argv);
  if (options === 'help') {
    io.stdout.write(`${BATCH_USAGE}\n`);
    return EXIT.ok;
  }
  const listing = await listInputs(options.inputs, options.lists, [options.out]);
  for (const problem of listing.problems) io.stderr.write(`nianbao: ${problem.path}: ${problem.message}\n`);
  for (const skipped of listing.skipped) io.stderr.write(`nianbao: ${skipped.path}: ${skipped.message}\n`);
  if (listing.files.length === 0) {
    io.stderr.write('nianbao: no report files found in the inputs\n');
    return EXIT.unreadable;
  }
  // One batch per folder: a second one would redo what the first has not finished yet.
  await createOutputFolder(options.out);
  const lock = await takeOutLock(options.out, ['nianbao', 'batch', ...argv].join(' '));
  let interruption: Interruption | undefined;
  try {
    const progress = createProgress(io, listing.files.length);
    const extraction = await prepareExtraction(options.extractor, io, false, {
      throttle: {
        maxRetries: options.maxRetries,
        ...(options.rpm ? { requestsPerMinute: options.rpm } : {}),
        ...(options.tpm ? { tokensPerMinute: options.tpm } : {}),
        onRetry: progress.retry,
        onRateLimitWait: progress.wait,
      },
      ...(options.batchApi
        ? { batchApi: { statePath: join(options.out, 'batch-api.json'), pollIntervalMs: options.pollIntervalSeconds * 1000, onEvent: progress.batchApi } }
        : {}),
    });
    interruption = catchInterruption(io, 'stopping after the reports in flight', lock.releaseNow);
    // pdf.js takes ~130 ms of a core per report: PDFs are read on worker threads, one per core.
    // More threads than reports in flight would sit idle.
    const pdfPool = createPdfReaderPool(Math.min(options.pdfThreads, options.concurrency));
    let outcome;
    try {
      outcome = await runBatch({
        files: listing.files,
        outDirectory: options.out,
        extractor: extraction.extractor,
        schemaHash: narrativeJsonSchema().hash,
        prices: extraction.prices,
        language: options.language,
        // With the Batch API every report waits for its batch at once: they must all be in flight.
        concurrency: options.batchApi ? listing.files.length : options.concurrency,
        onEvent: progress.event,
        signal: interruption.signal(),
        limits: options.limits,
        currentYear: new Date().getFullYear(),
        ...(pdfPool ? { readPdf: pdfPool.read } : {}),
      });
    } finally {
      await pdfPool?.close();
      progress.finish();
    }
    // Tens of seconds for 10 000 reports: say what is happening.
    io.stderr.write(`nianbao: writing reports.csv, findings.csv, results.xlsx and results.sqlite from ${join(options.out, 'results.jsonl')}\n`);
    const exportSignal = interruption.stage('stopping the exports; results.jsonl is complete');
    // The exports' libraries (SQLite's native addon among them) load here, not at every start.
    const { exportResults } = await import('../../export/export-results.js');
    let summary;
    try {
      summary = await exportResults(options.out, configKey(outcome.config), options.language, exportSignal);
    } catch (error) {
      if (!exportSignal.aborted) throw error;
      io.stderr.write(`nianbao batch: stopped while writing the exports; results.jsonl is complete; run the same command again to write them (no report is redone)\n`);
      return interruption.exitCode();
    }
    io.stderr.write(renderSummary(progress.counts(), summary, outcome.stopped));
    const counts = progress.counts();
    // Interrupted: what was done is safe, the rest is not done; 130 is what a shell expects of Ctrl-C.
    if (outcome.stopped) return interruption.exitCode();
    return inputsExitCode({ internal: counts.internal, unreadable: counts.failed - counts.narrativeFailed + listing.problems.length, narrativeFailed: counts.narrativeFailed }) ?? EXIT.ok;
  } finally {
    interruption?.dispose();
    await lock.release();
  }
}

type Counts = {
  total: number;
  read: number;
  failed: number;
  /** Of the failed: tables kept, the model failed on the narrative. */
  narrativeFailed: number;
  /** Of the failed: a bug of nianbao met on the input (exit 70; the others were still processed). */
  internal: number;
  alreadyDone: number;
  duplicates: number;
  failedByCode: Record<string, number>;
  retries: number;
  stored: number;
  repairedBytes: number;
};

/**
 * Progress on stderr. On a terminal: one status line redrawn in place, with failures and retries
 * printed above it as they happen. Otherwise (a log file, CI): a plain line per report.
 */
function createProgress(io: CliIo, total: number) {
  const interactive = io.stderr.isTTY === true;
  const started = Date.now();
  const counts: Counts = { total, read: 0, failed: 0, narrativeFailed: 0, internal: 0, alreadyDone: 0, duplicates: 0, failedByCode: {}, retries: 0, stored: 0, repairedBytes: 0 };
  let inputTokens = 0;
  let outputTokens = 0;
  let costUsd: number | null = 0;
  let waitUntil = 0;
  const finished = () => counts.read + counts.failed + counts.alreadyDone + counts.duplicates;
  const snapshot = (): BatchProgress => ({
    total,
    finished: finished(),
    read: counts.read,
    failed: counts.failed,
    skipped: counts.alreadyDone + counts.duplicates,
    elapsedMs: Date.now() - started,
    inputTokens,
    outputTokens,
    costUsd,
    retries: counts.retries,
    waitingMs: waitUntil > Date.now() ? waitUntil - Date.now() : null,
  });
  const line = (text: string) => {
    if (interactive) io.stderr.write(`\r\x1b[K${text}\n${renderProgress(snapshot())}`);
    else io.stderr.write(`${text}\n`);
  };
  const timer = interactive ? setInterval(() => io.stderr.write(`\r\x1b[K${renderProgress(snapshot())}`), 250) : null;
  timer?.unref();
  const position = () => `[${finished()}/${total}]`;
  return {
    counts: () => counts,
    event(event: BatchEvent) {
      switch (event.kind) {
        case 'resumed':
          counts.stored = event.stored;
          counts.repairedBytes = event.repairedBytes;
          if (event.stored > 0 || event.repairedBytes > 0) line(`nianbao: resuming: ${event.stored} result(s) already in results.jsonl${event.repairedBytes > 0 ? `; a torn last line (${event.repairedBytes} bytes, from an interrupted write) was removed` : ''}`);
          return;
        case 'done': {
          counts.read += 1;
          const usage = event.result.narrative?.usage;
          if (usage && !usage.cached) {
            inputTokens += usage.inputTokens;
            outputTokens += usage.outputTokens;
          }
          if (usage) costUsd = costUsd === null || usage.costUsd === null ? (usage.inputTokens > 0 ? null : costUsd) : costUsd + (usage.cached ? 0 : usage.costUsd);
          if (!interactive) line(`nianbao: ${position()} ${event.path}: ${event.result.template.format}, ${event.result.findings.length} finding(s)${usage?.cached ? ', from the cache' : ''}`);
          return;
        }
        case 'failed':
          counts.failed += 1;
          if (event.tablesOnly) counts.narrativeFailed += 1;
          if (event.failure.code === 'internal') counts.internal += 1;
          counts.failedByCode[event.failure.code] = (counts.failedByCode[event.failure.code] ?? 0) + 1;
          {
            const message = event.failure.message.startsWith(event.path) ? event.failure.message : `${event.path}: ${event.failure.message}`;
            if (event.tablesOnly) line(`nianbao: ${position()} narrative failed, tables and their findings kept (tried again next run): ${message}`);
            else line(`nianbao: ${position()} failed: ${message}${event.failure.stack ? `\n${event.failure.stack}` : ''}`);
          }
          return;
        case 'skipped':
          if (event.reason === 'duplicate') counts.duplicates += 1;
          else counts.alreadyDone += 1;
          if (!interactive) line(`nianbao: ${position()} ${event.path}: ${event.reason === 'duplicate' ? 'same content as a file read earlier, skipped' : 'already done, skipped'}`);
          return;
      }
    },
    retry(event: RetryEvent) {
      counts.retries += 1;
      waitUntil = Date.now() + event.delayMs;
      line(`nianbao: ${describeRetry(event)}`);
    },
    batchApi(event: BatchApiEvent) {
      if (event.kind === 'submitted') line(`nianbao: Batch API: submitted ${event.batchId} with ${event.requests} request(s)`);
      else if (event.kind === 'resumed') line(`nianbao: Batch API: picking up ${event.batchId} (${event.requests} request(s)) from an earlier run`);
      else if (event.kind === 'status') line(`nianbao: Batch API: ${event.batchId} ${event.status}, ${event.completed}/${event.total} done, ${event.failed} failed`);
      else line(`nianbao: Batch API: ${event.batchId} finished: ${event.answered} answered, ${event.retried} to retry in the next batch, ${event.failed} failed`);
    },
    wait(delayMs: number) {
      waitUntil = Math.max(waitUntil, Date.now() + delayMs);
      if (!interactive) line(`nianbao: rate limit reached, waiting ${formatDuration(delayMs)}`);
    },
    finish() {
      if (timer) clearInterval(timer);
      if (interactive) io.stderr.write(`\r\x1b[K${renderProgress(snapshot())}\n`);
    },
  };
}

function renderSummary(counts: Counts, summary: ExportSummary, stopped: boolean): string {
  const lines = [
    stopped ? 'nianbao batch: stopped early; run the same command again to go on' : 'nianbao batch: done',
    `  this run: ${counts.read} read, ${counts.failed} failed, ${counts.alreadyDone} already done, ${counts.duplicates} duplicate(s), ${counts.retries} LLM retr${counts.retries === 1 ? 'y' : 'ies'}`,
  ];
  const failures = Object.entries(counts.failedByCode).sort(([, left], [, right]) => right - left);
  if (failures.length > 0) lines.push(`  failed by reason: ${failures.map(([code, count]) => `${code} ${count}`).join(', ')} (see failures.jsonl)`);
  const tablesOnly = summary.narrativeFailed > 0 ? `, ${summary.narrativeFailed} of them tables only (the model failed on the narrative: notices = narrative-failed)` : '';
  lines.push(`  in the output: ${summary.reports} report(s)${tablesOnly}${summary.otherLines > 0 ? ` (${summary.otherLines} line(s) of another configuration or repeated, not exported)` : ''}`);
  const findings = Object.entries(summary.findingsById).sort(([, left], [, right]) => right - left);
  lines.push(`  findings: ${findings.length === 0 ? 'none' : findings.map(([id, count]) => `${id} ${count}`).join(', ')}`);
  if (summary.inputTokens + summary.outputTokens > 0) {
    lines.push(`  tokens: ${summary.inputTokens} in, ${summary.outputTokens} out; cost ${summary.costUsd === null ? 'unknown (a model has no price)' : `$${summary.costUsd.toFixed(4)}`}`);
  }
  lines.push(`  wrote ${summary.files.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
