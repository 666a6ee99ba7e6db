import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { IngestError } from '../errors.js';
import { decodeText } from './decode-text.js';
import { readHtml } from './html.js';
import { readPdf, type PdfReader } from './pdf.js';
import type { DocumentFormat, SourceDocument } from './source-document.js';

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

const NOT_YET: Record<string, string> = {
  '.doc': 'is an old Word .doc file: open it in Word, WPS or LibreOffice and save it as .docx',
  '.wps': 'is a WPS file: save it as .docx',
};

/** Reads one report file from disk. Throws IngestError naming the file and the problem. */
export async function readDocument(path: string): Promise<SourceDocument> {
  const info = await stat(path).catch((cause: unknown) => {
    throw new IngestError('file-not-found', path, 'no such file', { cause });
  });
  if (info.isDirectory()) throw new IngestError('not-a-file', path, 'is a directory, not a file');
  formatOf(path);
  return documentFromFile(path, await readFile(path));
}

/** The document format a file name says, or an IngestError naming what is not supported. */
export function formatOf(path: string): DocumentFormat {
  const extension = extname(path).toLowerCase();
  const unsupported = NOT_YET[extension];
  if (unsupported !== undefined) throw new IngestError('unsupported-format', path, unsupported);
  const format = FORMATS[extension];
  if (format === undefined) {
    throw new IngestError(
      'unsupported-format',
      path,
      `unsupported file type "${extension || '(none)'}"; nianbao reads .txt, .md, .html/.htm, .pdf and .docx`,
    );
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
  if (bytes.length === 0) throw new IngestError('empty-file', path, 'the file is empty');
  if (!startsWithPdfHeader(bytes)) throw new IngestError('corrupt', path, 'is not a PDF (no %PDF header)');
  const { text, lines } = await read(path, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { path, format: 'pdf', encoding: 'pdf-text-layer', sha256, text, grids: [], lines };
}

/** A Word .docx → HTML (mammoth keeps merged cells as rowspan/colspan) → the HTML grid reader. */
export async function documentFromDocxBytes(path: string, bytes: Uint8Array): Promise<SourceDocument> {
  if (bytes.length === 0) throw new IngestError('empty-file', path, 'the file is empty');
  let html: string;
  try {
    // Loaded on the first .docx only: every command starts faster without it.
    const { convertToHtml } = await import('mammoth');
    html = (await convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (cause) {
    throw new IngestError('corrupt', path, `is not a readable .docx file: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  const { text, grids } = readHtml(html);
  if (text.trim().length === 0) throw new IngestError('empty-file', path, 'the Word document contains no text');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { path, format: 'docx', encoding: 'docx', sha256, text, grids, lines: [] };
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
  if (bytes.length === 0) throw new IngestError('empty-file', path, 'the file is empty');
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    throw decoded.reason === 'binary'
      ? new IngestError('binary-file', path, 'looks like a binary file, not text')
      : new IngestError('undecodable', path, 'is neither UTF-8, UTF-16 nor GB18030 text');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const source = decoded.text.replace(/\r\n?/g, '\n');
  if (source.trim().length === 0) throw new IngestError('empty-file', path, 'contains only whitespace');
  if (format === 'html') {
    const { text, grids } = readHtml(source);
    return { path, format, encoding: decoded.encoding, sha256, text, grids, lines: [] };
  }
  return { path, format, encoding: decoded.encoding, sha256, text: source, grids: [], lines: [] };
}
