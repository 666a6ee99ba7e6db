// npm run bench: read → sections → tables → checks (and, in a second table, the offline rules
// narrative extraction as well) over every fixture document, repeated until at least --reports
// documents were processed. Reports throughput and peak memory (one core:
// Node runs this loop on a single thread).
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { documentFromBytes, documentFromPdfBytes } from '../src/ingest/read-document.js';
import type { DocumentFormat } from '../src/ingest/source-document.js';
import { analyzeDocument } from '../src/pipeline/analyze-document.js';

const { values } = parseArgs({
  options: { reports: { type: 'string', default: '5000' }, 'pdf-reports': { type: 'string', default: '200' }, fixtures: { type: 'string', default: 'fixtures' } },
});
const target = Number(values.reports);
const FORMATS: Record<string, TextFormat> = { '.txt': 'txt', '.md': 'md', '.html': 'html' };

// PDFs are read asynchronously; their throughput is measured separately (issue 5).
type TextFormat = Exclude<DocumentFormat, 'pdf' | 'docx'>;
type Input = { path: string; format: TextFormat; bytes: Buffer };
const inputs: Input[] = readdirSync(values.fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(join(values.fixtures, entry.name))
      .filter((file) => file.startsWith('report.') && FORMATS[extname(file)])
      .map((file) => {
        const path = join(values.fixtures, entry.name, file);
        return { path, format: FORMATS[extname(file)]!, bytes: readFileSync(path) };
      }),
  );

function run(selection: readonly Input[], minimum: number, narrative: boolean) {
  let reports = 0;
  let bytes = 0;
  let peakRss = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  while (reports < minimum) {
    for (const input of selection) {
      const result = analyzeDocument(documentFromBytes(input.path, input.format, input.bytes), { narrative });
      if (result.findings.length < 0) throw new Error('unreachable');
      reports += 1;
      bytes += input.bytes.length;
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { reports, seconds, reportsPerSecond: reports / seconds, megabytesPerSecond: bytes / 1e6 / seconds, averageKb: bytes / reports / 1000, peakRssMb: peakRss / 1e6 };
}

// Warm up the JIT so the figures describe the steady state.
run(inputs, 200, true);
const groups: [string, Input[]][] = [
  ['all fixtures', inputs],
  ['text reports (.txt)', inputs.filter((input) => input.format === 'txt')],
  ['Markdown (.md)', inputs.filter((input) => input.format === 'md')],
  ['HTML pages (.html)', inputs.filter((input) => input.format === 'html')],
];
console.log(`nianbao bench: ${inputs.length} fixture documents, at least ${target} reports per row, Node ${process.version}`);
for (const narrative of [false, true]) {
  console.log(narrative ? '\nread → sections → tables → checks → narrative (rules) → narrative checks' : '\nread → sections → tables → checks');
  console.log('| documents | reports | avg size | reports/s | MB/s | peak RSS |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, selection] of groups) {
    if (selection.length === 0) continue;
    const figures = run(selection, target, narrative);
    console.log(
      `| ${name} | ${figures.reports} | ${figures.averageKb.toFixed(1)} KB | ${figures.reportsPerSecond.toFixed(0)} | ${figures.megabytesPerSecond.toFixed(1)} | ${figures.peakRssMb.toFixed(0)} MB |`,
    );
  }
}
// PDFs: pdf.js text extraction with positions, then the same pipeline. Fewer runs: it is slower.
const pdfs = readdirSync(values.fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => readdirSync(join(values.fixtures, entry.name)).filter((file) => file === 'report.pdf').map((file) => join(values.fixtures, entry.name, file)))
  .map((path) => ({ path, bytes: readFileSync(path) }));
if (pdfs.length > 0) {
  const minimum = Number(values['pdf-reports']);
  for (const pdf of pdfs) analyzeDocument(await documentFromPdfBytes(pdf.path, pdf.bytes));
  let reports = 0;
  let pages = 0;
  let peakRss = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  while (reports < minimum) {
    for (const pdf of pdfs) {
      const document = await documentFromPdfBytes(pdf.path, pdf.bytes);
      analyzeDocument(document);
      reports += 1;
      pages += new Set(document.lines.map((line) => line.page)).size;
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log('\nPDF: read (pdf.js) → sections → tables → checks → narrative (rules)');
  console.log('| documents | reports | pages | reports/s | pages/s | peak RSS |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  console.log(`| ${pdfs.length} report PDFs (5 pages each) | ${reports} | ${pages} | ${(reports / seconds).toFixed(1)} | ${(pages / seconds).toFixed(0)} | ${(peakRss / 1e6).toFixed(0)} MB |`);
}
console.log(`max RSS over the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
