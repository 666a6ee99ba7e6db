// Regression test: patterns with two adjacent quantifiers over the same characters are quadratic
// in a long run of them. A copy that turned a table row into one line of spaces, or a pasted hex
// dump, took minutes: MARKDOWN_RULE (\s*\|?\s* at its start) on a line of 200 000 spaces about
// 80 s, the e-mail pattern on a run of letters and digits, the code-fence strip of a model answer
// on trailing spaces. A run of digits: the glued-digit search tested each remainder of it for a
// canonical number (minutes), the period cue \d+-\d+月 retried at every digit (60 s), and the count
// itself was Infinity (a result the schema refuses). A run of commas in the problems section: the
// trailing-punctuation strip, 88 s. Each such run is now read in well under a second (the bound
// here is loose); .docx nested 18 000 deep is refused before mammoth's quadratic XML parser sees it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { parseModelOutput } from '../src/extract/parse-model-output.js';
import { documentFromDocxBytes, xmlProblem } from '../src/ingest/docx.js';
import { documentFromBytes } from '../src/ingest/read-document.js';
import { analyzeDocument } from '../src/pipeline/analyze-document.js';
import { resultSchema } from '../src/report/schemas.js';

const ROOT = new URL('..', import.meta.url).pathname;
const LINGWU = 'seed-004-lingwu-civil-affairs-2024';
// Copies of pingtan pages that lost their separators: digits glued to the next row's label.
const PINGTAN_2021 = 'pingtan-2021-txt';
const PINGTAN_2023 = 'constructed-heldout-pingtan23-site-measures-clean';
const PINGTAN_2023_LAWSUITS = 'constructed-heldout-pingtan23-lawsuit-claim-clean';

function report(fixture: string): string {
  return readFileSync(join(ROOT, 'fixtures', fixture, 'report.txt'), 'utf8');
}

/** The fixture with `run` inserted just before the first `before`, on the same line. */
function withRun(fixture: string, run: string, before: string): string {
  const text = report(fixture);
  const at = text.indexOf(before);
  expect(at).toBeGreaterThan(0);
  return `${text.slice(0, at)}${run}${text.slice(at)}`;
}

function analyze(text: string) {
  return analyzeDocument(documentFromBytes('report.txt', 'txt', new TextEncoder().encode(text)));
}

describe('a long run of one character', () => {
  it.each([
    ['spaces in the tables', LINGWU, ' '.repeat(200_000), '\n四、政府信息公开行政复议'],
    ['ideographic spaces in the tables', LINGWU, '\u3000'.repeat(200_000), '\n四、政府信息公开行政复议'],
    ['dashes and spaces in the tables', LINGWU, '- '.repeat(100_000), '\n四、政府信息公开行政复议'],
    ['letters and digits in the prose (a hex dump)', LINGWU, 'a1'.repeat(100_000), '\n六、其他需要报告的事项'],
    ['dots in the prose', LINGWU, '.'.repeat(200_000), '\n六、其他需要报告的事项'],
    ['digits glued into a table row', PINGTAN_2023, '1'.repeat(150_000), '无正当理由大量反复申请'],
    ['digits and spaces in the prose', PINGTAN_2023_LAWSUITS, '1 '.repeat(100_000), '复议案件2件、行政诉讼'],
    ['digits as a count in the prose', LINGWU, `发布信息${'1'.repeat(200_000)}条。`, '(二)依申请公开'],
    ['full stops in the problems section', PINGTAN_2021, '。'.repeat(200_000), '全方位、多形式'],
  ])('%s: read in seconds, schema-valid', (_name, fixture, run, before) => {
    const started = performance.now();
    const result = analyze(withRun(fixture, run, before));
    expect(performance.now() - started).toBeLessThan(10_000);
    // The schema refuses Infinity (a count read from a run of digits).
    expect(resultSchema.safeParse(result).error?.issues ?? []).toEqual([]);
    expect(result.meta.agency).toBe(analyze(report(fixture)).meta.agency);
  });

  it('a model answer ending in 1 000 000 spaces is parsed in milliseconds', () => {
    const started = performance.now();
    expect(parseModelOutput(`{"x": 1}${' '.repeat(1_000_000)}x`).ok).toBe(false);
    expect(parseModelOutput('```json\n{"activeDisclosure": 1}\n```').ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a damaged .docx document.xml is refused in about a second, named (cut short and nested: mammoth took 17 s)', async () => {
    const original = readFileSync(join(ROOT, 'fixtures/city-2025-docx/report.docx'));
    const withDocument = async (change: (xml: string) => string) => {
      const zip = await JSZip.loadAsync(original);
      zip.file('word/document.xml', change(await zip.file('word/document.xml')!.async('string')));
      return zip.generateAsync({ type: 'uint8array' });
    };
    const nest = `${'<table><tr><td>'.repeat(6000)}深${'</td></tr></table>'.repeat(6000)}`;
    const cases = [
      [await withDocument((xml) => xml.replace('<w:body>', `<w:body>${nest}`)), 'too-large', 'nests elements more than 1000 deep'],
      // What the fuzzer made: the document cut short, then markup nested into it.
      [readFileSync(join(ROOT, 'src/ingest/__fixtures__/fuzz-16072-cut-and-nested.docx')), 'too-large', 'more than 1000 deep'],
      [await withDocument((xml) => xml.slice(0, 5600)), 'corrupt', 'word/document.xml'],
    ] as const;
    for (const [bytes, code, message] of cases) {
      const started = performance.now();
      await expect(documentFromDocxBytes('damaged.docx', bytes)).rejects.toMatchObject({ code, message: expect.stringContaining(message) });
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    expect((await documentFromDocxBytes('report.docx', original)).text).toContain('测试市');
  });

  it('XML structure in one pass: quoted ">" and self-closing tags, comments and declarations are not nesting', () => {
    expect(xmlProblem('<?xml version="1.0"?><!-- <x> --><a t=">"><b/><c><d>x</d></c><![CDATA[<y>]]></a>', 100)).toBeNull();
    expect(xmlProblem('<a>'.repeat(50), 10)).toMatchObject({ tooDeep: true });
    expect(xmlProblem('<a><b></a>', 10)?.message.en).toContain('closes <a> out of turn');
    expect(xmlProblem('<a></a><a></a>', 10)?.message.en).toContain('second root');
    expect(xmlProblem('<a><b>text', 10)?.message.en).toContain('still open');
    expect(xmlProblem('<a><b attr="x', 10)?.message.en).toContain('ends inside a tag');
  });
});
