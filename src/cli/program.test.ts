import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultSchema, type Finding, type Result } from '../report/schemas.js';
import type { CliIo } from './io.js';
import { main } from './program.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (id: string, name = 'report.txt') => join(ROOT, 'fixtures', id, name);
const CLEAN = fixture('seed-000-lingwu-justice-2024'); // 灵武市司法局 2024, every cell 0
const CIVIL = fixture('seed-004-lingwu-civil-affairs-2024'); // 灵武市民政局 2024, two applications
const PRE_2019 = fixture('pingtan-2018-pre2019');
const HTML = fixture('city-2025-html', 'report.html');
const ANSI = /\u001b\[/;

type FakeIo = CliIo & { readonly out: () => string; readonly err: () => string };

function createIo(options: { isTTY?: boolean; env?: Record<string, string> } = {}): FakeIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout: { write: (text: string) => stdout.push(text), ...(options.isTTY === undefined ? {} : { isTTY: options.isTTY }) },
    stderr: { write: (text: string) => stderr.push(text) },
    env: options.env ?? {},
    out: () => stdout.join(''),
    err: () => stderr.join(''),
  };
}

// Every extract/check run without a configured model says once that the offline rules extract
// the narrative (asserted on its own below); the other tests look at the rest of stderr.
const RULES_LINE = /^nianbao: (?:正文事实由离线规则提取——|narrative facts by the offline rules extractor — ).*\n/m;

async function run(argv: readonly string[], options?: Parameters<typeof createIo>[0]) {
  const io = createIo(options);
  const code = await main(argv, io, '9.9.9');
  return { code, stdout: io.out(), stderr: io.err().replace(RULES_LINE, ''), rawStderr: io.err() };
}

function stderrLines(stderr: string): string[] {
  return stderr.split('\n').filter(Boolean);
}

let directory = '';
let broken = ''; // seed-000 with 予以公开 / 自然人 changed from 0 to 5
let truncated = ''; // seed-000 cut before section 五
let notAReport = '';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'nianbao-cli-'));
  const clean = await readFile(CLEAN, 'utf8');
  const typo = clean.replace('(一)予以公开 | 0 |', '(一)予以公开 | 5 |');
  expect(typo).not.toBe(clean);
  broken = join(directory, 'broken.txt');
  await writeFile(broken, typo);
  truncated = join(directory, 'truncated.txt');
  await writeFile(truncated, clean.slice(0, clean.indexOf('五、存在的主要问题')));
  notAReport = join(directory, 'minutes.txt');
  await writeFile(notAReport, '会议纪要\n2024年3月5日，局党组召开会议，研究部署全年工作。\n');
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('narrative extractor choice', () => {
  it('with no model configured, the offline rules are used and stderr says so once', async () => {
    const { code, rawStderr, stdout } = await run(['extract', CIVIL]);
    expect(code).toBe(0);
    expect(rawStderr).toBe('nianbao: 正文事实由离线规则提取——未配置大模型：设置 NIANBAO_MODEL 以及 OPENAI_API_KEY 或 OPENAI_BASE_URL，见 .env.example\n');
    expect(stdout).toContain('抽取：离线规则（rules），未调用模型');
  });

  it('--json keeps stderr silent and the result names the provider', async () => {
    const { rawStderr, stdout } = await run(['extract', CIVIL, '--json']);
    expect(rawStderr).toBe('');
    expect(JSON.parse(stdout).narrative.extractor).toMatchObject({ provider: 'rules', model: null });
  });

  it('an openai provider without a model is a configuration error (exit 2)', async () => {
    const { code, rawStderr } = await run(['extract', CIVIL, '--provider', 'openai']);
    expect(code).toBe(2);
    expect(rawStderr).toContain('openai 提供方需要模型：用 --model 指定或设置 NIANBAO_MODEL');
  });

  it('an invalid environment variable is reported by name (exit 2)', async () => {
    const { code, rawStderr } = await run(['extract', CIVIL], { env: { NIANBAO_MAX_ATTEMPTS: 'many', OPENAI_BASE_URL: 'not a url' } });
    expect(code).toBe(2);
    expect(rawStderr).toMatch(/NIANBAO_MAX_ATTEMPTS/);
    expect(rawStderr).toMatch(/OPENAI_BASE_URL/);
  });
});

describe('extract', () => {
  it('prints the agency, the year, the sections and the three tables', async () => {
    const { code, stdout, stderr } = await run(['extract', CIVIL]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe(`灵武市民政局 · 2024  ${CIVIL}`);
    expect(stdout).toContain('章节: 一✓ 二✓ 三✓ 四✓ 五✓ 六✓');
    for (const title of ['表二 主动公开政府信息情况', '表三 收到和处理政府信息公开申请情况', '表四 行政复议、行政诉讼情况']) {
      expect(stdout).toContain(title);
    }
    // A pipe gets the 80 columns of the narrowest terminal: long labels are shortened.
    expect(stdout).toMatch(/^ {2}一、本年新收政府信…\s+2\s+0\s+0\s+0\s+0\s+0\s+2 $/m);
    expect(stdout).toMatch(/^ {2}（一）予以公开\s+2\s+0\s+0\s+0\s+0\s+0\s+2 $/m);
    expect(stdout).toMatch(/^ {2}行政复议\s+0\s+0\s+0\s+0\s+0 $/m);
    // The narrative states the same Weibo account as 89 and as 92 条.
    expect(stdout).toContain('微博“灵武民政”发布信息前后不一：89 与 92');
  });

  it('marks the cells of a broken rule with ! and lists the finding', async () => {
    const { code, stdout } = await run(['extract', broken]);
    expect(code).toBe(0); // extract reports findings but does not fail on them
    expect(stdout).toMatch(/^ {2}（一）予以公开\s+5!\s+0!\s+0!\s+0!\s+0!\s+0!\s+0!$/m);
    expect(stdout).toContain('发现 2 个问题（错误 2，警告 0）：');
    // Where, as printed: the table, its row and column, and the line (not a key and offsets).
    expect(stdout).toMatch(/applications\.rowTotal · 表三“\(一\)予以公开”行“总计”列等 7 格 · 第 \d+ 行/);
  });

  it('--json prints one result object for one file', async () => {
    const { code, stdout, stderr } = await run(['extract', CIVIL, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const parsed: unknown = JSON.parse(stdout);
    expect(Array.isArray(parsed)).toBe(false);
    const result = resultSchema.parse(parsed);
    expect(result.meta).toEqual({ agency: '灵武市民政局', year: 2024 });
    expect(result.source).toMatchObject({ path: CIVIL, format: 'txt', encoding: 'utf-8' });
    expect(result.tables.applications?.newReceived).toEqual({ naturalPerson: 2, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 2 });
    expect(result.cells['applications.newReceived.total']).toMatchObject({ raw: '2', placement: 'printed' });
  });

  it('--json prints an array for several files, in argument order', async () => {
    const { code, stdout } = await run(['extract', '--json', CIVIL, HTML]);
    expect(code).toBe(0);
    const parsed: unknown = JSON.parse(stdout);
    expect(Array.isArray(parsed)).toBe(true);
    const results = (parsed as unknown[]).map((item) => resultSchema.parse(item));
    expect(results.map((result) => [result.source.path, result.source.format])).toEqual([[CIVIL, 'txt'], [HTML, 'html']]);
  });

  it('--out DIR writes one JSON per file, at its path within the folder the inputs share', async () => {
    const out = join(directory, 'out', 'nested');
    const { code, stdout, stderr } = await run(['extract', CLEAN, CIVIL, '--out', out]);
    expect(code).toBe(0);
    const names = [relative(dirname(dirname(CLEAN)), CLEAN), relative(dirname(dirname(CIVIL)), CIVIL)].map((path) => path.replace(/\.txt$/, '.json'));
    const written: Result[] = await Promise.all(names.map(async (name) => resultSchema.parse(JSON.parse(await readFile(join(out, name), 'utf8')))));
    expect(written.map((result) => result.source.path)).toEqual([CLEAN, CIVIL]);
    expect(stderrLines(stderr)).toEqual(names.map((name) => `nianbao: wrote ${join(out, name)}`));
    expect(stdout).toContain('灵武市司法局 · 2024');
  });

  it('--out with --json prints the JSON and no "wrote" lines', async () => {
    const out = join(directory, 'out-json');
    const { code, stdout, stderr } = await run(['extract', CIVIL, '--json', '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(await readFile(join(out, 'report.json'), 'utf8'))).toEqual(JSON.parse(stdout));
  });

  it('a pre-2019 report: one line on stderr, exit 0, tables not forced', async () => {
    const { code, stdout, stderr } = await run(['extract', PRE_2019]);
    expect(code).toBe(0);
    const lines = stderrLines(stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^nianbao: ${PRE_2019}：不是 2019 年以来的年报格式`));
    expect(stdout).toContain('平潭综合实验区 · 2018');
    expect(stdout).not.toContain('表三');
  });

  it('a truncated report: one line on stderr, still read', async () => {
    const { code, stdout, stderr } = await run(['extract', truncated]);
    expect(code).toBe(0);
    expect(stderrLines(stderr)).toEqual([`nianbao: ${truncated}：文件似乎被截断：在“四、因政府信息公开工作被申请行政复议、提起行政诉讼情况”之后结束，缺少 五、政府信息公开工作存在的主要问题及改进情况、六、其他需要报告的事项`]);
    expect(stdout).toContain('灵武市司法局 · 2024');
    expect(stdout).toContain('structure.missingSection · “五、政府信息公开工作存在的主要问题及改进情况”');
  });

  it('exit 3 when an input is unreadable; the other files are still processed and printed', async () => {
    const missing = join(directory, 'missing.txt');
    const { code, stdout, stderr } = await run(['extract', CLEAN, missing, notAReport, CIVIL]);
    expect(code).toBe(3);
    expect(stderrLines(stderr)).toEqual([
      `nianbao: ${missing}：文件不存在`,
      `nianbao: ${notAReport}：不是政府信息公开工作年度报告：既没有年报的章节标题，也没有年报统计表`,
    ]);
    expect(stdout).toContain('灵武市司法局 · 2024');
    expect(stdout).toContain('灵武市民政局 · 2024');
  });

  it('exit 3 with --json: the readable results are still printed', async () => {
    const { code, stdout } = await run(['extract', '--json', join(directory, 'missing.pdf'), CIVIL]);
    expect(code).toBe(3);
    const parsed = JSON.parse(stdout) as unknown[];
    expect(parsed).toHaveLength(1);
    expect(resultSchema.parse(parsed[0]).meta.agency).toBe('灵武市民政局');
  });

  it('exit 3 and no stdout for a single unreadable file with --json', async () => {
    const { code, stdout, stderr } = await run(['extract', '--json', directory]);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe(`nianbao: ${directory}：是文件夹，不是文件\n`);
  });
});

describe('check', () => {
  it('exit 0 for a clean seed', async () => {
    const { code, stdout, stderr } = await run(['check', CLEAN]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(`${CLEAN}\n✔ 未发现问题\n\n`);
  });

  it('exit 1 when a table-3 number breaks a rule', async () => {
    const { code, stdout } = await run(['check', broken]);
    expect(code).toBe(1);
    // The one wrong cell first, the rules it breaks under it.
    expect(stdout).toMatch(/✖ “\(一\)予以公开”行“自然人”列（第 \d+ 行）可能有误：它使 2 条勾稽关系不成立/);
    expect(stdout).toContain('    · “(一)予以公开”行：六类申请人合计 5，“总计”列为 0，相差 -5');
    expect(stdout).toContain('    · “自然人”列：各项办理结果合计 5，“（七）总计”为 0，相差 -5');
    expect(stdout).toContain('↳ 若“(一)予以公开”行“自然人”为 0（现为 5），所有不符的勾稽关系都能成立');
  });

  it('--json prints [{ path, findings }] with the suggestion', async () => {
    const { code, stdout } = await run(['check', '--json', broken, CLEAN]);
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout) as { path: string; findings: Finding[] }[];
    expect(parsed.map((entry) => entry.path)).toEqual([broken, CLEAN]);
    expect(parsed[0]!.findings.map((finding) => [finding.id, finding.path])).toEqual([
      ['applications.rowTotal', 'applications.granted'],
      ['applications.handledTotal', 'applications.*.naturalPerson'],
    ]);
    expect(parsed[0]!.findings[0]!.suggestion).toMatchObject({ path: 'applications.granted.naturalPerson', value: 0 });
    expect(parsed[1]!.findings).toEqual([]);
  });

  it('--lang en writes the findings in English', async () => {
    const { stdout } = await run(['check', broken, '--lang', 'en']);
    expect(stdout).toContain('2 finding(s) (2 error, 0 warning):');
    expect(stdout).toMatch(/✖ “\(一\)予以公开” \/ “自然人” \(line \d+\) is likely wrong: it breaks 2 rules/);
    expect(stdout).toContain('    · “(一)予以公开”: the six applicant columns add up to 5 but 总计 says 0 (difference -5)');
    expect(stdout).toContain('↳ if “(一)予以公开” / “自然人” were 0 (it reads 5), every broken rule would hold');
    expect(stdout).not.toMatch(/相差|发现/);
  });

  it('--lang=en for a clean report and for notices', async () => {
    const clean = await run(['check', '--lang=en', CLEAN]);
    expect(clean.stdout).toContain('✔ no findings');
    const other = await run(['check', '--lang=en', PRE_2019]);
    expect(other.code).toBe(0);
    expect(other.stderr).toMatch(/^nianbao: .*: not the 2019 or 2021 template \(pre-2019 statistics table/);
  });

  it('exit 3 when any input is unreadable, even with error findings, and the rest is printed', async () => {
    const missing = join(directory, 'gone.txt');
    const { code, stdout, stderr } = await run(['check', broken, missing, CLEAN]);
    expect(code).toBe(3);
    expect(stderrLines(stderr)).toEqual([`nianbao: ${missing}：文件不存在`]);
    expect(stdout).toContain(`${broken}\n发现 2 个问题`);
    expect(stdout).toContain(`${CLEAN}\n✔ 未发现问题`);
  });
});

describe('usage', () => {
  it.each<[string, string[], RegExp]>([
    ['an unknown command', ['frobnicate', CLEAN], /^nianbao: 没有“frobnicate”这个命令\n运行 "nianbao --help" 查看用法。\n$/],
    ['an unknown flag', ['extract', '--frob', CLEAN], /^nianbao: 没有 --frob 这个选项\n/],
    ['--out on check', ['check', '--out', directory, CLEAN], /^nianbao: 没有 --out 这个选项\n/],
    ['extract without a file', ['extract', '--json'], /^nianbao: extract 至少需要一个文件（FILE）\n/],
    ['check without a file', ['check'], /^nianbao: check 至少需要一个文件（FILE）\n/],
    ['--lang fr', ['extract', CLEAN, '--lang', 'fr'], /^nianbao: --lang 只能是 zh 或 en，不能是“fr”\n/],
    ['--lang without a value', ['check', CLEAN, '--lang'], /^nianbao: 选项 --lang 需要一个值\n/],
    ['an unknown flag, in English', ['extract', '--frob', CLEAN, '--lang', 'en'], /^nianbao: unknown option --frob\nRun "nianbao --help" for usage\.\n$/],
    ['--lang fr, in English by NIANBAO_LANG', ['extract', CLEAN, '--lang', 'fr', '--json'], /^nianbao: --lang must be zh or en, not "fr"\n/],
  ])('%s: exit 2, message on stderr, nothing on stdout', async (name, argv, message) => {
    const { code, stdout, stderr } = await run(argv, name.includes('NIANBAO_LANG') ? { env: { NIANBAO_LANG: 'en' } } : {});
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('no arguments: usage on stdout, exit 2', async () => {
    const { code, stdout } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toContain('用法：\n  nianbao extract 文件... [--json] [--out 文件夹] [--lang zh|en]');
  });

  it.each([['--help'], ['-h'], ['help']])('%s: usage of every command on stdout, exit 0', async (flag) => {
    const { code, stdout, stderr } = await run([flag]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('用法：nianbao extract 文件...');
    expect(stdout).toContain('用法：nianbao check 文件...');
    expect(stdout).toContain('退出码：0 正常 · 1 有“错误”级别的发现（check）· 2 用法错误 · 3 有输入无法读取或输出无法写入');
  });

  it('--help in English: NIANBAO_LANG, the locale, --lang', async () => {
    for (const [argv, env] of [[['--help'], { NIANBAO_LANG: 'en' }], [['--help'], { LANG: 'en_US.UTF-8' }], [['--help', '--lang', 'en'], { LANG: 'zh_CN.UTF-8' }]] as const) {
      const { stdout } = await run([...argv], { env });
      expect(stdout).toContain('Exit codes: 0 ok · 1 findings of severity error (check) · 2 usage · 3 unreadable input');
    }
    // A server's locale says nothing about its user: Chinese.
    expect((await run(['--help'], { env: { LANG: 'C.UTF-8' } })).stdout).toContain('退出码：');
    // --lang wins over the environment.
    expect((await run(['--help', '--lang', 'zh'], { env: { NIANBAO_LANG: 'en' } })).stdout).toContain('退出码：');
  });

  it('check --help', async () => {
    const { code, stdout } = await run(['check', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "用法：nianbao check 文件... [--json] [--lang zh|en]

      只列出每份报告的核对发现。有任何“错误”级别的发现时退出码为 1。
        --json       以 JSON 输出 [{ path, findings }]
        --lang en    以英文显示（默认中文）
        --max-mb N   报告文字的上限，单位 MB（默认 5）
        extract 的正文选项同样适用（--provider、--model、--no-cache……）。
      "
    `);
  });

  it('extract -h does not read the files', async () => {
    const { code, stdout, stderr } = await run(['extract', '-h', join(directory, 'missing.txt')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^用法：nianbao extract 文件\.\.\./);
    expect(stderr).toBe('');
  });

  it('--version prints the version it is given', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: '9.9.9\n', stderr: '', rawStderr: '' });
  });
});

describe('colour', () => {
  it.each<[string, Parameters<typeof createIo>[0], boolean]>([
    ['a TTY', { isTTY: true, env: {} }, true],
    ['a TTY with NO_COLOR', { isTTY: true, env: { NO_COLOR: '1' } }, false],
    ['a TTY with TERM=dumb', { isTTY: true, env: { TERM: 'dumb' } }, false],
    ['a pipe (isTTY false)', { isTTY: false, env: {} }, false],
    ['a stream without isTTY', { env: {} }, false],
  ])('%s', async (_name, options, colour) => {
    for (const argv of [['extract', broken], ['check', broken]]) {
      const { stdout } = await run(argv, options);
      expect(ANSI.test(stdout)).toBe(colour);
    }
  });

  it('--json is never coloured', async () => {
    const { stdout } = await run(['check', '--json', broken], { isTTY: true, env: {} });
    expect(ANSI.test(stdout)).toBe(false);
  });
});
