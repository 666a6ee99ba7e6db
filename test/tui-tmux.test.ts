// The real binary in a real terminal: tmux runs `nianbao tui` at 80×24, keys are sent with
// send-keys, and each screen is read back with capture-pane.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOpenAiServer, type MockOpenAiServer } from './support/mock-openai-server.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/src/cli/main.js');
const SESSION = `nianbao-tui-${process.pid}`;
let directory = '';
let fixtures = '';
const STDERR_LOG = join(tmpdir(), `nianbao-tui-${process.pid}.stderr.log`);

// The tmux server gets a UTF-8 locale (or capture-pane prints Chinese as "_").
const TMUX_ENV = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
// A server of its own (-L): the person's tmux, and another test run's, are never touched.
const SOCKET = `nianbao-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', env: TMUX_ENV });
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Runs `nianbao tui ARGS` in a new 80×24 tmux session, then `after` in the same pane. */
function startTui(session: string, args: string, environment = '', after = 'sleep 30', language: 'zh' | 'en' = 'en') {
  // The pane's own environment is spelled out: a UTF-8 locale, a common TERM, and CI=true as CI
  // machines set it (ink draws nothing but the last frame under CI unless the command clears it).
  // stderr goes to a file, so a failure to start shows up in the test's message.
  const command = `env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color CI=true NIANBAO_LANG=${language} ${environment} ${process.execPath} ${BIN} tui ${args} 2>${STDERR_LOG}; ${after}`;
  tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', command);
  const screen = () => tmux('capture-pane', '-p', '-t', session);
  return {
    screen,
    send: (...keys: string[]) => tmux('send-keys', '-t', session, ...keys),
    async waitFor(text: string | RegExp, timeoutMs = 10_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const shown = screen();
        if ((typeof text === 'string' ? shown.includes(text) : text.test(shown)) || Date.now() > deadline) return shown;
        await pause(100);
      }
    },
  };
}

const stderrOf = () => (existsSync(STDERR_LOG) ? readFileSync(STDERR_LOG, 'utf8') : '(no stderr file)');

beforeAll(() => {
  if (!existsSync(BIN)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  directory = mkdtempSync(join(tmpdir(), 'nianbao-tui-'));
  fixtures = mkdtempSync(join(tmpdir(), 'nianbao-tui-fixtures-'));
  for (const seed of ['seed-000-lingwu-justice-2024', 'seed-003-shapotou-justice-2022', 'seed-004-lingwu-civil-affairs-2024']) {
    copyFileSync(join(ROOT, 'fixtures', seed, 'report.txt'), join(directory, `${seed}.txt`));
  }
});

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
  rmSync(directory, { recursive: true, force: true });
  rmSync(fixtures, { recursive: true, force: true });
  rmSync(STDERR_LOG, { force: true });
});

describe('nianbao tui in tmux', () => {
  it('the seeds → the 89/92 conflict and both sentences → a question → a corrected value saved as a fixture → quit, all by keyboard in 80×24', async () => {
    // In Chinese, as a person sees it by default.
    const { screen, send, waitFor } = startTui(SESSION, `${directory} --fixtures ${fixtures}`, '', 'sleep 30', 'zh');
    const list = await waitFor('nianbao · 3 份报告', 20_000);
    expect(list, `the first screen did not appear; stderr: ${stderrOf()}; tmux ${tmux('-V').trim()}`).toContain('灵武市民政局');
    expect(list.split('\n').length).toBeLessThanOrEqual(25);
    send('/', '民', '政', 'Enter');
    expect(await waitFor('筛选：民政')).toContain('nianbao · 1 份报告');
    send('Enter');
    const report = await waitFor('narrative.conflictingFigures');
    expect(report).toContain('灵武市民政局 · 2024 · 2021');
    send('Enter');
    const source = await waitFor(/原文第 \d+–\d+ 行/);
    expect(source).toContain('政务微博发布信息89条');
    expect(source).toContain('政务微博发布信息92条');
    send('Escape');
    expect(await waitFor('陈述的数字')).toContain('✗ narrative.conflictingFigures');
    // The question and the answer, every number in it checked against the report (offline here:
    // the offline reader answers from the extracted result).
    send('a');
    await waitFor('提问：灵武市民政局');
    send('微博发布了多少条？', 'Enter');
    const answer = await waitFor('需要模型');
    expect(answer).toContain('✓ 89');
    expect(answer).toContain('✓ 92');
    for (const line of answer.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    // Correct the first 微博 figure, with a reason; nothing is written before the save.
    send('Escape');
    const items = (await waitFor('陈述的数字')).split('\n');
    const at = items.findIndex((line) => line.includes('= 89'));
    send(...Array.from({ length: at - 2 }, () => 'j'), 'e');
    expect(await waitFor('新数值')).toContain('主动公开 · 微博“灵武民政”发布信息：新数值');
    send('92', 'Enter');
    await waitFor('（理由）');
    send('后文写的是92条', 'Enter');
    const edited = await waitFor('尚未写入');
    expect(edited).toContain('= 89 →92');
    // Rechecked at once: the two 微博 figures now agree.
    expect(edited.replace(/\s+/g, '')).toContain('重新检查：消除narrative.conflictingFigures');
    expect(readdirSync(fixtures)).toEqual([]);
    send('s');
    expect(await waitFor('存为已标注的样例')).toContain('修改 1');
    send('Enter');
    // The id is the agency and year as printed.
    const folder = join(fixtures, '灵武市民政局-2024');
    // The status line wraps the folder's path onto the next row.
    expect((await waitFor(/已保存\s+\//)).replace(/\s+/g, '')).toContain(`已保存${folder}`);
    const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8'));
    expect(expected.meta).toEqual({ agency: '灵武市民政局', year: 2024 });
    expect(readFileSync(join(folder, 'NOTES.md'), 'utf8')).toContain('后文写的是92条');

    const running = () => {
      try {
        // Anchored at the start: the tmux server's own command line holds the same words.
        return execFileSync('pgrep', ['-f', `^${process.execPath} ${BIN} tui ${directory} --fixtures`], { encoding: 'utf8' }).trim().length > 0;
      } catch {
        return false;
      }
    };
    expect(running()).toBe(true);
    send('q');
    await pause(800);
    expect(running(), screen()).toBe(false);
  }, 60_000);

  it('Ctrl-C in the middle of typing a value puts the terminal back: cursor shown, line mode and echo on', async () => {
    const session = `${SESSION}-ctrl-c`;
    // After the TUI, the same terminal prints its settings, as the shell would find them.
    const { send, waitFor } = startTui(session, `${directory} --fixtures ${fixtures}`, '', 'echo EXITED $?; stty -a; sleep 30');
    await waitFor('nianbao · 3 report(s)', 20_000);
    send('Enter');
    await waitFor('stated number(s)');
    send('j', 'e');
    await waitFor('new value');
    send('4', '2');
    send('C-c');
    const after = await waitFor(/EXITED \d+[\s\S]*icanon/);
    expect(after).toMatch(/EXITED 0/);
    expect(after).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(after).toMatch(/(^|\s)echo(\s|$)/m);
    expect(tmux('display-message', '-p', '-t', session, '#{cursor_flag}').trim()).toBe('1');
    expect(readdirSync(fixtures).filter((name) => !name.startsWith('灵武市民政局'))).toEqual([]);
  }, 60_000);

  describe('with a model', () => {
    let mock: MockOpenAiServer;
    beforeAll(async () => {
      mock = await startMockOpenAiServer({
        respond: () => ({
          json: {
            answer: '全年受理申请2条，另有 7 条。',
            citations: [{ value: 2, quote: '全年受理公民提出的政府信息公开申请2条' }],
          },
        }),
      });
    });
    afterAll(async () => {
      await mock.close();
    });

    it('a question goes over HTTP to the configured endpoint with the report; the answer is checked on screen', async () => {
      const session = `${SESSION}-model`;
      const { send, waitFor } = startTui(session, `${directory}/seed-004-lingwu-civil-affairs-2024.txt`, `OPENAI_BASE_URL=${mock.url} OPENAI_API_KEY=sk-test-tui-9Kq NIANBAO_MODEL=gpt-test`);
      await waitFor('nianbao · 1 report(s)', 20_000);
      send('Enter');
      await waitFor('stated number(s)');
      send('a');
      expect(await waitFor('openai:gpt-test')).toContain('ask about 灵武市民政局');
      send('收到多少申请？', 'Enter');
      const answer = await waitFor('✓ 2');
      expect(answer, stderrOf()).toContain('全年受理申请2条，另有 7⚠ 条。');
      expect(answer).toContain('1 number(s) without a quote found in the report');
      const request = mock.requests.at(-1)!;
      expect(request.body?.stream).toBe(true);
      expect(String(request.body?.messages?.[1]?.content)).toContain('全年受理公民提出的政府信息公开申请2条');
      expect(request.body?.messages?.at(-1)).toMatchObject({ role: 'user', content: '收到多少申请？' });
      send('Escape');
      await waitFor('stated number(s)');
      send('q');
    }, 60_000);
  });
});
