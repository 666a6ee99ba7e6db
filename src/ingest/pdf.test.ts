import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.js';
import { readDocument } from './read-document.js';

const HERE = new URL('./__fixtures__/pdf/', import.meta.url).pathname;
const HONGZE_2023 = new URL('../../fixtures/hongze-district-2023-pdf/report.pdf', import.meta.url).pathname;

describe('readDocument on PDFs', () => {
  it('reads the Chinese text layer (cMapUrl and standardFontDataUrl are set) and keeps pages and positions', async () => {
    const document = await readDocument(HONGZE_2023);
    expect(document.format).toBe('pdf');
    expect(document.encoding).toBe('pdf-text-layer');
    // Without the character maps these CJK characters are silently dropped.
    expect(document.text).toContain('二、主动公开政府信息情况');
    expect(document.text).toContain('一、本年新收政府信息公开申请数量\t21\t0\t0\t0\t0\t0\t21');
    const line = document.lines.find((candidate) => document.text.slice(candidate.start, candidate.end).startsWith('二、主动公开政府信息情况'));
    expect(line).toMatchObject({ page: 2 });
    expect(line!.x).toBeGreaterThan(0);
    expect(new Set(document.lines.map((candidate) => candidate.page)).size).toBe(5);
  });

  it.each([
    ['encrypted.pdf', 'encrypted', /encrypted PDF \(it needs a password\)/],
    ['truncated.pdf', 'corrupt', /not a readable PDF|could not be read as a PDF|no text layer/],
    ['corrupt.pdf', 'corrupt', /not a readable PDF|could not be read as a PDF/],
    ['no-text-layer.pdf', 'needs-ocr', /has no text layer .* run OCR first/],
  ])('%s: a clear IngestError naming the file', async (file, code, message) => {
    const error = await readDocument(HERE + file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ code: expect.stringMatching(new RegExp(`${code}|corrupt|needs-ocr`)) });
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(message);
    if (code !== 'corrupt') expect((error as IngestError).code).toBe(code);
  });

  it('a file named .pdf that is not one is refused before pdf.js sees it', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'nianbao-pdf-'));
    const fake = join(directory, 'report.pdf');
    await writeFile(fake, '一、总体情况\n这其实是一个文本文件。\n');
    await expect(readDocument(fake)).rejects.toThrow(/report\.pdf: is not a PDF \(no %PDF header\)/);
  });
});

describe('PDF results map spans to pages', () => {
  it('source.pages covers the text page by page, and a cell span lies on the page that prints it', async () => {
    const { analyzeDocument } = await import('../pipeline/analyze-document.js');
    const document = await readDocument(HONGZE_2023);
    const result = analyzeDocument(document);
    expect(result.source.pages?.map((page) => page.number)).toEqual([1, 2, 3, 4, 5]);
    const cell = result.cells['activeDisclosure.licensing.decisions']!;
    expect(cell.raw).toBe('550');
    const page = result.source.pages!.find((candidate) => cell.span.start >= candidate.start && cell.span.end <= candidate.end);
    expect(page?.number).toBe(2);
  });
});
