import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { IngestError } from '../errors.js';

/** Where a line of the extracted text came from on the page (PDF points, origin bottom left). */
export type PdfLine = { readonly page: number; readonly start: number; readonly end: number; readonly x: number; readonly y: number };

export type PdfText = { readonly text: string; readonly pages: number; readonly lines: readonly PdfLine[] };

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

/**
 * Text-layer PDFs: rebuilds reading-order lines from pdf.js's positioned text items. Items on one
 * baseline form a line (sorted by x); wide gaps become tabs, so a table row reads like a
 * tab-separated row; pages follow one another, so tables running across a page break continue.
 */
export async function readPdf(path: string, bytes: Uint8Array): Promise<PdfText> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_URL,
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
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
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
      page.cleanup();
    }
    if (text.replace(/\s/g, '').length < MIN_TEXT) {
      throw new IngestError('needs-ocr', path, `has no text layer (${pdf.numPages} page(s) of images, a scan): run OCR first (e.g. ocrmypdf), then read the OCR'd PDF`);
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
  if (name === 'PasswordException') return new IngestError('encrypted', path, 'is an encrypted PDF (it needs a password): save an unencrypted copy', { cause });
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException' || name === 'MissingPDFException') {
    return new IngestError('corrupt', path, `is not a readable PDF (corrupt or truncated): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  return new IngestError('corrupt', path, `could not be read as a PDF: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
}
