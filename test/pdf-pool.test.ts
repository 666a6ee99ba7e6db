// The PDF reader pool runs pdf.js on worker threads, which only exist compiled: this test loads
// the built modules (dist/), as `nianbao batch` does, and holds the pool to what pdf.js gives on
// the calling thread — the same text and lines, the same errors with the same codes and words.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist/src');
type PdfModule = typeof import('../src/ingest/pdf.js');
type PoolModule = typeof import('../src/ingest/pdf-pool.js');
type ErrorsModule = typeof import('../src/errors.js');
let pdf: PdfModule;
let poolModule: PoolModule;
let errors: ErrorsModule;
let pool: ReturnType<PoolModule['createPdfReaderPool']>;

const REPORTS = ['hongze-district-2023-pdf', 'hongze-district-2024-pdf'].map((id) => join(ROOT, 'fixtures', id, 'report.pdf'));
const BROKEN = ['encrypted.pdf', 'no-text-layer.pdf', 'truncated.pdf'].map((file) => join(ROOT, 'src/ingest/__fixtures__/pdf', file));

beforeAll(async () => {
  if (!existsSync(join(DIST, 'ingest/pdf-worker.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  pdf = (await import(join(DIST, 'ingest/pdf.js'))) as PdfModule;
  poolModule = (await import(join(DIST, 'ingest/pdf-pool.js'))) as PoolModule;
  errors = (await import(join(DIST, 'errors.js'))) as ErrorsModule;
  pool = poolModule.createPdfReaderPool(2);
}, 120_000);

afterAll(async () => {
  await pool?.close();
});

const outcome = (reading: Promise<unknown>) =>
  reading.then(
    (text) => ({ text }),
    (error: unknown) => ({ error: error instanceof errors.IngestError ? { kind: 'IngestError', code: error.code, message: error.message, path: error.path } : { kind: 'other', message: String(error) } }),
  );

describe('the PDF reader pool', () => {
  it('starts when the compiled worker is there', () => {
    expect(pool).not.toBeNull();
  });

  it('reads several PDFs at once on its threads exactly as pdf.js does here', async () => {
    // Four reads on two threads: two wait in the queue.
    const files = [...REPORTS, ...REPORTS];
    const pooled = await Promise.all(files.map((path) => pool!.read(path, new Uint8Array(readFileSync(path)))));
    for (const [index, path] of files.entries()) {
      const here = await pdf.readPdf(path, new Uint8Array(readFileSync(path)));
      expect(pooled[index]!.text).toBe(here.text);
      expect(pooled[index]!.lines).toEqual(here.lines);
      expect(pooled[index]!.pages).toBe(here.pages);
    }
    expect(pooled[0]!.text).toContain('本年新收政府信息公开申请数量');
  }, 60_000);

  it('gives the same errors: an IngestError naming the file, with its code and words', async () => {
    for (const path of BROKEN) {
      const bytes = new Uint8Array(readFileSync(path));
      const pooled = await outcome(pool!.read(path, bytes));
      const here = await outcome(pdf.readPdf(path, bytes));
      expect(pooled).toEqual(here);
      expect(pooled).toMatchObject({ error: { kind: 'IngestError', path } });
    }
  }, 60_000);

  it('nianbao batch --pdf-threads takes 0 or more threads, and says so in one line otherwise', () => {
    const run = () => execFileSync(process.execPath, [join(DIST, 'cli/main.js'), 'batch', REPORTS[0]!, '--out', join(ROOT, 'never-written'), '--pdf-threads', 'two', '--lang', 'en'], { encoding: 'utf8', stdio: 'pipe' });
    expect(run).toThrow(/--pdf-threads must be a whole number, 0 or more, not "two"/);
    expect(existsSync(join(ROOT, 'never-written'))).toBe(false);
  });

  it('a thread that dies on a PDF: one more try on a fresh thread, then a failure naming the file; the others are read', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'nianbao-pool-'));
    const crashing = poolModule.createPdfReaderPool(2, new URL('./support/crashing-pdf-worker.mjs', import.meta.url))!;
    try {
      const read = (name: string) => outcome(crashing.read(join(directory, name), new Uint8Array()));
      const [dies, diesOnce, fine] = await Promise.all([read('dies.pdf'), read('dies-once.pdf'), read('fine.pdf')]);
      expect(dies).toEqual({ error: { kind: 'IngestError', code: 'corrupt', message: `${join(directory, 'dies.pdf')}: is not a readable PDF: the PDF reader crashed on it twice`, path: join(directory, 'dies.pdf') } });
      expect(diesOnce).toEqual({ text: { text: `read ${join(directory, 'dies-once.pdf')}\n`, pages: 1, lines: [] } });
      expect(fine).toEqual({ text: { text: `read ${join(directory, 'fine.pdf')}\n`, pages: 1, lines: [] } });
    } finally {
      await crashing.close();
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);

  it('after close, reads on the calling thread', async () => {
    const closing = poolModule.createPdfReaderPool(1)!;
    await closing.close();
    const text = await closing.read(REPORTS[0]!, new Uint8Array(readFileSync(REPORTS[0]!)));
    expect(text.text).toContain('洪泽');
  }, 60_000);
});
