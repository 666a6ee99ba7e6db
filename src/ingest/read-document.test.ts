import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError, type AppErrorCode } from '../errors.js';
import { documentFromBytes, readDocument } from './read-document.js';

const SEED = new URL('../../fixtures/seed-004-lingwu-civil-affairs-2024/report.txt', import.meta.url);
const GBK = new URL('./__fixtures__/seed-004-opening.gbk.txt', import.meta.url);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

let directory = '';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'nianbao-read-document-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, content);
  return path;
}

/** Awaits a rejection and returns the error, so assertions never sit inside a catch. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('readDocument rejects bad input with an IngestError naming the file', () => {
  type Case = [name: string, setUp: () => Promise<string>, code: AppErrorCode, message: RegExp];
  const cases: Case[] = [
    ['missing file', async () => join(directory, 'no-such-report.txt'), 'file-not-found', /no such file/],
    ['directory', async () => {
      const path = join(directory, 'a-folder.txt');
      await mkdir(path, { recursive: true });
      return path;
    }, 'not-a-file', /is a directory/],
    ['empty file', () => fileWith('empty.txt', ''), 'empty-file', /the file is empty/],
    ['whitespace-only file', () => fileWith('blank.md', ' \n\r\n\t\u3000\n'), 'empty-file', /only whitespace/],
    ['BOM-only file', () => fileWith('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf])), 'empty-file', /only whitespace/],
    ['binary file named .txt', () => fileWith('image.txt', PNG), 'binary-file', /binary/],
    ['undecodable bytes', () => fileWith('broken.txt', new Uint8Array([0xe6, 0x80, 0xbb, 0xff, 0x32])), 'undecodable', /neither UTF-8/],
    // PDFs are read (issue 5): a header and nothing else is a corrupt PDF.
    ['.pdf', () => fileWith('report.pdf', '%PDF-1.7'), 'corrupt', /PDF/],
    ['.PDF (upper case)', () => fileWith('REPORT.PDF', '%PDF-1.7'), 'corrupt', /PDF/],
    // .docx is read through mammoth (issue 5): a file that is no Word document is corrupt.
    ['.docx that is not one', () => fileWith('report.docx', PNG), 'corrupt', /is not a readable \.docx file/],
    ['.doc', () => fileWith('report.doc', PNG), 'unsupported-format', /old Word \.doc file: open it in Word, WPS or LibreOffice and save it as \.docx/],
    ['.json', () => fileWith('result.json', '{}'), 'unsupported-format', /unsupported file type "\.json"; nianbao reads \.txt, \.md, \.html\/\.htm, \.pdf and \.docx/],
    ['no extension', () => fileWith('README', '一、总体情况'), 'unsupported-format', /unsupported file type "\(none\)"/],
  ];

  it.each(cases)('%s', async (_name, setUp, code, message) => {
    const path = await setUp();
    const error = await rejectionOf(readDocument(path));
    expect(error).toBeInstanceOf(IngestError);
    const ingestError = error as IngestError;
    expect(ingestError.code).toBe(code);
    expect(ingestError.path).toBe(path);
    expect(ingestError.message.startsWith(`${path}: `)).toBe(true);
    expect(ingestError.message).toMatch(message);
  });

  it('keeps the underlying fs error as the cause of a missing file', async () => {
    const error = await rejectionOf(readDocument(join(directory, 'gone.txt')));
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).cause).toMatchObject({ code: 'ENOENT' });
  });
});

describe('readDocument reads a report', () => {
  it('reads a UTF-8 report as is, with its hash', async () => {
    const bytes = await readFile(SEED);
    const document = await readDocument(SEED.pathname);
    expect(document).toMatchObject({ path: SEED.pathname, format: 'txt', encoding: 'utf-8', grids: [] });
    expect(document.text).toBe(bytes.toString('utf8'));
    expect(document.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('reads a GBK file and reports gb18030', async () => {
    const copy = await fileWith('gbk-report.TXT', await readFile(GBK));
    const document = await readDocument(copy);
    expect(document.encoding).toBe('gb18030');
    expect(document.text.startsWith('根据《中华人民共和国政府信息公开条例》')).toBe(true);
    expect(document.text).toContain('\n一、总体情况\n');
  });

  it.each([
    ['CRLF', 'crlf.md', '一、总体情况\r\n二、主动公开\r\n'],
    ['old Mac CR', 'cr.md', '一、总体情况\r二、主动公开\r'],
  ])('normalises %s line endings to \\n', async (_name, fileName, text) => {
    const document = await readDocument(await fileWith(fileName, text));
    expect(document.format).toBe('md');
    expect(document.text).toBe('一、总体情况\n二、主动公开\n');
  });

  it('reads .htm as HTML: visible text and grids', async () => {
    const path = await fileWith('page.htm', '<p>四、行政复议</p><table><tr><td>维持</td><td>总计</td></tr><tr><td>0</td><td>0</td></tr></table>');
    const document = await readDocument(path);
    expect(document.format).toBe('html');
    expect(document.text).toBe('四、行政复议\n维持\t总计\n0\t0\n');
    expect(document.grids).toHaveLength(1);
  });
});

describe('documentFromBytes', () => {
  it.each([
    ['empty', new Uint8Array(), 'empty-file'],
    ['binary', PNG, 'binary-file'],
    ['whitespace', new Uint8Array(Buffer.from('\n\n  \n')), 'empty-file'],
  ] as const)('throws IngestError for %s bytes', (_name, bytes, code) => {
    expect(() => documentFromBytes('in-memory.txt', 'txt', bytes)).toThrow(IngestError);
    expect(() => documentFromBytes('in-memory.txt', 'txt', bytes)).toThrow(expect.objectContaining({ code, path: 'in-memory.txt' }));
  });

  it('reports the detected encoding', () => {
    const bytes = new Uint8Array([0xfe, 0xff, ...Buffer.from('\u4e00\u3001\u603b\u4f53\u60c5\u51b5', 'utf16le').swap16()]);
    expect(documentFromBytes('be.txt', 'txt', bytes)).toMatchObject({ encoding: 'utf-16be', text: '一、总体情况' });
  });
});
