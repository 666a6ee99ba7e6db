import { rename, rm, writeFile } from 'node:fs/promises';
import { UsageError } from '../../errors.js';
import { outputFailed } from '../../file-system.js';
import { LIMIT_OPTIONS, parseCommandLine, parseLanguage, readLimitsFrom } from '../options.js';
import { decodeInput, processDocument, readInputBytes } from '../../pipeline/process-input.js';
import { withPdfReader } from '../pdf-reader.js';
import { describeFailure } from '../read-inputs.js';
import { renderViewHtml } from '../../render/render-view-html.js';
import { EXIT, type CliIo } from '../io.js';

export const VIEW_USAGE = `Usage: nianbao view FILE --html [--out FILE.html | --out -] [--lang zh|en]

Writes one self-contained HTML page of the report: its text with every table cell, stated number
and finding highlighted and linked to a side list of values and findings (offline rules, no model).
  --html          the HTML page (the only form so far)
  --out FILE      where to write it (default: FILE.html next to the report); --out - prints it
  --lang en       finding messages in English (default: Chinese)`;

export async function runView(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseViewArgs(argv);
  if (options.help) {
    io.stdout.write(`${VIEW_USAGE}\n`);
    return EXIT.ok;
  }
  const read = await readInputBytes(options.file, options.limits);
  const decoded = 'error' in read
    ? { status: 'failed' as const, error: read.error }
    : await withPdfReader((readPdf) => decodeInput(options.file, read.bytes, null, { limits: options.limits, ...(readPdf ? { readPdf } : {}) }));
  if (!('document' in decoded)) {
    io.stderr.write(`nianbao: ${describeFailure(decoded.error)}\n`);
    return decoded.error.code === 'internal' ? EXIT.internal : EXIT.unreadable;
  }
  const { document } = decoded;
  // The document read once: the spans of the result point into exactly the text shown.
  const outcome = await processDocument(document, { language: options.language, currentYear: new Date().getFullYear() });
  if (outcome.status === 'failed') {
    io.stderr.write(`nianbao: ${describeFailure(outcome.error)}\n`);
    return outcome.error.code === 'internal' ? EXIT.internal : EXIT.unreadable;
  }
  const { result } = outcome;
  for (const notice of result.notices) io.stderr.write(`nianbao: ${options.file}: ${notice.message}\n`);
  if (result.notices.some((notice) => notice.code === 'not-a-report')) return EXIT.unreadable;
  const html = renderViewHtml(result, document.text);
  if (options.out === '-') {
    io.stdout.write(html);
    return EXIT.ok;
  }
  const path = options.out ?? `${options.file}.html`;
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, html, 'utf8');
    await rename(temporary, path);
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw outputFailed(path, cause, 'nothing was written');
  }
  io.stderr.write(`nianbao: wrote ${path}\n`);
  return EXIT.ok;
}

function parseViewArgs(argv: readonly string[]) {
  const parsed = parseCommandLine(
    argv,
    {
      html: { type: 'boolean', default: false },
      out: { type: 'string' },
      lang: { type: 'string', default: 'zh' },
      help: { type: 'boolean', short: 'h', default: false },
      ...LIMIT_OPTIONS,
    },
  );
  const { values, positionals } = parsed;
  const help = values.help === true;
  const language = parseLanguage(values.lang);
  if (!help && positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'view needs one FILE' : 'view takes one FILE at a time');
  if (!help && !values.html) throw new UsageError('view writes HTML only so far: add --html');
  return { file: positionals[0] ?? '', out: values.out, language, help, limits: readLimitsFrom(values['max-mb']) } as const;
}
