import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { configKey } from '../../batch/config-key.js';
import { FAILURES_FILE, JsonLinesWriter, outPath, RESULTS_FILE, SKIPPED_FILE, streamJsonLines, type FailureRecord, type SkippedRecord } from '../../batch/results-store.js';
import { UsageError } from '../../errors.js';
import { makeDirectory, outputFailed } from '../../file-system.js';
import { BATCH } from '../../messages/batch.js';
import { CLI } from '../../messages/cli.js';
import { OUTPUT } from '../../messages/output.js';
import { EXPORT_USAGE } from '../../messages/usage.js';
import type { Result } from '../../report/schemas.js';
import { EXIT, type CliIo } from '../io.js';
import { LANGUAGE_OPTION, resolveLanguage } from '../language.js';
import { parseCommandLine } from '../options.js';
import { writeOverview } from '../write-overview.js';

/**
 * nianbao export DIR... --out DIR: the result folders of several machines (batch --shard K/N)
 * merged into one — each report's result once, then every export and the overview, the
 * cross-year checks run over all of them together.
 */
export async function runExportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { out: { type: 'string' }, ...LANGUAGE_OPTION, help: { type: 'boolean', short: 'h', default: false } });
  const language = resolveLanguage(values.lang, io.env);
  if (values.help) {
    io.stdout.write(`${EXPORT_USAGE[language]}\n`);
    return EXIT.ok;
  }
  const out = values.out;
  if (!out || positionals.length === 0) throw new UsageError(CLI.exportNeedsFolders());
  for (const directory of positionals) {
    if (!existsSync(outPath(directory, RESULTS_FILE))) {
      io.stderr.write(`nianbao: ${CLI.noResults(outPath(directory, RESULTS_FILE))[language]}\n`);
      return EXIT.unreadable;
    }
    if (resolve(directory) === resolve(out)) throw new UsageError(CLI.exportIntoInput(out));
  }
  // Merging into a folder that has results of its own would mix them in: a new or empty one only.
  if (existsSync(outPath(out, RESULTS_FILE)) && statSync(outPath(out, RESULTS_FILE)).size > 0) throw new UsageError(CLI.exportOutNotEmpty(out));
  try {
    await makeDirectory(out);
  } catch (cause) {
    throw outputFailed(out, cause, OUTPUT.nothingReadOrWritten());
  }
  const results = await JsonLinesWriter.open(outPath(out, RESULTS_FILE));
  const failures = await JsonLinesWriter.open(outPath(out, FAILURES_FILE));
  const skipped = await JsonLinesWriter.open(outPath(out, SKIPPED_FILE));
  // Each report's result once (the first for its content and configuration), streamed through:
  // a national corpus's results do not fit in memory.
  const written = new Set<string>();
  let key: string | null = null;
  const skippedPaths = new Set<string>();
  const failedPaths = new Set<string>();
  try {
    for (const directory of positionals) {
      for await (const record of streamJsonLines(outPath(directory, RESULTS_FILE))) {
        const result = record as Result;
        if (!result?.source?.sha256) continue;
        const extractor = result.narrative?.extractor;
        const resultKey = extractor ? configKey(extractor) : '';
        key ??= extractor ? resultKey : null;
        const identity = `${result.source.sha256}|${resultKey}`;
        if (written.has(identity)) continue;
        written.add(identity);
        await results.append(result);
      }
      for await (const record of streamJsonLines(outPath(directory, SKIPPED_FILE))) {
        await skipped.append(record);
        skippedPaths.add((record as SkippedRecord).path);
      }
      for await (const record of streamJsonLines(outPath(directory, FAILURES_FILE))) {
        await failures.append(record);
        failedPaths.add((record as FailureRecord).path);
      }
    }
  } finally {
    await results.close();
    await failures.close();
    await skipped.close();
  }
  const { exportResults } = await import('../../export/export-results.js');
  // No result with a narrative: every result answers any configuration (see answersConfig).
  const summary = await exportResults(out, key ?? '', language);
  const exported = new Set(summary.overview.map((report) => report.path));
  const overview = await writeOverview(
    out,
    { generatedAt: new Date().toISOString(), directory: out, reports: summary.overview, skipped: skippedPaths.size, failed: [...failedPaths].filter((path) => !exported.has(path)).length, crossYear: summary.crossYear },
    language,
  );
  io.stderr.write(`nianbao: ${CLI.merged(positionals.length, summary.reports)[language]}\n`);
  io.stderr.write(`${BATCH.summaryCrossYear(summary.crossYearCoverage)[language]}\n`);
  io.stderr.write(`${BATCH.summaryWrote([...summary.files, overview].join(language === 'zh' ? '，' : ', '))[language]}\n`);
  return EXIT.ok;
}
