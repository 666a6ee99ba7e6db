import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Language } from '../../checks/language.js';
import { listInputs } from '../../batch/list-inputs.js';
import { runBatch, type BatchEvent, type Shard } from '../../batch/run-batch.js';
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
import { extractorFlagsFrom, LIMIT_OPTIONS, NARRATIVE_OPTIONS, parseCommandLine, readLimitsFrom } from '../options.js';
import { LANGUAGE_OPTION, resolveLanguage } from '../language.js';
import type { ReadLimits } from '../../ingest/read-document.js';
import type { ExtractorFlags } from '../../config/resolve-config.js';
import { BATCH } from '../../messages/batch.js';
import { CLI } from '../../messages/cli.js';
import { BATCH_USAGE } from '../../messages/usage.js';
import { aboutFile } from '../../messages/text.js';


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
  shard?: Shard;
};

/** --shard K/N: this machine's slice of the inputs, 1 ≤ K ≤ N. */
function shardOf(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(CLI.badShard(value));
  return { index, count };
}

/** A flag's whole number, at least `minimum` (1 unless 0 means something: no retries, no threads). */
function wholeNumber(name: string, value: string | undefined, minimum: 0 | 1, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) {
    throw new UsageError(CLI.batchWholeNumber(name, value, minimum));
  }
  return number;
}

function pollInterval(value: string | undefined): number {
  if (value === undefined) return 30;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(CLI.pollInterval(value));
  return seconds;
}

function parseOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Options | { readonly help: Language } {
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
      shard: { type: 'string' },
      ...LANGUAGE_OPTION,
      help: { type: 'boolean', short: 'h', default: false },
      ...NARRATIVE_OPTIONS,
      ...LIMIT_OPTIONS,
    },
  );
  const { values, positionals } = parsed;
  const language = resolveLanguage(values.lang, env);
  if (values.help) return { help: language };
  if (!values.out) throw new UsageError(CLI.batchNeedsOut());
  if (positionals.length === 0 && !values.list) throw new UsageError(CLI.batchNeedsInput());
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
    ...(values.shard !== undefined ? { shard: shardOf(values.shard)! } : {}),
  };
}

export async function runBatchCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseOptions(argv, io.env);
  if ('help' in options) {
    io.stdout.write(`${BATCH_USAGE[options.help]}\n`);
    return EXIT.ok;
  }
  const listing = await listInputs(options.inputs, options.lists, [options.out]);
  for (const listed of [...listing.problems, ...listing.skipped]) io.stderr.write(`nianbao: ${aboutFile(listed.path, listed.message[options.language], options.language)}\n`);
  if (listing.files.length === 0) {
    io.stderr.write(`nianbao: ${BATCH.noReports()[options.language]}\n`);
    return EXIT.unreadable;
  }
  // One batch per folder: a second one would redo what the first has not finished yet.
  await createOutputFolder(options.out);
  const lock = await takeOutLock(options.out, ['nianbao', 'batch', ...argv].join(' '));
  let interruption: Interruption | undefined;
  try {
    const progress = createProgress(io, listing.files.length, options.language);
    const extraction = await prepareExtraction(options.extractor, io, options.language, false, {
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
    interruption = catchInterruption(io, options.language, BATCH.stoppingInFlight(), lock.releaseNow);
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
        ...(options.shard ? { shard: options.shard } : {}),
        ...(pdfPool ? { readPdf: pdfPool.read } : {}),
      });
    } finally {
      await pdfPool?.close();
      progress.finish();
    }
    // Tens of seconds for 10 000 reports: say what is happening.
    io.stderr.write(`nianbao: ${BATCH.writingExports(join(options.out, 'results.jsonl'))[options.language]}\n`);
    const exportSignal = interruption.stage(BATCH.stoppingExports());
    // The exports' libraries (SQLite's native addon among them) load here, not at every start.
    const { exportResults } = await import('../../export/export-results.js');
    let summary;
    try {
      summary = await exportResults(options.out, configKey(outcome.config), options.language, exportSignal, outcome.inputs);
    } catch (error) {
      if (!exportSignal.aborted) throw error;
      io.stderr.write(`nianbao batch: ${BATCH.stoppedInExports()[options.language]}\n`);
      return interruption.exitCode();
    }
    const counts = progress.counts();
    // Inputs that could not be read (a model failure on the narrative is not one: its tables are in).
    const unreadable = counts.failed - counts.narrativeFailed + listing.problems.length;
    // The page a supervisor opens first, with the evidence views of the reports it ranks first.
    const { writeOverview } = await import('../write-overview.js');
    const overview = await writeOverview(
      options.out,
      { generatedAt: new Date().toISOString(), directory: options.out, reports: summary.overview, skipped: counts.notReports.length, failed: unreadable, crossYear: summary.crossYear },
      options.language,
    );
    io.stderr.write(renderSummary(counts, summary, outcome.stopped, options.language));
    io.stderr.write(`  ${CLI.overviewWritten(overview)[options.language]}\n`);
    // Interrupted: what was done is safe, the rest is not done; 130 is what a shell expects of Ctrl-C.
    if (outcome.stopped) return interruption.exitCode();
    return inputsExitCode({ internal: counts.internal, unreadable, narrativeFailed: counts.narrativeFailed }) ?? EXIT.ok;
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
  /** Inputs that are not reports (skipped.jsonl): not failures, and not in the exports. */
  notReports: string[];
  /** Inputs that belong to another --shard. */
  otherShard: number;
};

/**
 * Progress on stderr. On a terminal: one status line redrawn in place, with failures and retries
 * printed above it as they happen. Otherwise (a log file, CI): a plain line per report.
 */
function createProgress(io: CliIo, total: number, language: Language) {
  const interactive = io.stderr.isTTY === true;
  const started = Date.now();
  const counts: Counts = { total, read: 0, failed: 0, narrativeFailed: 0, internal: 0, alreadyDone: 0, duplicates: 0, failedByCode: {}, retries: 0, stored: 0, repairedBytes: 0, notReports: [], otherShard: 0 };
  let inputTokens = 0;
  let outputTokens = 0;
  let costUsd: number | null = 0;
  let waitUntil = 0;
  const finished = () => counts.read + counts.failed + counts.alreadyDone + counts.duplicates + counts.notReports.length + counts.otherShard;
  const snapshot = (): BatchProgress => ({
    total,
    finished: finished(),
    read: counts.read,
    failed: counts.failed,
    skipped: counts.alreadyDone + counts.duplicates + counts.notReports.length,
    elapsedMs: Date.now() - started,
    inputTokens,
    outputTokens,
    costUsd,
    retries: counts.retries,
    waitingMs: waitUntil > Date.now() ? waitUntil - Date.now() : null,
  });
  const line = (text: string) => {
    if (interactive) io.stderr.write(`\r\x1b[K${text}\n${renderProgress(snapshot(), language)}`);
    else io.stderr.write(`${text}\n`);
  };
  const timer = interactive ? setInterval(() => io.stderr.write(`\r\x1b[K${renderProgress(snapshot(), language)}`), 250) : null;
  timer?.unref();
  const position = () => `[${finished()}/${total}]`;
  return {
    counts: () => counts,
    event(event: BatchEvent) {
      switch (event.kind) {
        case 'resumed':
          counts.stored = event.stored;
          counts.repairedBytes = event.repairedBytes;
          if (event.stored > 0 || event.repairedBytes > 0) line(`nianbao: ${BATCH.resuming(event.stored, event.repairedBytes)[language]}`);
          return;
        case 'done': {
          counts.read += 1;
          const usage = event.result.narrative?.usage;
          if (usage && !usage.cached) {
            inputTokens += usage.inputTokens;
            outputTokens += usage.outputTokens;
          }
          if (usage) costUsd = costUsd === null || usage.costUsd === null ? (usage.inputTokens > 0 ? null : costUsd) : costUsd + (usage.cached ? 0 : usage.costUsd);
          if (!interactive) line(`nianbao: ${position()} ${BATCH.done(event.path, event.result.template.format, event.result.findings.length, usage?.cached === true)[language]}`);
          return;
        }
        case 'failed':
          counts.failed += 1;
          if (event.tablesOnly) counts.narrativeFailed += 1;
          if (event.failure.code === 'internal') counts.internal += 1;
          counts.failedByCode[event.failure.code] = (counts.failedByCode[event.failure.code] ?? 0) + 1;
          {
            const said = event.text[language];
            const message = said.startsWith(event.path) ? said : aboutFile(event.path, said, language);
            if (event.tablesOnly) line(`nianbao: ${position()} ${BATCH.narrativeFailed(message)[language]}`);
            else line(`nianbao: ${position()} ${BATCH.failed(message)[language]}${event.failure.stack ? `\n${event.failure.stack}` : ''}`);
          }
          return;
        case 'not-a-report':
          counts.notReports.push(event.path);
          if (!interactive) line(`nianbao: ${position()} ${BATCH.notAReport(aboutFile(event.path, event.reason, language))[language]}`);
          return;
        case 'skipped':
          if (event.reason === 'other-shard') {
            counts.otherShard += 1;
            return;
          }
          if (event.reason === 'duplicate') counts.duplicates += 1;
          else counts.alreadyDone += 1;
          if (!interactive) line(`nianbao: ${position()} ${(event.reason === 'duplicate' ? BATCH.duplicate(event.path) : BATCH.alreadyDone(event.path))[language]}`);
          return;
      }
    },
    retry(event: RetryEvent) {
      counts.retries += 1;
      waitUntil = Date.now() + event.delayMs;
      line(`nianbao: ${describeRetry(event, language)}`);
    },
    batchApi(event: BatchApiEvent) {
      const said =
        event.kind === 'submitted'
          ? BATCH.batchApiSubmitted(event.batchId, event.requests)
          : event.kind === 'resumed'
            ? BATCH.batchApiResumed(event.batchId, event.requests)
            : event.kind === 'status'
              ? BATCH.batchApiStatus(event.batchId, event.status, event.completed, event.total, event.failed)
              : BATCH.batchApiFinished(event.batchId, event.answered, event.retried, event.failed);
      line(`nianbao: ${said[language]}`);
    },
    wait(delayMs: number) {
      waitUntil = Math.max(waitUntil, Date.now() + delayMs);
      if (!interactive) line(`nianbao: ${BATCH.rateLimitWait(formatDuration(delayMs))[language]}`);
    },
    finish() {
      if (timer) clearInterval(timer);
      if (interactive) io.stderr.write(`\r\x1b[K${renderProgress(snapshot(), language)}\n`);
    },
  };
}

/** The names of the skipped files, most common first ("NOTES.md ×49, README.md"), at most five. */
function namesOf(paths: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const name = path.split(/[\\/]/).at(-1) ?? path;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const sorted = [...counts].sort(([, left], [, right]) => right - left);
  return [...sorted.slice(0, 5).map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)), ...(sorted.length > 5 ? ['…'] : [])];
}

function renderSummary(counts: Counts, summary: ExportSummary, stopped: boolean, language: Language): string {
  const lines = [
    stopped ? BATCH.summaryStopped() : BATCH.summaryDone(),
    BATCH.summaryThisRun(counts.read, counts.failed, counts.alreadyDone, counts.duplicates, counts.retries),
  ];
  const list = (items: readonly string[]) => items.join(language === 'zh' ? '，' : ', ');
  const failures = Object.entries(counts.failedByCode).sort(([, left], [, right]) => right - left);
  if (failures.length > 0) lines.push(BATCH.summaryFailures(list(failures.map(([code, count]) => `${code} ${count}`))));
  if (counts.otherShard > 0) lines.push(BATCH.summaryOtherShard(counts.otherShard));
  if (counts.notReports.length > 0) lines.push(BATCH.summaryNotReports(counts.notReports.length, list(namesOf(counts.notReports))));
  lines.push(BATCH.summaryOutput(summary.reports, summary.narrativeFailed, summary.otherLines));
  if (summary.superseded > 0) lines.push(BATCH.summarySuperseded(summary.superseded));
  lines.push(BATCH.summaryCrossYear(summary.crossYearCoverage));
  const findings = Object.entries(summary.findingsById).sort(([, left], [, right]) => right - left);
  lines.push(BATCH.summaryFindings(findings.length === 0 ? null : list(findings.map(([id, count]) => `${id} ${count}`))));
  if (summary.inputTokens + summary.outputTokens > 0) {
    lines.push(BATCH.summaryTokens(summary.inputTokens, summary.outputTokens, summary.costUsd === null ? null : `$${summary.costUsd.toFixed(4)}`));
  }
  lines.push(BATCH.summaryWrote(list(summary.files)));
  return `${lines.map((line) => line[language]).join('\n')}\n`;
}
