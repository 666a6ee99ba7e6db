import { AppError, InternalError } from '../errors.js';
import type { PdfReader } from '../ingest/pdf.js';
import { assertTextSize, documentFromFile, readReportBytes, DEFAULT_READ_LIMITS, type ReadLimits } from '../ingest/read-document.js';
import type { SourceDocument } from '../ingest/source-document.js';
import type { Stage } from '../messages/errors.js';
import type { Result } from '../report/schemas.js';
import { analyzeDocument } from './analyze-document.js';
import { analyzeWithExtractor, type ReadOptions } from './read-report.js';

export type InputOptions = ReadOptions & { readonly limits?: ReadLimits; readonly readPdf?: PdfReader };

/**
 * What became of one input (with the text its spans point into): done; narrative-failed (a result with its tables and their checks,
 * and `error` saying why the narrative is missing); or failed (nothing could be read, `error`
 * says why).
 */
export type InputOutcome =
  | { readonly status: 'done'; readonly result: Result; readonly text: string }
  | { readonly status: 'narrative-failed'; readonly result: Result; readonly error: AppError; readonly text: string }
  | { readonly status: 'failed'; readonly error: AppError; readonly sha256: string | null };

/**
 * The failure boundary of one input: whatever a file does — missing, unreadable, damaged,
 * hostile, or met by a bug of ours — becomes an outcome naming it, never an exception that ends
 * the run. A bug is an InternalError (code `internal`) with its cause kept.
 */
export async function readInputBytes(path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<{ readonly bytes: Uint8Array } | { readonly error: AppError }> {
  try {
    return { bytes: await readReportBytes(path, limits) };
  } catch (error) {
    return { error: asAppError(error, path, 'reading') };
  }
}

/** The pipeline on bytes already read (a batch hashes them first), within the same boundary. */
export async function processBytes(path: string, bytes: Uint8Array, sha256: string | null, options: InputOptions = {}): Promise<InputOutcome> {
  const decoded = await decodeInput(path, bytes, sha256, options);
  return 'document' in decoded ? processDocument(decoded.document, options) : decoded;
}

/** The first half of processBytes: the document in the bytes, or the failure naming why not. */
export async function decodeInput(
  path: string,
  bytes: Uint8Array,
  sha256: string | null,
  options: InputOptions = {},
): Promise<{ readonly document: SourceDocument } | Extract<InputOutcome, { status: 'failed' }>> {
  try {
    const document = await documentFromFile(path, bytes, options.readPdf ? { readPdf: options.readPdf } : {});
    assertTextSize(document, options.limits ?? DEFAULT_READ_LIMITS);
    return { document };
  } catch (error) {
    return { status: 'failed', error: asAppError(error, path, 'decoding'), sha256 };
  }
}

/** Analysis and narrative extraction of a document in memory, within the boundary. */
export async function processDocument(document: SourceDocument, options: InputOptions = {}): Promise<InputOutcome> {
  try {
    return { status: 'done', result: await analyzeWithExtractor(document, options), text: document.text };
  } catch (error) {
    // The tables are the deterministic part: if they can still be read, only the narrative failed.
    let tablesOnly: Result;
    try {
      tablesOnly = analyzeDocument(document, { language: options.language ?? 'zh', currentYear: options.currentYear, narrative: false });
    } catch (tablesError) {
      return { status: 'failed', error: asAppError(tablesError, document.path, 'tables'), sha256: document.sha256 };
    }
    const failure = asAppError(error, document.path, 'narrative');
    return {
      status: 'narrative-failed',
      result: { ...tablesOnly, notices: [...tablesOnly.notices, { code: 'narrative-failed', message: failure.text[options.language ?? 'zh'] }] },
      error: failure,
      text: document.text,
    };
  }
}

/** An AppError as it is; anything else thrown is a bug, named with the input and the stage. */
export function asAppError(error: unknown, path: string, stage: Stage): AppError {
  return error instanceof AppError ? error : new InternalError(path, stage, { cause: error });
}
