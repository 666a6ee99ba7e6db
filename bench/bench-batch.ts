// npm run bench:batch — the batch command measured as a user runs it, in its own process:
//  1. 10 000 generated reports (the fixture reports, each made distinct) through the offline
//     rules: throughput and peak RSS, the exports included;
//  2. 500 reports against the mock OpenAI endpoint answering after a fixed 1 s, at concurrency 32:
//     throughput against the ideal of 32 reports/s.
//  3. 200 PDFs read with pdf.js on the main thread, then on worker threads (--pdf-threads).
// Options: --reports N (default 10000), --pdf-reports N (200), --llm-reports N (default 500), --concurrency N (32), --keep.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';

// The test suite's mock OpenAI server (a plain .mjs, so not compiled into dist/: found from there).
type MockModule = typeof import('../test/support/mock-openai-server.mjs');
const { exampleFromSchema, requestedSchema, startMockOpenAiServer } = (await import(
  new URL('../../test/support/mock-openai-server.mjs', import.meta.url).href
)) as MockModule;

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '10000' },
    'pdf-reports': { type: 'string', default: '200' },
    'llm-reports': { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '32' },
    keep: { type: 'boolean', default: false },
  },
});
const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/src/cli/main.js');
const RSS_REPORTER = join(ROOT, 'bench/report-rss.mjs');

// The text fixtures (the PDFs are measured by `npm run bench`).
const sources = readdirSync(join(ROOT, 'fixtures'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(join(ROOT, 'fixtures', entry.name))
      .filter((file) => file.startsWith('report.') && ['.txt', '.md', '.html'].includes(extname(file)))
      .map((file) => ({ extension: extname(file), text: readFileSync(join(ROOT, 'fixtures', entry.name, file), 'utf8') })),
  );

/** `count` distinct reports (a numbered closing line makes each one its own content), in folders of 1 000. */
async function generate(directory: string, count: number): Promise<number> {
  let bytes = 0;
  for (let index = 0; index < count; index += 1) {
    const source = sources[index % sources.length]!;
    const folder = join(directory, String(Math.floor(index / 1000)).padStart(3, '0'));
    if (index % 1000 === 0) await mkdir(folder, { recursive: true });
    const text = `${source.text}\n本报告为基准测试副本 ${index}。\n`;
    bytes += Buffer.byteLength(text);
    await writeFile(join(folder, `report-${index}${source.extension}`), text);
  }
  return bytes;
}

/** `count` distinct PDFs: the 洪泽 reports with a numbered comment after %%EOF (pdf.js reads past it). */
async function generatePdfs(directory: string, count: number): Promise<void> {
  await mkdir(directory, { recursive: true });
  const pdfs = ['hongze-district-2023-pdf', 'hongze-district-2024-pdf'].map((id) => readFileSync(join(ROOT, 'fixtures', id, 'report.pdf')));
  for (let index = 0; index < count; index += 1) {
    await writeFile(join(directory, `report-${index}.pdf`), Buffer.concat([pdfs[index % pdfs.length]!, Buffer.from(`\n%bench copy ${index}\n`)]));
  }
}

function runBatch(args: readonly string[], env: Record<string, string>): Promise<{ seconds: number; peakRssMb: number; code: number; tail: string }> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', RSS_REPORTER, BIN, 'batch', ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.once('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peak = /bench: peak RSS (\d+) MB/.exec(stderr);
      resolve({ seconds, peakRssMb: peak ? Number(peak[1]) : Number.NaN, code: code ?? 1, tail: stderr.split('\n').slice(-12).join('\n') });
    });
  });
}

const work = await mkdtemp(join(tmpdir(), 'nianbao-bench-batch-'));
try {
  const count = Number(values.reports);
  const bytes = await generate(join(work, 'offline'), count);
  const offline = await runBatch([join(work, 'offline'), '--out', join(work, 'offline-out'), '--provider', 'rules'], {});
  if (offline.code !== 0) throw new Error(`the offline run failed (exit ${offline.code}):\n${offline.tail}`);
  console.log(`nianbao bench:batch, Node ${process.version}`);
  console.log('\n| run | reports | input | wall time | reports/s | peak RSS |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  console.log(`| offline rules, exports included | ${count} | ${(bytes / 1e6).toFixed(0)} MB | ${offline.seconds.toFixed(1)} s | ${(count / offline.seconds).toFixed(0)} | ${offline.peakRssMb} MB |`);
  // The same run with V8's old space capped: what the run keeps alive, rather than how lazily V8
  // collects garbage when it has room.
  const capped = await runBatch([join(work, 'offline'), '--out', join(work, 'offline-out-capped'), '--provider', 'rules'], { NODE_OPTIONS: '--max-old-space-size=128' });
  if (capped.code !== 0) throw new Error(`the capped offline run failed (exit ${capped.code}):\n${capped.tail}`);
  console.log(`| the same, NODE_OPTIONS=--max-old-space-size=128 | ${count} | ${(bytes / 1e6).toFixed(0)} MB | ${capped.seconds.toFixed(1)} s | ${(count / capped.seconds).toFixed(0)} | ${capped.peakRssMb} MB |`);

  // PDFs: pdf.js on the main thread, then on worker threads (one per core, the default).
  const pdfCount = Number(values['pdf-reports']);
  if (pdfCount > 0) {
    await generatePdfs(join(work, 'pdf'), pdfCount);
    for (const threads of ['0', String(availableParallelism())]) {
      const run = await runBatch([join(work, 'pdf'), '--out', join(work, `pdf-out-${threads}`), '--provider', 'rules', '--pdf-threads', threads, '--concurrency', String(Math.max(4, availableParallelism()))], {});
      if (run.code !== 0) throw new Error(`the PDF run failed (exit ${run.code}):\n${run.tail}`);
      console.log(`| PDFs (the two 洪泽 reports), offline rules, --pdf-threads ${threads} | ${pdfCount} | | ${run.seconds.toFixed(1)} s | ${(pdfCount / run.seconds).toFixed(1)} | ${run.peakRssMb} MB |`);
    }
  }

  const llmCount = Number(values['llm-reports']);
  const concurrency = Number(values.concurrency);
  await generate(join(work, 'llm'), llmCount);
  const mock = await startMockOpenAiServer({
    respond: (request) => {
      const schema = requestedSchema(request.body);
      return { json: schema ? exampleFromSchema(schema) : {}, delayMs: 1000 };
    },
  });
  try {
    const env = { OPENAI_BASE_URL: mock.url, OPENAI_API_KEY: 'bench-key', NIANBAO_MODEL: 'mock-1s' };
    const llm = await runBatch([join(work, 'llm'), '--out', join(work, 'llm-out'), '--provider', 'openai', '--concurrency', String(concurrency), '--no-cache'], env);
    if (llm.code !== 0) throw new Error(`the LLM run failed (exit ${llm.code}):\n${llm.tail}`);
    // The model phase: from the first request to the last answer (each answer takes 1 s).
    const received = mock.chatRequests().map((request) => request.receivedAt);
    const phaseSeconds = (Math.max(...received) - Math.min(...received)) / 1000 + 1;
    const phaseRate = received.length / phaseSeconds;
    const endToEnd = llmCount / llm.seconds;
    console.log(
      `| mock endpoint, 1 s per answer, concurrency ${concurrency} | ${llmCount} | | ${llm.seconds.toFixed(1)} s | ${endToEnd.toFixed(1)} end to end; ${phaseRate.toFixed(1)} while calling the model (${((phaseRate / concurrency) * 100).toFixed(0)} % of ${concurrency}/s) | ${llm.peakRssMb} MB |`,
    );
  } finally {
    await mock.close();
  }
} finally {
  if (!values.keep) await rm(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
