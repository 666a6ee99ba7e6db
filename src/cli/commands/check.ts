import { UsageError } from '../../errors.js';
import { renderFindings } from '../../render/render-findings.js';
import { createStyle } from '../../render/style.js';
import { EXIT, inputsExitCode, type CliIo } from '../io.js';
import { parseCommonOptions } from '../options.js';
import { readInputs } from '../read-inputs.js';
import { useColor } from '../use-color.js';
import { prepareExtraction } from '../prepare-extraction.js';

export const CHECK_USAGE = `Usage: nianbao check FILE... [--json] [--lang zh|en]

Prints only the findings of each report. Exit code 1 when any finding has severity error.
  --json       print [{ path, findings }] as JSON
  --lang en    findings in English (default: Chinese)
  --max-mb N   the largest report text in MB (default 5)
  The narrative options of extract apply (--provider, --model, --no-cache, …).`;

export async function runCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseCommonOptions(argv, false);
  if (options.help) {
    io.stdout.write(`${CHECK_USAGE}\n`);
    return EXIT.ok;
  }
  if (options.files.length === 0) throw new UsageError('check needs at least one FILE');
  const extraction = await prepareExtraction(options.extractor, io, options.json);
  const { results, unreadable, narrativeFailed, internal } = await readInputs(options.files, options.language, io, extraction, options.limits);
  if (options.json) {
    const document = results.map((result) => ({ path: result.source.path, findings: result.findings }));
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    const style = createStyle(useColor(io));
    for (const result of results) {
      io.stdout.write(`${style.bold(result.source.path)}\n${renderFindings(result.findings, style, options.language)}\n\n`);
    }
  }
  const failure = inputsExitCode({ unreadable, narrativeFailed, internal });
  if (failure !== null) return failure;
  const hasErrors = results.some((result) => result.findings.some((finding) => finding.severity === 'error'));
  return hasErrors ? EXIT.findings : EXIT.ok;
}
