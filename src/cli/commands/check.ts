import { UsageError } from '../../errors.js';
import { renderCheck, renderCheckSummary } from '../../render/render-check.js';
import { createStyle } from '../../render/style.js';
import { EXIT, inputsExitCode, type CliIo } from '../io.js';
import { parseCommonOptions } from '../options.js';
import { readInputs } from '../read-inputs.js';
import { useColor } from '../use-color.js';
import { prepareExtraction } from '../prepare-extraction.js';
import { CLI } from '../../messages/cli.js';
import { CHECK_USAGE } from '../../messages/usage.js';


export async function runCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseCommonOptions(argv, false, io.env);
  if (options.help) {
    io.stdout.write(`${CHECK_USAGE[options.language]}\n`);
    return EXIT.ok;
  }
  if (options.files.length === 0) throw new UsageError(CLI.needsFile('check'));
  const extraction = await prepareExtraction(options.extractor, io, options.language, options.json);
  const { results, lines, unreadable, narrativeFailed, internal } = await readInputs(options.files, options.language, io, extraction, options.limits);
  if (options.json) {
    const document = results.map((result) => ({ path: result.source.path, findings: result.findings }));
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    const style = createStyle(useColor(io));
    for (const result of results) {
      io.stdout.write(`${style.bold(result.source.path)}\n${renderCheck(result, style, options.language, lines.get(result))}\n\n`);
    }
    if (options.files.length > 1) io.stdout.write(`${renderCheckSummary(results, unreadable, options.language)}\n`);
  }
  const failure = inputsExitCode({ unreadable, narrativeFailed, internal });
  if (failure !== null) return failure;
  const hasErrors = results.some((result) => result.findings.some((finding) => finding.severity === 'error'));
  return hasErrors ? EXIT.findings : EXIT.ok;
}
