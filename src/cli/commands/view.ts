import { UsageError } from '../../errors.js';
import { LIMIT_OPTIONS, parseCommandLine, readLimitsFrom } from '../options.js';
import { LANGUAGE_OPTION, resolveLanguage } from '../language.js';
import { decodeInput, processDocument, readInputBytes } from '../../pipeline/process-input.js';
import { withPdfReader } from '../pdf-reader.js';
import { writeAtomically } from '../write-atomically.js';
import { describeFailure } from '../read-inputs.js';
import { renderViewHtml } from '../../render/render-view-html.js';
import { EXIT, type CliIo } from '../io.js';
import { CLI } from '../../messages/cli.js';
import { VIEW_USAGE } from '../../messages/usage.js';
import { aboutFile } from '../../messages/text.js';


export async function runView(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseViewArgs(argv, io.env);
  if (options.help) {
    io.stdout.write(`${VIEW_USAGE[options.language]}\n`);
    return EXIT.ok;
  }
  const read = await readInputBytes(options.file, options.limits);
  const decoded = 'error' in read
    ? { status: 'failed' as const, error: read.error }
    : await withPdfReader((readPdf) => decodeInput(options.file, read.bytes, null, { limits: options.limits, ...(readPdf ? { readPdf } : {}) }));
  if (!('document' in decoded)) {
    io.stderr.write(`nianbao: ${describeFailure(decoded.error, options.language)}\n`);
    return decoded.error.code === 'internal' ? EXIT.internal : EXIT.unreadable;
  }
  const { document } = decoded;
  // The document read once: the spans of the result point into exactly the text shown.
  const outcome = await processDocument(document, { language: options.language, currentYear: new Date().getFullYear() });
  if (outcome.status === 'failed') {
    io.stderr.write(`nianbao: ${describeFailure(outcome.error, options.language)}\n`);
    return outcome.error.code === 'internal' ? EXIT.internal : EXIT.unreadable;
  }
  const { result } = outcome;
  for (const notice of result.notices) io.stderr.write(`nianbao: ${aboutFile(options.file, notice.message, options.language)}\n`);
  if (result.notices.some((notice) => notice.code === 'not-a-report')) return EXIT.unreadable;
  const html = renderViewHtml(result, document.text, options.language);
  if (options.out === '-') {
    io.stdout.write(html);
    return EXIT.ok;
  }
  const path = options.out ?? `${options.file}.html`;
  await writeAtomically(path, html);
  io.stderr.write(`nianbao: ${CLI.wrote(path)[options.language]}\n`);
  return EXIT.ok;
}

function parseViewArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>) {
  const parsed = parseCommandLine(
    argv,
    {
      html: { type: 'boolean', default: false },
      out: { type: 'string' },
      ...LANGUAGE_OPTION,
      help: { type: 'boolean', short: 'h', default: false },
      ...LIMIT_OPTIONS,
    },
  );
  const { values, positionals } = parsed;
  const help = values.help === true;
  const language = resolveLanguage(values.lang, env);
  if (!help && positionals.length !== 1) throw new UsageError(positionals.length === 0 ? CLI.viewNeedsFile() : CLI.viewOneFile());
  return { file: positionals[0] ?? '', out: values.out, language, help, limits: readLimitsFrom(values['max-mb']) } as const;
}
