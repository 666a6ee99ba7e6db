import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { IngestError } from '../errors.js';
import { decodeText } from './decode-text.js';
import { documentFromDocxBytes } from './docx.js';
import { readHtmlFile } from './html.js';
import { readPdf, type PdfReader } from './pdf.js';
import type { DocumentFormat, SourceDocument } from './source-document.js';
import { INGEST } from '../messages/ingest.js';
import type { Text } from '../messages/text.js';

const FORMATS: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

const NOT_YET: Record<string, Text> = {
  '.doc': INGEST.oldWord(),
  '.wps': INGEST.wps(),
};

/**
 * How large a report may be. A report's text is tens of kilobytes and a web page with it a few
 * megabytes; reading costs about 60 bytes of memory per byte of text (a 10 MB text file peaks at
 * 600 MB), so a larger file is refused before it is read rather than read into gigabytes.
 * PDF and Word files carry images besides their text: they may be ten times as large on disk.
 */
export type ReadLimits = { readonly maxTextBytes: number };
export const DEFAULT_READ_LIMITS: ReadLimits = { maxTextBytes: 5 * 1024 * 1024 };
const BINARY_FORMAT_FACTOR = 10;

/** Reads one report file from disk. Throws IngestError naming the file and the problem. */
export async function readDocument(path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<SourceDocument> {
  const document = await documentFromFile(path, await readReportBytes(path, limits));
  assertTextSize(document, limits);
  return document;
}

/**
 * A report file's bytes, after checking what it is: every failure of the file system (missing,
 * no permission, a directory, a pipe or device, too large) becomes an IngestError naming the file.
 */
export async function readReportBytes(path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Uint8Array> {
  const info = await stat(path).catch((cause: unknown) => {
    throw fileSystemError(path, cause);
  });
  if (info.isDirectory()) throw new IngestError('not-a-file', path, INGEST.isDirectory());
  // A pipe or a device would be read forever (or block): only regular files are reports.
  if (!info.isFile()) throw new IngestError('not-a-file', path, INGEST.notRegular());
  const format = formatOf(path);
  const limit = format === 'pdf' || format === 'docx' ? limits.maxTextBytes * BINARY_FORMAT_FACTOR : limits.maxTextBytes;
  if (info.size > limit) {
    throw new IngestError('too-large', path, INGEST.tooLargeFile(megabytes(info.size), megabytes(limit)));
  }
  try {
    return await readFile(path);
  } catch (cause) {
    throw fileSystemError(path, cause);
  }
}

/** The text of a PDF or Word file is held to the limit of a text file (a Chinese character is 3 bytes of UTF-8). */
export function assertTextSize(document: SourceDocument, limits: ReadLimits): void {
  // Text files were held to it by their size on disk.
  if (document.format !== 'pdf' && document.format !== 'docx') return;
  const maxCharacters = Math.floor(limits.maxTextBytes / 3);
  if (document.text.length <= maxCharacters) return;
  throw new IngestError('too-large', document.path, INGEST.tooMuchText(document.text.length, maxCharacters));
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

const FILE_SYSTEM_REASONS: Readonly<Record<string, readonly [code: 'file-not-found' | 'unreadable' | 'not-a-file', message: Text]>> = {
  ENOENT: ['file-not-found', INGEST.noSuchFile()],
  ENOTDIR: ['file-not-found', INGEST.pathNotAFolder()],
  EACCES: ['unreadable', INGEST.permissionDenied()],
  EPERM: ['unreadable', INGEST.notPermitted()],
  EISDIR: ['not-a-file', INGEST.isDirectory()],
  ELOOP: ['unreadable', INGEST.linkLoop()],
  ENAMETOOLONG: ['unreadable', INGEST.pathTooLong()],
  EIO: ['unreadable', INGEST.ioError()],
  EMFILE: ['unreadable', INGEST.tooManyOpen()],
};

function fileSystemError(path: string, cause: unknown): IngestError {
  const code = (cause as NodeJS.ErrnoException | null)?.code ?? '';
  const [kind, message] = FILE_SYSTEM_REASONS[code] ?? ['unreadable', INGEST.cannotRead(code)];
  return new IngestError(kind, path, message, { cause });
}

/** The document format a file name says, or an IngestError naming what is not supported. */
export function formatOf(path: string): DocumentFormat {
  const extension = extname(path).toLowerCase();
  const unsupported = NOT_YET[extension];
  if (unsupported !== undefined) throw new IngestError('unsupported-format', path, unsupported);
  const format = FORMATS[extension];
  if (format === undefined) {
    throw new IngestError('unsupported-format', path, INGEST.unsupported(extension));
  }
  return format;
}

/** A file already read into memory (a batch hashes the bytes before deciding to read them). */
export async function documentFromFile(path: string, bytes: Uint8Array, options: { readonly readPdf?: PdfReader } = {}): Promise<SourceDocument> {
  const format = formatOf(path);
  if (format === 'pdf') return documentFromPdfBytes(path, bytes, options.readPdf);
  if (format === 'docx') return documentFromDocxBytes(path, bytes);
  return documentFromBytes(path, format, bytes);
}

/**
 * A text-layer PDF in memory → SourceDocument (lines rebuilt from positions, page map kept).
 * `read` is pdf.js on this thread, or a pool's reader on worker threads (the same result).
 */
export async function documentFromPdfBytes(path: string, bytes: Uint8Array, read: PdfReader = readPdf): Promise<SourceDocument> {
  if (bytes.length === 0) throw new IngestError('empty-file', path, INGEST.empty());
  if (!startsWithPdfHeader(bytes)) throw new IngestError('corrupt', path, INGEST.notPdf());
  const { text, lines } = await read(path, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { path, format: 'pdf', encoding: 'pdf-text-layer', sha256, text, grids: [], lines };
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  // "%PDF-" within the first kilobyte (some writers put junk before it).
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

/** Builds a SourceDocument from bytes already in memory (pure). */
export function documentFromBytes(
  path: string,
  format: Exclude<DocumentFormat, 'pdf' | 'docx'>,
  bytes: Uint8Array,
): SourceDocument {
  if (bytes.length === 0) throw new IngestError('empty-file', path, INGEST.empty());
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    throw decoded.reason === 'binary'
      ? new IngestError('binary-file', path, INGEST.binary())
      : new IngestError('undecodable', path, INGEST.undecodable());
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const source = decoded.text.replace(/\r\n?/g, '\n');
  if (source.trim().length === 0) throw new IngestError('empty-file', path, INGEST.onlyWhitespace());
  const damage = decoded.damagedBytes && decoded.damagedBytes.length > 0 ? { damagedBytes: decoded.damagedBytes } : {};
  if (format === 'html') {
    const { text, grids } = readHtmlFile(path, source);
    return { path, format, encoding: decoded.encoding, sha256, text, grids, lines: [], ...damage };
  }
  return { path, format, encoding: decoded.encoding, sha256, text: source, grids: [], lines: [], ...damage };
}
