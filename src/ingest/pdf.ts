import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IngestError } from '../errors.js';
import { INGEST } from '../messages/ingest.js';

/** Where a line of the extracted text came from on the page (PDF points, origin bottom left). */
export type PdfLine = { readonly page: number; readonly start: number; readonly end: number; readonly x: number; readonly y: number };

export type PdfText = { readonly text: string; readonly pages: number; readonly lines: readonly PdfLine[] };

/** How a PDF's text is read: `readPdf` here, or a pool of worker threads (pdf-pool.ts). */
export type PdfReader = (path: string, bytes: Uint8Array) => Promise<PdfText>;

type Item = { readonly text: string; readonly x: number; readonly y: number; readonly width: number; readonly size: number };

// pdf.js needs its character maps and standard fonts as filesystem paths ending in "/", or
// Chinese text in non-embedded fonts is silently dropped.
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = `${join(PDFJS_ROOT, 'cmaps')}/`;
const STANDARD_FONT_URL = `${join(PDFJS_ROOT, 'standard_fonts')}/`;

// A gap wider than this many font sizes separates table cells; a narrower one is a space.
const CELL_GAP = 1.2;
const WORD_GAP = 0.25;
// Fewer visible characters than this in the whole file: a scan with no text layer.
const MIN_TEXT = 20;

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | undefined;

/**
 * pdf.js is loaded on the first PDF, not when the program starts: its legacy build (the one for
 * Node) installs core-js polyfills process-wide, and replaces even builtins Node 20 has with slower
 * copies — Array.prototype.push, JSON.parse and JSON.stringify, on which every other stage of a run
 * depends (measured: 12 % of the time of reading a PDF went to the replacement push alone). The
 * natives are put back once its main and worker modules are loaded; polyfills for what Node 20
 * lacks (Promise.withResolvers, Map.prototype.getOrInsert, …) stay, since pdf.js uses them.
 */
// Character maps and standard fonts are read from disk once per process, not once per document.
const binaryData = new Map<string, Promise<Uint8Array>>();

async function readBinaryData(url: string): Promise<Uint8Array> {
  let data = binaryData.get(url);
  if (!data) {
    data = readFile(url).then((buffer) => new Uint8Array(buffer));
    binaryData.set(url, data);
    data.catch(() => binaryData.delete(url));
  }
  // pdf.js may transfer the buffer it is given: hand out a copy, keep the original.
  return (await data).slice();
}

/** pdf.js's BinaryDataFactory (cMapUrl, standardFontDataUrl, wasmUrl + a file name), cached. */
class CachedBinaryDataFactory {
  readonly #urls: Readonly<Record<string, string | null | undefined>>;
  constructor(urls: Readonly<Record<string, string | null | undefined>>) {
    this.#urls = urls;
  }
  fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const base = this.#urls[kind];
    if (!base) return Promise.reject(new Error(`pdf.js asked for ${kind} data, which is not provided`));
    return readBinaryData(`${base}${filename}`);
  }
}

function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    const main = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Loaded here rather than on the first document, so that its polyfills are undone too.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    Object.defineProperty(Array.prototype, 'push', { value: natives.push, writable: true, configurable: true, enumerable: false });
    JSON.parse = natives.parse;
    JSON.stringify = natives.stringify;
    return main;
  })();
  return pdfjs;
}

/**
 * Text-layer PDFs: rebuilds reading-order lines from pdf.js's positioned text items. Items on one
 * baseline form a line (sorted by x); wide gaps become tabs, so a table row reads like a
 * tab-separated row; pages follow one another, so tables running across a page break continue.
 */
export async function readPdf(path: string, bytes: Uint8Array): Promise<PdfText> {
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_URL,
    BinaryDataFactory: CachedBinaryDataFactory,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (cause) {
    throw pdfError(path, cause);
  }
  try {
    let text = '';
    const lines: PdfLine[] = [];
    // All pages are requested at once: pdf.js answers through message passing, and waiting for one
    // page before asking for the next leaves the thread idle in between.
    const document = pdf;
    const contents = await Promise.all(
      Array.from({ length: document.numPages }, async (_, index) => {
        const page = await document.getPage(index + 1);
        const content = await page.getTextContent();
        page.cleanup();
        return content;
      }),
    );
    for (const [index, content] of contents.entries()) {
      const number = index + 1;
      const items: Item[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim().length === 0) continue;
        const [a, b, , , x, y] = item.transform as number[];
        items.push({ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) || 12 });
      }
      for (const line of groupLines(items)) {
        const start = text.length;
        text += joinLine(line);
        lines.push({ page: number, start, end: text.length, x: line[0]!.x, y: line[0]!.y });
        text += '\n';
      }
    }
    if (text.replace(/\s/g, '').length < MIN_TEXT) {
      throw new IngestError('needs-ocr', path, INGEST.needsOcr(pdf.numPages));
    }
    return { text, pages: pdf.numPages, lines };
  } catch (cause) {
    if (cause instanceof IngestError) throw cause;
    throw pdfError(path, cause);
  } finally {
    await task.destroy();
  }
}

/** Items sharing a baseline (within half a font size), top of the page first. */
function groupLines(items: readonly Item[]): Item[][] {
  const sorted = [...items].sort((left, right) => right.y - left.y || left.x - right.x);
  const lines: Item[][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - item.y) <= Math.max(line[0]!.size, item.size) * 0.5) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => line.sort((left, right) => left.x - right.x));
}

function joinLine(line: readonly Item[]): string {
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const item of line) {
    const gap = item.x - end;
    if (text.length > 0) text += gap > item.size * CELL_GAP ? '\t' : gap > item.size * WORD_GAP ? ' ' : '';
    text += item.text.replace(/[\t\n\r]/g, ' ');
    end = Math.max(end, item.x + item.width);
  }
  return text;
}

function pdfError(path: string, cause: unknown): IngestError {
  const name = cause instanceof Error ? cause.name : '';
  if (name === 'PasswordException') return new IngestError('encrypted', path, INGEST.encrypted(), { cause });
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException' || name === 'MissingPDFException') {
    return new IngestError('corrupt', path, INGEST.corruptPdf(cause instanceof Error ? cause.message : String(cause)), { cause });
  }
  return new IngestError('corrupt', path, INGEST.unreadablePdf(cause instanceof Error ? cause.message : String(cause)), { cause });
}
