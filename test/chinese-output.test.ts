// Everything a person reads is Chinese by default (issue 14). This walks the human output of every
// command — help, results, findings, notices, file and usage errors, batch progress and summary —
// with no language asked for, and fails on any English word that is not a name the user types or
// a machine name: a file or path, a flag, an environment variable, a check id or error code, a
// format, a model or program name. A new English sentence anywhere in that output fails it.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/program.js';
import type { CliIo } from '../src/cli/io.js';
import { ensureBuilt, ROOT, runBin } from './support/run-bin.js';

const FIXTURES = join(ROOT, 'fixtures');
const CLEAN = join(FIXTURES, 'seed-004-lingwu-civil-affairs-2024/report.txt');
const BROKEN = join(FIXTURES, 'constructed-tab-broken-sums/report.txt');
const PRE_2019 = join(FIXTURES, 'pingtan-2018-pre2019/report.txt');
const PDF = join(FIXTURES, 'hongze-district-2023-pdf/report.pdf');
const HTML = join(FIXTURES, 'pingtan-2023-html/report.html');
const DOCX = join(FIXTURES, 'city-2025-docx/report.docx');

// Names, not words: what the user types or what a program is called.
const NAMES = new Set([
  'nianbao', 'rules', 'openai', 'langchain', 'zh', 'en', 'auto', 'json_schema', 'json_object', 'custom_id',
  'JSON', 'CSV', 'Excel', 'SQLite', 'Parquet', 'HTML', 'PDF', 'OCR', 'Word', 'WPS', 'LibreOffice', 'Markdown', 'MB',
  'token', 'Batch', 'API', 'Ctrl', 'kill', 'USD', 'UTF', 'GB18030', 'ocrmypdf', 'pdf', 'js', 'docx', 'doc',
  'gpt', 'mini', 'deepseek', 'chat', 'qwen', 'plus', 'anthropic', 'claude', 'sonnet', 'mock', 'model', 'utf',
  'FILE', 'DIR', 'INPUT', 'SPEC', 'GLOB', 'Enter', 'Esc', 'tok', 'http', 'https', 'www', 'gov', 'cn', 'id',
  'notices', 'tmp', 'localhost', 'OpenAI', 'fixtures', 'txt', 'md', 'html', 'zip', 'git',
  // A name, not a word: the eval reports' 95 % Wilson intervals.
  'Wilson',
  // The commands themselves.
  'extract', 'check', 'batch', 'eval', 'view', 'tui', 'overview', 'export',
]);

/** The English words left once names are taken out. */
function englishWords(output: string): string[] {
  const withoutNames = output
    .replace(/\u001b\[[0-9;]*m/g, '')
    .replace(/读取器原文：[^）]*/g, ' ') // a PDF or Word reader's own words, quoted as such
    .replace(/\S*[/\\]\S*/g, ' ') // paths and URLs
    .replace(/\S+\.(?:txt|md|html?|shtml|pdf|docx?|jsonl?|csv|xlsx|sqlite|parquet|example|lock|png|tmp|partial|env)\b/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ') // JSON shown as an example
    .replace(/"[^"\s]*"|“[^”\s]*”/g, ' ') // a value as typed ("seed-*", “frobnicate”)
    .replace(/\b\w+_\w+\b/g, ' ') // identifiers (json_schema, custom_id)
    .replace(/(?<![\w-])--?[a-z][\w-]*/g, ' ') // flags
    .replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, ' ') // environment variables
    .replace(/\b[a-z]+[A-Z]\w*(?:\.[a-zA-Z]+)+\b|\b[a-z]+(?:\.[a-z][a-zA-Z]+)+\b/g, ' ') // check ids, keys (narrative.activeDisclosure.published)
    .replace(/\b[a-z]+(?:-[a-z0-9]+)+\b/g, ' ') // error and notice codes (not-a-report, narrative-failed)
    .replace(/\b\d+(?:\.\d+)?[a-z]+\b/g, ' ') // durations and sizes (2.0s, 19m30s)
    .replace(/\b[0-9a-f]{8,}\b/g, ' '); // hashes (a prompt's)
  return [...withoutNames.matchAll(/[A-Za-z]{2,}/g)].map((match) => match[0]).filter((word) => !NAMES.has(word));
}

type Run = { readonly code: number; readonly stdout: string; readonly stderr: string };

async function runHere(argv: readonly string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
  const code = await main(argv, io, '0.1.0');
  return { code, stdout, stderr };
}

let directory = '';

beforeAll(async () => {
  ensureBuilt();
  directory = await mkdtemp(join(tmpdir(), 'nianbao-zh-'));
  await writeFile(join(directory, 'minutes.txt'), '会议纪要\n2024年3月5日，局党组召开会议，研究部署全年工作。\n');
  await writeFile(join(directory, 'empty.txt'), '');
  await writeFile(join(directory, 'old.doc'), 'x');
  await writeFile(join(directory, 'deep.html'), `<html><body>${'<div>'.repeat(1500)}深</body></html>`);
  // Damaged files: what pdf.js and the Word reader say about them is explained in Chinese.
  await writeFile(join(directory, 'cut.pdf'), (await readFile(PDF)).subarray(0, 3000));
  await writeFile(join(directory, 'cut.docx'), (await readFile(DOCX)).subarray(0, 2000));
  await writeFile(join(directory, 'notzip.docx'), 'not a zip');
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('every human output in Chinese by default', () => {
  it.each([
    ['the overview', ['--help']],
    ['extract --help', ['extract', '--help']],
    ['check --help', ['check', '--help']],
    ['batch --help', ['batch', '--help']],
    ['eval --help', ['eval', '--help']],
    ['view --help', ['view', '--help']],
    ['overview --help', ['overview', '--help']],
    ['export --help', ['export', '--help']],
    ['tui --help', ['tui', '--help']],
  ])('help: %s', async (_name, argv) => {
    const { stdout } = await runHere(argv);
    expect(englishWords(stdout)).toEqual([]);
  });

  it.each([
    ['an unknown command', ['frobnicate']],
    ['an unknown flag', ['extract', '--frob', CLEAN]],
    ['a flag without its value', ['check', CLEAN, '--lang']],
    ['a flag with a value it does not take', ['check', CLEAN, '--json=yes']],
    ['no file', ['check']],
    ['a bad --lang', ['check', CLEAN, '--lang', 'fr']],
    ['a bad --max-mb', ['check', CLEAN, '--max-mb', 'lots']],
    ['batch without --out', ['batch', CLEAN]],
    ['a provider without a model', ['extract', CLEAN, '--provider', 'openai']],
    ['an unknown provider', ['extract', CLEAN, '--provider', 'magic']],
    ['tui on a pipe', ['tui', CLEAN]],
  ])('usage and configuration errors: %s', async (_name, argv) => {
    const { code, stderr } = await runHere(argv);
    expect(code).toBe(2);
    expect(englishWords(stderr)).toEqual([]);
  });

  it('extract and check: results, findings, notices and every kind of unreadable file', async () => {
    const inputs = [CLEAN, BROKEN, PRE_2019, PDF, HTML, DOCX, join(directory, 'minutes.txt'), join(directory, 'empty.txt'), join(directory, 'old.doc'), join(directory, 'deep.html'), join(directory, 'cut.pdf'), join(directory, 'cut.docx'), join(directory, 'notzip.docx'), join(directory, 'missing.txt'), directory];
    for (const command of ['extract', 'check']) {
      const { stdout, stderr } = await runHere([command, ...inputs]);
      expect(stdout).toContain('表三');
      expect(englishWords(stderr), `${command} stderr`).toEqual([]);
      expect(englishWords(stdout), `${command} stdout`).toEqual([]);
    }
  });

  it('batch: progress, failures and the summary; a second run that has nothing left to do', async () => {
    const input = join(directory, 'reports');
    const out = join(directory, 'out');
    await mkdir(input);
    await copyFile(CLEAN, join(input, 'lingwu.txt'));
    await copyFile(CLEAN, join(input, 'lingwu-copy.txt'));
    await copyFile(BROKEN, join(input, 'broken.txt'));
    await copyFile(join(directory, 'minutes.txt'), join(input, 'minutes.txt'));
    await copyFile(join(directory, 'empty.txt'), join(input, 'empty.txt'));
    for (const run of [1, 2]) {
      const { code, stderr } = await runBin(['batch', input, '--out', out], { env: { NIANBAO_LANG: '' } });
      expect(code, stderr).toBe(3);
      expect(stderr).toContain(run === 1 ? '本次运行：读取 2' : '本次运行：读取 0');
      expect(englishWords(stderr), `run ${run}`).toEqual([]);
    }
    const notAFolder = await runBin(['batch', input, '--out', join(directory, 'out', 'results.jsonl')], { env: { NIANBAO_LANG: '' } });
    expect(englishWords(notAFolder.stderr)).toEqual([]);
    // A folder held by a live batch (this test's own process), and a link to nowhere among the inputs.
    const held = join(directory, 'held');
    await mkdir(held);
    await writeFile(join(held, '.nianbao-batch.lock'), `${JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command: 'nianbao batch' })}\n`);
    await symlink(join(directory, 'nowhere.txt'), join(input, 'dangling.txt'));
    const locked = await runBin(['batch', input, '--out', held], { env: { NIANBAO_LANG: '' } });
    expect(locked.stderr).toContain('正被另一个 nianbao batch 使用');
    expect(locked.stderr).toContain('符号链接已失效');
    expect(englishWords(locked.stderr)).toEqual([]);
  }, 120_000);

  it('a model endpoint that cannot be reached: every retry and the failed narrative, in Chinese', async () => {
    const env = { NIANBAO_LANG: '', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_API_KEY: 'sk-test-0000', NIANBAO_MODEL: 'gpt-4.1-mini', NIANBAO_TIMEOUT_MS: '2000' };
    const run = await runBin(['extract', CLEAN, '--no-cache'], { env });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('调用大模型失败');
    expect(run.stderr).toContain('正文事实提取失败');
    expect(englishWords(run.stderr)).toEqual([]);
  }, 60_000);

  it('view: the page (its headings, labels and notes, not the report it shows), what it wrote, a file it cannot read', async () => {
    const target = join(directory, 'view.html');
    const written = await runHere(['view', BROKEN, '--out', target]);
    expect(written.code).toBe(0);
    expect(englishWords(written.stderr)).toEqual([]);
    const page = await readFile(target, 'utf8');
    expect(page).toContain('<html lang="zh-CN">');
    // What the page itself says: everything but the report's own text, scripts and styles.
    const own = page
      .replace(/<div class="doc"[\s\S]*?<\/main>/, ' ')
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&[a-z]+;/g, ' ');
    expect(own).toContain('发现（');
    expect(englishWords(own)).toEqual([]);
    const missing = await runHere(['view', join(directory, 'missing.txt')]);
    expect(missing.code).toBe(3);
    expect(englishWords(missing.stderr)).toEqual([]);
  });

  it('eval: progress, the matrix, the Markdown and the page (not the report text it quotes), a failed gate, a file it cannot write', async () => {
    const out = join(directory, 'eval');
    const markdown = join(directory, 'eval.md');
    const page = join(directory, 'eval.html');
    const first = await runHere(['eval', '--provider', 'rules', '--dir', FIXTURES, '--out', out, '--markdown', markdown, '--html', page]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('表格单元格完全一致');
    expect(first.stderr).toContain('结果已写入');
    expect(englishWords(first.stdout), 'matrix').toEqual([]);
    expect(englishWords(first.stderr), 'progress').toEqual([]);
    const report = await readFile(markdown, 'utf8');
    expect(report).toContain('### 各项发现');
    expect(englishWords(report), 'markdown').toEqual([]);
    const html = await readFile(page, 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    // What the page itself says, its tooltips too: not the report text around a span, nor the ids
    // and keys it shows in <code>, nor scripts and styles.
    const own = html
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
      .replace(/<pre class="context"[\s\S]*?<\/pre>/g, ' ')
      .replace(/<code>[\s\S]*?<\/code>/g, ' ')
      .replace(/<[^>]*\btitle="([^"]*)"[^>]*>/g, ' $1 ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&[a-z]+;|&#\d+;/g, ' ');
    expect(own).toContain('准确率与费用');
    expect(englishWords(own), 'page').toEqual([]);
    // A gate that fails: a floor above the run's rate, and a baseline that was better.
    const [resultsFile] = (await readdir(out)).filter((name) => name.endsWith('.json'));
    const results = JSON.parse(await readFile(join(out, resultsFile!), 'utf8'));
    results.summaries[0].rates.tableCells.rate = 1.5;
    const baseline = join(directory, 'baseline.json');
    await writeFile(baseline, JSON.stringify(results));
    const thresholds = join(directory, 'thresholds.json');
    await writeFile(thresholds, JSON.stringify({ maxDrop: 0.005, minimum: { rules: { fixturesExact: 1 } } }));
    const gated = await runHere(['eval', '--provider', 'rules', '--dir', FIXTURES, '--fixtures', 'pingtan-2019-*', '--out', out, '--thresholds', thresholds, '--baseline', baseline]);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toContain('低于下限');
    expect(gated.stderr).toContain('降到');
    expect(englishWords(gated.stderr), 'gate').toEqual([]);
    const unwritable = await runHere(['eval', '--provider', 'rules', '--dir', FIXTURES, '--fixtures', 'seed-000*', '--out', join(directory, 'minutes.txt', 'results')]);
    expect(unwritable.code).not.toBe(0);
    expect(unwritable.stderr).toContain('无法把评测结果写入');
    expect(englishWords(unwritable.stderr), 'unwritable').toEqual([]);
  }, 60_000);

  it('the filter itself: English sentences are caught, names are not', () => {
    expect(englishWords('nianbao: /tmp/a.txt：文件不存在')).toEqual([]);
    expect(englishWords('applications.rowTotal · 表三 · --max-mb 5 · OPENAI_API_KEY · not-a-report 1 · 2.0s')).toEqual([]);
    expect(englishWords('nianbao: /tmp/a.txt: no such file')).toEqual(['no', 'such', 'file']);
  });
});
