// One fuzz input: a fixture report, damaged by a seeded list of mutations, through the whole
// pipeline as `extract` runs it (read limits, decoding, tables, offline narrative, checks). The
// only acceptable ends are a schema-valid result or a failure that names the file and is not a
// bug of ours.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { SourceDocument } from '../src/ingest/source-document.js';
import { decodeInput, processDocument } from '../src/pipeline/process-input.js';
import { resultSchema, type Result, type Span } from '../src/report/schemas.js';
import { DOCX_MUTATIONS, PDF_MUTATIONS } from './binary-mutations.js';
import { createRandom, inputSeed } from './random.js';
import { TEXT_MUTATIONS, type Mutation } from './text-mutations.js';

export type FixtureReport = { readonly id: string; readonly name: string; readonly bytes: Uint8Array };

const EXTENSIONS = new Set(['.txt', '.md', '.html', '.pdf', '.docx']);

/** Every fixture's report file, in a fixed order (the order decides which input is which). */
export function loadFixtureReports(directory: string): FixtureReport[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(join(directory, entry.name))
        .filter((name) => name.startsWith('report.') && EXTENSIONS.has(extname(name)))
        .map((name) => ({ id: entry.name, name, bytes: new Uint8Array(readFileSync(join(directory, entry.name, name))) })),
    )
    .sort((left, right) => left.id.localeCompare(right.id) || left.name.localeCompare(right.name));
}

function mutationsFor(name: string): readonly Mutation[] {
  if (name.endsWith('.pdf')) return PDF_MUTATIONS;
  if (name.endsWith('.docx')) return DOCX_MUTATIONS;
  return TEXT_MUTATIONS;
}

export type FuzzInput = { readonly index: number; readonly fixture: FixtureReport; readonly bytes: Uint8Array; readonly mutations: readonly string[]; readonly language: 'zh' | 'en' };

/** Input `index` of a run seeded with `seed`: the same two numbers always give the same bytes. */
export async function buildInput(fixtures: readonly FixtureReport[], seed: number, index: number): Promise<FuzzInput> {
  const fixture = fixtures[index % fixtures.length]!;
  const random = createRandom(inputSeed(seed, index));
  const mutations = mutationsFor(fixture.name);
  const steps = 1 + random.int(fixture.name.endsWith('.pdf') || fixture.name.endsWith('.docx') ? 2 : 3);
  const applied: string[] = [];
  let bytes = fixture.bytes;
  for (let step = 0; step < steps; step += 1) {
    const mutation = random.pick(mutations);
    applied.push(mutation.name);
    bytes = await mutation.apply(bytes, random);
  }
  return { index, fixture, bytes, mutations: applied, language: random.next() < 0.5 ? 'zh' : 'en' };
}

export type FuzzVerdict = {
  /** analysed: a result; refused: a named failure of the file (not a bug); broken: a bug. */
  readonly status: 'analysed' | 'refused' | 'broken';
  readonly problems: readonly string[];
  readonly reason?: string;
};

/** The pipeline on one input, judged. Never throws: a throw would itself be the bug found. */
export async function runInput(input: FuzzInput): Promise<FuzzVerdict> {
  const path = `/fuzz/${input.fixture.id}/${input.fixture.name}`;
  const decoded = await decodeInput(path, input.bytes, null);
  if (!('document' in decoded)) return refusedOrBroken(decoded.error.code, decoded.error.message, decoded.error.cause);
  const outcome = await processDocument(decoded.document, { language: input.language });
  if (outcome.status === 'failed') return refusedOrBroken(outcome.error.code, outcome.error.message, outcome.error.cause);
  if (outcome.status === 'narrative-failed') return { status: 'broken', problems: [`the offline narrative failed: ${outcome.error.message}`] };
  const problems: string[] = [];
  const parsed = resultSchema.safeParse(outcome.result);
  if (!parsed.success) problems.push(`invalid result: ${parsed.error.message.slice(0, 500)}`);
  problems.push(...spanProblems(outcome.result, decoded.document));
  return { status: problems.length > 0 ? 'broken' : 'analysed', problems };
}

function refusedOrBroken(code: string, message: string, cause: unknown): FuzzVerdict {
  if (code !== 'internal') return { status: 'refused', problems: [], reason: code };
  const stack = cause instanceof Error ? (cause.stack ?? '').split('\n').slice(0, 8).join('\n') : String(cause);
  return { status: 'broken', problems: [`${message}\n${stack}`] };
}

/**
 * Every span points into the document text; the printed text of a cell is where its span says,
 * and no printed number is read into two cells.
 */
export function spanProblems(result: Result, document: SourceDocument): string[] {
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
  for (const [where, span] of groundedSpans(result.narrative?.facts, 'narrative')) check(where, span);
  if (result.source.characters !== length) problems.push(`source.characters ${result.source.characters} ≠ ${length}`);
  return problems;
}

/** The span of every grounded quote in the narrative facts, wherever it sits in them. */
function* groundedSpans(value: unknown, where: string): Generator<[string, Span]> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* groundedSpans(item, `${where}.${index}`);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['grounded'] === 'boolean' && record['span']) yield [where, record['span'] as Span];
    for (const [key, item] of Object.entries(record)) if (key !== 'span') yield* groundedSpans(item, `${where}.${key}`);
  }
}
