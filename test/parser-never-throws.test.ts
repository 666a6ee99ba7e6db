// Property test: however a real report is damaged, the parser returns a schema-valid result or
// refuses the bytes with an IngestError. Deterministic: a seeded PRNG drives every mutation, so a
// failure label ("<fixture> #<n> (seed …: mutations)") reproduces with `-t <fixture>`.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../src/errors.js';
import { documentFromBytes } from '../src/ingest/read-document.js';
import type { DocumentFormat, SourceDocument } from '../src/ingest/source-document.js';
import { analyzeDocument } from '../src/pipeline/analyze-document.js';
import { resultSchema, type Result, type Span } from '../src/report/schemas.js';

const SEED = 0x6e69616e; // "nian"
// 12 text/Markdown × 160 + 3 HTML × 70 = 2130 mutated documents, about 10 s on 2 cores; two of
// the HTML pages are over 100 KB and cost several times as much per document to mutate and read.
const DOCUMENTS_PER_FIXTURE: Record<DocumentFormat, number> = { txt: 160, md: 160, html: 70 };

const FIXTURES_DIRECTORY = fileURLToPath(new URL('../fixtures', import.meta.url));
const FORMATS: Record<string, DocumentFormat> = { '.txt': 'txt', '.md': 'md', '.html': 'html' };

type Fixture = { readonly id: string; readonly path: string; readonly format: DocumentFormat; readonly bytes: Uint8Array };

const fixtures: Fixture[] = readdirSync(FIXTURES_DIRECTORY, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => {
    const directory = join(FIXTURES_DIRECTORY, entry.name);
    return readdirSync(directory)
      .filter((name) => name.startsWith('report.') && FORMATS[extname(name)] !== undefined)
      .map((name) => ({
        id: entry.name,
        path: join(directory, name),
        format: FORMATS[extname(name)]!,
        bytes: new Uint8Array(readFileSync(join(directory, name))),
      }));
  })
  .sort((left, right) => left.id.localeCompare(right.id));

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = { readonly next: () => number; readonly int: (below: number) => number; readonly pick: <T>(items: readonly T[]) => T };

function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (below: number) => Math.floor(next() * Math.max(below, 1));
  return { next, int, pick: (items) => items[int(items.length)]! };
}

const utf8 = new TextEncoder();
const lenient = new TextDecoder('utf-8'); // earlier byte mutations may leave invalid UTF-8: U+FFFD
const asText = (bytes: Uint8Array) => lenient.decode(bytes);

// Characters that matter to the parser: separators, digits of both widths, zero marks, brackets,
// heading numerals, key phrases of rows, markup.
const INTERESTING = [
  '|', '\t', '\n', ' ', '\u3000', '0', '7', '１', '２', '．', '.', ',', '—', '-', '/', '无', '〇', '（', '）', '(', ')', '〔',
  '一、', '三、', '四、', '六、', '（七）总计', '总计', '本年新收', '结转下年度', '国家秘密', '其他', '三安全一稳定',
  '本年制发件数', '指标名称', '计量单位', '新制作数量', '<td>', '</td>', '<tr>', '</table>', '<td rowspan="0">', '<td colspan="999">',
  '&nbsp;', '&#12345;', '<br>', '\r', '\ufeff', '\u0000', '\u001b', '\ud800', '999999999999999999999', '1.5', '0.000001',
];

type Mutation = { readonly name: string; readonly apply: (bytes: Uint8Array, random: Random) => Uint8Array };

function onLines(bytes: Uint8Array, change: (lines: string[]) => void): Uint8Array {
  const lines = asText(bytes).split('\n');
  change(lines);
  return utf8.encode(lines.join('\n'));
}

const MUTATIONS: readonly Mutation[] = [
  {
    name: 'delete lines',
    apply: (bytes, random) =>
      onLines(bytes, (lines) => {
        const count = 1 + random.int(8);
        for (let index = 0; index < count && lines.length > 0; index += 1) lines.splice(random.int(lines.length), 1 + random.int(3));
      }),
  },
  {
    name: 'duplicate lines',
    apply: (bytes, random) =>
      onLines(bytes, (lines) => {
        const start = random.int(lines.length);
        const block = lines.slice(start, start + 1 + random.int(6));
        lines.splice(random.int(lines.length + 1), 0, ...block);
      }),
  },
  {
    name: 'swap two cells within a line',
    apply: (bytes, random) =>
      onLines(bytes, (lines) => {
        for (let attempt = 0; attempt < 4; attempt += 1) {
          const index = random.int(lines.length);
          const separator = lines[index]!.includes('|') ? '|' : lines[index]!.includes('\t') ? '\t' : ' ';
          const cells = lines[index]!.split(separator);
          if (cells.length < 2) continue;
          const left = random.int(cells.length);
          const right = random.int(cells.length);
          [cells[left], cells[right]] = [cells[right]!, cells[left]!];
          lines[index] = cells.join(separator);
        }
      }),
  },
  {
    name: 'swap two lines',
    apply: (bytes, random) =>
      onLines(bytes, (lines) => {
        const left = random.int(lines.length);
        const right = random.int(lines.length);
        [lines[left], lines[right]] = [lines[right]!, lines[left]!];
      }),
  },
  {
    name: 'insert random bytes',
    apply: (bytes, random) => {
      const result = Array.from(bytes);
      const count = 1 + random.int(12);
      for (let index = 0; index < count; index += 1) result.splice(random.int(result.length + 1), 0, random.int(256));
      return new Uint8Array(result);
    },
  },
  {
    name: 'insert interesting characters',
    apply: (bytes, random) => {
      let text = asText(bytes);
      const count = 1 + random.int(20);
      for (let index = 0; index < count; index += 1) {
        const at = random.int(text.length + 1);
        text = text.slice(0, at) + random.pick(INTERESTING) + text.slice(at);
      }
      return utf8.encode(text);
    },
  },
  {
    name: 'truncate at a random byte',
    apply: (bytes, random) => bytes.slice(0, random.int(bytes.length + 1)),
  },
  {
    name: 'replace digits',
    apply: (bytes, random) => {
      const probability = random.pick([0.02, 0.2, 1]);
      const replacements = ['0', '1', '9', '12', '', '０', '８', '—', '/', '3.5', '1000000'];
      return utf8.encode(asText(bytes).replace(/[0-9０-９]/g, (digit) => (random.next() < probability ? random.pick(replacements) : digit)));
    },
  },
  {
    name: 'remove all newlines',
    apply: (bytes, random) => utf8.encode(asText(bytes).replace(/\r?\n/g, random.pick(['', ' ', '\t']))),
  },
  {
    name: 'replace separators',
    apply: (bytes, random) => {
      const [from, to] = random.pick([['|', '\t'], ['\t', '|'], ['|', ''], ['\t', '  '], [' | ', '|'], ['</td>', ''], ['<tr>', '']] as const);
      return utf8.encode(asText(bytes).split(from).join(to));
    },
  },
];

/**
 * Every span points into the document text; the printed text of a cell is where its span says,
 * and no printed number is read into two cells.
 */
function spanProblems(result: Result, document: SourceDocument): string[] {
  const problems: string[] = [];
  const length = document.text.length;
  const check = (where: string, span: Span) => {
    if (span.start > span.end || span.end > length) problems.push(`${where}: span ${span.start}–${span.end} outside 0–${length}`);
  };
  for (const section of result.sections) {
    check(`section ${section.key}`, section.span);
    check(`heading ${section.key}`, section.headingSpan);
  }
  for (const finding of result.findings) for (const span of finding.spans) check(`finding ${finding.id}`, span);
  const owners = new Map<string, string>();
  for (const [path, cell] of Object.entries(result.cells)) {
    check(`cell ${path}`, cell.span);
    const key = `${cell.span.start}-${cell.span.end}`;
    const owner = owners.get(key);
    if (cell.raw !== '' && owner !== undefined) problems.push(`cells ${owner} and ${path} were both read from ${key}`);
    if (cell.raw !== '') owners.set(key, path);
    const printed = document.text.slice(cell.span.start, cell.span.end);
    if (cell.raw !== '' && printed !== cell.raw) problems.push(`cell ${path}: raw ${JSON.stringify(cell.raw)} but the span covers ${JSON.stringify(printed)}`);
  }
  if (result.source.characters !== length) problems.push(`source.characters ${result.source.characters} ≠ ${length}`);
  return problems;
}

type Outcome = { readonly analysed: number; readonly refused: number; readonly failures: readonly string[] };

function mutateAndAnalyse(fixture: Fixture, seed: number, count: number): Outcome {
  const random = createRandom(seed);
  const failures: string[] = [];
  let analysed = 0;
  let refused = 0;
  for (let index = 0; index < count; index += 1) {
    const steps = 1 + random.int(3);
    const applied: string[] = [];
    let bytes = fixture.bytes;
    for (let step = 0; step < steps; step += 1) {
      const mutation = random.pick(MUTATIONS);
      applied.push(mutation.name);
      bytes = mutation.apply(bytes, random);
    }
    const label = `${fixture.id} #${index} (seed ${seed}: ${applied.join(' → ')})`;
    let document: SourceDocument;
    let result: Result;
    try {
      document = documentFromBytes(fixture.path, fixture.format, bytes);
      result = analyzeDocument(document, { language: random.next() < 0.5 ? 'zh' : 'en' });
    } catch (error) {
      // Refusing bytes that are no longer text (binary, empty, undecodable) is allowed.
      if (error instanceof IngestError) {
        refused += 1;
        continue;
      }
      failures.push(`${label}: threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      continue;
    }
    analysed += 1;
    const parsed = resultSchema.safeParse(result);
    if (!parsed.success) failures.push(`${label}: invalid result: ${parsed.error.message.slice(0, 500)}`);
    for (const problem of spanProblems(result, document)) failures.push(`${label}: ${problem}`);
  }
  return { analysed, refused, failures };
}

describe('the parser never throws on damaged reports', () => {
  it('finds every fixture report', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
    expect(new Set(fixtures.map((fixture) => fixture.format))).toEqual(new Set(['txt', 'md', 'html']));
  });

  it('mulberry32 is deterministic and spread over [0, 1)', () => {
    const first = mulberry32(42);
    const second = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => first());
    expect(values.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => second()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.filter((value) => value < 0.5).length).toBeGreaterThan(400);
  });

  it('mutates at least 2000 documents in all', () => {
    const planned = fixtures.reduce((sum, fixture) => sum + DOCUMENTS_PER_FIXTURE[fixture.format], 0);
    expect(planned).toBeGreaterThanOrEqual(2000);
  });

  it.each(fixtures.map((fixture, index) => [fixture.id, fixture, index] as const))(
    '%s: mutated copies give a schema-valid result or an IngestError',
    (_id, fixture, index) => {
      const count = DOCUMENTS_PER_FIXTURE[fixture.format];
      const outcome = mutateAndAnalyse(fixture, SEED + index, count);
      expect(outcome.failures.slice(0, 5)).toEqual([]);
      expect(outcome.analysed + outcome.refused).toBe(count);
      // Most damage leaves text: the parser, not the decoder, must be what is exercised.
      expect(outcome.analysed).toBeGreaterThan(count / 2);
    },
  );
});
