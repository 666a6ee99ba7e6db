import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { IngestError } from '../errors.js';
import { decodeText } from './decode-text.js';
import { readHtml } from './html.js';
import type { DocumentFormat, SourceDocument } from './source-document.js';

const FORMATS: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
};

const NOT_YET: Record<string, string> = {
  '.pdf': 'PDF files are not supported yet; copy the text out of the PDF into a .txt file',
  '.docx': 'Word files are not supported yet; save the document as .txt or .html',
  '.doc': 'old Word .doc files are not supported; save the document as .txt or .html',
};

/** Reads one report file from disk. Throws IngestError naming the file and the problem. */
export async function readDocument(path: string): Promise<SourceDocument> {
  const info = await stat(path).catch((cause: unknown) => {
    throw new IngestError('file-not-found', path, 'no such file', { cause });
  });
  if (info.isDirectory()) throw new IngestError('not-a-file', path, 'is a directory, not a file');
  const extension = extname(path).toLowerCase();
  const unsupported = NOT_YET[extension];
  if (unsupported !== undefined) throw new IngestError('unsupported-format', path, unsupported);
  const format = FORMATS[extension];
  if (format === undefined) {
    throw new IngestError(
      'unsupported-format',
      path,
      `unsupported file type "${extension || '(none)'}"; nianbao reads .txt, .md and .html/.htm`,
    );
  }
  const bytes = await readFile(path);
  return documentFromBytes(path, format, bytes);
}

/** Builds a SourceDocument from bytes already in memory (pure). */
export function documentFromBytes(
  path: string,
  format: DocumentFormat,
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
    return { path, format, encoding: decoded.encoding, sha256, text, grids };
  }
  return { path, format, encoding: decoded.encoding, sha256, text: source, grids: [] };
}
