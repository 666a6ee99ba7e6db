import type { Language } from '../checks/language.js';
import { bugStack, type AppError } from '../errors.js';
import { CLI } from '../messages/cli.js';
import type { NarrativeExtractor } from '../extract/extractor.js';
import type { ReadLimits } from '../ingest/read-document.js';
import { processBytes, readInputBytes, type InputOptions } from '../pipeline/process-input.js';
import { withPdfReader } from './pdf-reader.js';
import type { PriceTable } from '../providers/prices.js';
import type { Result } from '../report/schemas.js';
import type { CliIo } from './io.js';
import { linesOf, type Lines } from '../render/describe-place.js';
import { aboutFile } from '../messages/text.js';

export type InputsOutcome = {
  readonly results: Result[];
  /** Line (and page) numbers of each result's text, for the places of its findings. */
  readonly lines: ReadonlyMap<Result, Lines>;
  readonly unreadable: number;
  readonly narrativeFailed: number;
  /** Inputs that met a bug of nianbao (each named on stderr with its stack). */
  readonly internal: number;
};
export type Extraction = { readonly extractor: NarrativeExtractor; readonly prices: PriceTable };

/**
 * Reads every file; a bad one gets one line on stderr naming it and what is wrong, and the
 * others are still processed — whatever the file does (see pipeline/process-input.ts). Documents
 * that are not reports count as unreadable.
 */
export function readInputs(files: readonly string[], language: Language, io: CliIo, extraction?: Extraction, limits?: ReadLimits): Promise<InputsOutcome> {
  return withPdfReader((readPdf) => readEach(files, language, io, { ...extraction, ...(limits ? { limits } : {}), ...(readPdf ? { readPdf } : {}) }));
}

async function readEach(files: readonly string[], language: Language, io: CliIo, options: Omit<InputOptions, 'language' | 'currentYear'>): Promise<InputsOutcome> {
  const results: Result[] = [];
  const lines = new Map<Result, Lines>();
  let unreadable = 0;
  let narrativeFailed = 0;
  let internal = 0;
  const currentYear = new Date().getFullYear();
  const failed = (error: AppError) => {
    io.stderr.write(`nianbao: ${describeFailure(error, language)}\n`);
    if (error.code === 'internal') internal += 1;
  };
  for (const file of files) {
    const read = await readInputBytes(file, options.limits);
    if ('error' in read) {
      failed(read.error);
      unreadable += 1;
      continue;
    }
    const outcome = await processBytes(file, read.bytes, null, { ...options, language, currentYear });
    if (outcome.status === 'failed') {
      failed(outcome.error);
      unreadable += 1;
      continue;
    }
    if (outcome.status === 'narrative-failed') {
      // The model failed on this report (or the narrative met a bug): its tables and checks stay.
      if (outcome.error.code === 'internal') failed(outcome.error);
      else io.stderr.write(`nianbao: ${CLI.narrativeFailed(file, outcome.error.text[language])[language]}\n`);
      narrativeFailed += 1;
      results.push(outcome.result);
      lines.set(outcome.result, linesOf(outcome.text, outcome.result.source.pages));
      continue;
    }
    const { result } = outcome;
    const notReport = result.notices.find((notice) => notice.code === 'not-a-report');
    if (notReport) {
      io.stderr.write(`nianbao: ${aboutFile(file, notReport.message, language)}\n`);
      unreadable += 1;
      continue;
    }
    for (const notice of result.notices) io.stderr.write(`nianbao: ${aboutFile(file, notice.message, language)}\n`);
    results.push(result);
    lines.set(result, linesOf(outcome.text, result.source.pages));
  }
  return { results, lines, unreadable, narrativeFailed, internal };
}

/** One line naming the input and the reason; a bug adds the first lines of its stack, for the report. */
export function describeFailure(error: AppError, language: Language): string {
  const stack = bugStack(error);
  const said = error.text[language];
  return stack ? `${said}\n${stack}` : said;
}
