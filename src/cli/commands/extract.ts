import { renderResult } from '../../render/render-result.js';
import { createStyle } from '../../render/style.js';
import { EXIT, inputsExitCode, type CliIo } from '../io.js';
import { parseCommonOptions } from '../options.js';
import { readInputs } from '../read-inputs.js';
import { AppError, UsageError } from '../../errors.js';
import { createOutputFolder, writeResults } from '../write-results.js';
import { useColor } from '../use-color.js';
import { prepareExtraction } from '../prepare-extraction.js';
import { CLI } from '../../messages/cli.js';
import { EXTRACT_USAGE } from '../../messages/usage.js';


const NEXT_STEPS = {
  zh: '--json 输出完整结果（每个单元格的原文与位置、每个问题涉及的单元格）；--lang en 英文；整个文件夹用 nianbao batch DIR --out OUT（可中断续跑，导出 CSV/Excel/SQLite/Parquet 和概览页 overview.html）；在终端里对照原文核对、为拿不准的行选用候选读法，用 nianbao tui FILE；nianbao --help 查看全部命令。',
  en: '--json prints the whole result (each cell’s printed text and position, the cells of each finding); a whole folder: nianbao batch DIR --out OUT (resumable; CSV, Excel, SQLite, Parquet and an overview.html); review against the source in the terminal, and pick a reading for an ambiguous row: nianbao tui FILE; nianbao --help lists every command.',
} as const;

export async function runExtract(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseCommonOptions(argv, true, io.env);
  if (options.help) {
    io.stdout.write(`${EXTRACT_USAGE[options.language]}\n`);
    return EXIT.ok;
  }
  if (options.files.length === 0) throw new UsageError(CLI.needsFile('extract'));
  // A folder that cannot be made fails now, before any report is read for nothing.
  if (options.out) await createOutputFolder(options.out);
  const extraction = await prepareExtraction(options.extractor, io, options.language, options.json);
  const { results, lines, unreadable, narrativeFailed, internal } = await readInputs(options.files, options.language, io, extraction, options.limits);
  let writeFailure: AppError | null = null;
  if (options.out) {
    try {
      const written = await writeResults(options.out, results);
      if (!options.json) for (const path of written) io.stderr.write(`nianbao: wrote ${path}\n`);
    } catch (error) {
      // The results are still printed below: a full disk must not lose the run.
      if (!(error instanceof AppError)) throw error;
      writeFailure = error;
    }
  }
  if (options.json) {
    const document = options.files.length === 1 ? (results[0] ?? null) : results;
    if (document !== null) io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    const style = createStyle(useColor(io));
    io.stdout.write(results.map((result) => renderResult(result, style, options.language, lines.get(result), io.stdout.isTTY === true ? Math.max(80, io.stdout.columns ?? 80) : 80)).join('\n\n' + '─'.repeat(60) + '\n\n'));
    if (results.length > 0) io.stdout.write(`\n\n${style.dim(NEXT_STEPS[options.language])}\n`);
  }
  if (writeFailure) {
    io.stderr.write(`nianbao: ${writeFailure.message}\n`);
    return EXIT.unreadable;
  }
  return inputsExitCode({ unreadable, narrativeFailed, internal }) ?? EXIT.ok;
}
