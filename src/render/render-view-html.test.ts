import { readFileSync } from 'node:fs';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../ingest/read-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import { listNumbers } from '../report/map-numbers.js';
import type { Result, Span } from '../report/schemas.js';
import { renderViewHtml } from './render-view-html.js';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

const SEED = new URL('../../fixtures/seed-004-lingwu-civil-affairs-2024/report.txt', import.meta.url);

function analyze(text: string): Result {
  return analyzeDocument(documentFromBytes('report.txt', 'txt', new TextEncoder().encode(text)));
}

const attribute = (element: Element, name: string) => element.attrs.find((entry) => entry.name === name)?.value;
const isElement = (node: Node): node is Element => 'tagName' in node;
const children = (node: Node) => ('childNodes' in node ? node.childNodes : []);

function elements(node: Node): Element[] {
  return children(node).flatMap((child) => (isElement(child) ? [child, ...elements(child)] : []));
}

/**
 * Reads the page the way the test needs it: the document text rebuilt from the text pane (the ⚠
 * and ◂ links left out), and for every highlight id the characters its <mark>s cover.
 */
function readPage(html: string) {
  const errors: string[] = [];
  const tree = parse(html, { onParseError: (error) => errors.push(`${error.code} at ${error.startOffset}`) });
  const all = elements(tree);
  const pane = all.find((element) => attribute(element, 'class') === 'doc')!;
  let text = '';
  const covered = new Map<string, { kinds: string; start: number; end: number; pieces: number; contiguous: boolean }>();
  const visit = (node: Node, mark: Element | null) => {
    if (node.nodeName === '#text') {
      const value = (node as DefaultTreeAdapterTypes.TextNode).value;
      if (mark) {
        for (const id of attribute(mark, 'data-ids')!.split(' ')) {
          const entry = covered.get(id);
          if (!entry) covered.set(id, { kinds: attribute(mark, 'class')!, start: text.length, end: text.length + value.length, pieces: 1, contiguous: true });
          else covered.set(id, { ...entry, end: text.length + value.length, pieces: entry.pieces + 1, contiguous: entry.contiguous && entry.end === text.length });
        }
      }
      text += value;
      return;
    }
    if (isElement(node) && node.tagName === 'a' && /\b(flag|ref)\b/.test(attribute(node, 'class') ?? '')) return;
    const inner = isElement(node) && node.tagName === 'mark' ? node : mark;
    for (const child of children(node)) visit(child, inner);
  };
  visit(pane, null);
  const ids = new Set(all.flatMap((element) => attribute(element, 'id') ?? []));
  const hrefs = all.flatMap((element) => (element.tagName === 'a' ? [attribute(element, 'href')!] : []));
  return { errors, all, text, covered, ids, hrefs };
}

// Highlight ids start with their kind: c (table cell), n (stated number), f (finding).
function coveredExactly(page: ReturnType<typeof readPage>, span: Span, kind: 'c' | 'n' | 'f'): boolean {
  return [...page.covered.entries()].some(([id, entry]) => id.startsWith(kind) && entry.kinds.split(' ').includes(kind) && entry.contiguous && entry.start === span.start && entry.end === span.end);
}

describe('renderViewHtml', () => {
  const text = readFileSync(SEED, 'utf8');
  const result = analyze(text);
  const html = renderViewHtml(result, text);
  const page = readPage(html);

  it('is one valid, self-contained HTML page that shows the document text unchanged', () => {
    expect(page.errors).toEqual([]);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b|<script\s+src|@import|url\(/i);
    expect(page.text).toBe(text);
  });

  it('highlights every table cell span and both spans of the narrative conflict finding', () => {
    expect(Object.keys(result.cells)).toHaveLength(200);
    for (const source of Object.values(result.cells)) expect(coveredExactly(page, source.span, 'c'), JSON.stringify(source)).toBe(true);
    const conflict = result.findings.find((finding) => finding.id === 'narrative.conflictingFigures')!;
    expect(conflict.spans).toHaveLength(2);
    for (const span of conflict.spans) expect(coveredExactly(page, span, 'f')).toBe(true);
    expect(page.text.slice(conflict.spans[1]!.start, conflict.spans[1]!.end)).toContain('92');
  });

  it('highlights every grounded stated number', () => {
    const numbers = listNumbers(result.narrative!.facts).filter(({ number }) => number.span);
    expect(numbers.length).toBeGreaterThan(0);
    for (const { number } of numbers) expect(coveredExactly(page, number.span!, 'n')).toBe(true);
  });

  it('links every highlight to its entry in the side list, and every entry back to the text', () => {
    for (const href of page.hrefs) expect(page.ids.has(href.slice(1)), href).toBe(true);
    const entries = page.all.filter((element) => /^e-[cnf]\d+$/.test(attribute(element, 'id') ?? ''));
    expect(entries).toHaveLength(200 + listNumbers(result.narrative!.facts).length + result.findings.length);
    for (const entry of entries) {
      const id = attribute(entry, 'id')!;
      expect(page.hrefs, `nothing in the text leads to ${id}`).toContain(`#${id}`);
      const back = elements(entry).find((element) => element.tagName === 'a' && attribute(element, 'href')?.startsWith('#t-'));
      expect(back, `${id} has no link back to the text`).toBeDefined();
    }
    const conflictEntry = page.all.find((element) => attribute(element, 'id') === `e-f${result.findings.findIndex((finding) => finding.id === 'narrative.conflictingFigures')}`)!;
    expect(elements(conflictEntry).filter((element) => attribute(element, 'href')?.startsWith('#t-'))).toHaveLength(2);
  });

  it('cuts overlapping and crossing spans into segments and still marks each span exactly', () => {
    const quote = listNumbers(result.narrative!.facts).find(({ number }) => number.span)!.number.span!;
    const [firstCell, secondCell] = Object.values(result.cells).sort((left, right) => left.span.start - right.span.start);
    const crossing = { start: quote.start + 3, end: quote.end + 5 };
    const acrossCells = { start: firstCell!.span.start, end: secondCell!.span.end };
    const changed: Result = {
      ...result,
      findings: [...result.findings, { ...result.findings[0]!, id: 'narrative.sumMismatch', message: 'crossing', spans: [crossing, acrossCells, firstCell!.span] }],
    };
    const overlapped = readPage(renderViewHtml(changed, text));
    expect(overlapped.errors).toEqual([]);
    expect(overlapped.text).toBe(text);
    for (const span of [quote, firstCell!.span, secondCell!.span]) expect(coveredExactly(overlapped, span, 'c') || coveredExactly(overlapped, span, 'n')).toBe(true);
    for (const span of [crossing, acrossCells, firstCell!.span]) expect(coveredExactly(overlapped, span, 'f')).toBe(true);
    for (const href of overlapped.hrefs) expect(overlapped.ids.has(href.slice(1)), href).toBe(true);
  });

  it('escapes markup in the report text', () => {
    const hostile = `${text}\n<script>alert("x")</script> & <b>粗</b>\n`;
    const escaped = renderViewHtml(analyze(hostile), hostile);
    expect(escaped).not.toContain('<script>alert');
    expect(escaped).not.toContain('<b>粗');
    expect(escaped).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;b&#62;粗');
    const reread = readPage(escaped);
    expect(reread.errors).toEqual([]);
    expect(reread.text).toBe(hostile);
  });
});
