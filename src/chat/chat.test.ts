// The chat's core: quotes checked against the report, the answer shown while it streams, the
// offline answers. The model side runs against the mock endpoint over a real socket.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOpenAiServer, type MockOpenAiServer } from '../../test/support/mock-openai-server.mjs';
import { loadPrompt } from '../extract/prompt.js';
import { documentFromBytes } from '../ingest/read-document.js';
import { analyzeDocument } from '../pipeline/analyze-document.js';
import { createOpenAiClient } from '../providers/openai.js';
import { askAboutReport } from './ask.js';
import { offlineAnswer } from './offline-answer.js';
import { partialAnswerText } from './partial-answer.js';
import { verifyAnswer } from './verify-answer.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const path = join(ROOT, 'fixtures/seed-004-lingwu-civil-affairs-2024/report.txt');
const text = readFileSync(path, 'utf8');
const result = analyzeDocument(documentFromBytes(path, 'txt', new TextEncoder().encode(text)));
const marked = (answer: ReturnType<typeof verifyAnswer>) => answer.pieces.map((piece) => (piece.number && !piece.number.verified ? `${piece.text}⚠` : piece.text)).join('');

describe('verifyAnswer', () => {
  it('backs a number with a quote found in the report; marks a quote not in it, a quote without the number, and a bare number', () => {
    const answer = verifyAnswer(
      {
        answer: '微博发布了89条，后文又说92条；另有 17 条和 5 件。',
        citations: [
          { value: 89, quote: '“灵武民政”政务微博发布信息89条' },
          { value: 92, quote: '政务微博发布信息92条（编造）' },
          { value: 17, quote: '“灵武民政”政务微博发布信息89条' },
        ],
      },
      text,
    );
    expect(answer.citations.map((citation) => citation.verified)).toEqual([true, false, false]);
    expect(text.slice(answer.citations[0]!.span!.start, answer.citations[0]!.span!.end)).toContain('政务微博发布信息89条');
    expect(marked(answer)).toBe('微博发布了89条，后文又说92⚠条；另有 17⚠ 条和 5⚠ 件。');
    expect(answer.unverified).toBe(3);
  });

  it('takes the numbers of the question and the report year as given, and skips table and list references', () => {
    const answer = verifyAnswer({ answer: '2024年表3第2行写的是 89，statements.2.count 来自 1.属于国家秘密。', citations: [] }, text, [89, 2024]);
    expect(answer.unverified).toBe(0);
    expect(answer.pieces.filter((piece) => piece.number).map((piece) => piece.text)).toEqual(['2024', '89']);
  });
});

describe('partialAnswerText', () => {
  it('decodes the answer field as far as it has arrived, never past a cut-off escape', () => {
    const whole = JSON.stringify({ answer: '第一行\n“灵武民政”说 "89" 条\\ok \u00e9', citations: [] });
    const answer = JSON.parse(whole).answer as string;
    let previous = '';
    for (let end = 0; end <= whole.length; end += 1) {
      const shown = partialAnswerText(whole.slice(0, end));
      expect(answer.startsWith(shown), `prefix at ${end}: ${shown}`).toBe(true);
      expect(shown.length).toBeGreaterThanOrEqual(previous.length);
      previous = shown;
    }
    expect(previous).toBe(answer);
    expect(partialAnswerText('{"answer":"a\\u00')).toBe('a');
  });
});

describe('askAboutReport with a model', () => {
  let mock: MockOpenAiServer;
  beforeAll(async () => {
    mock = await startMockOpenAiServer({ respond: () => ({ json: {} }) });
  });
  afterAll(async () => {
    await mock.close();
  });

  it('streams the answer, sends the report and its findings, and checks every number', async () => {
    const reply = {
      answer: '报告前文说政务微博发布信息89条，后文说92条，所以被标记为前后不一。全年共有 3 条。',
      citations: [
        { value: 89, quote: '“灵武民政”政务微博发布信息89条' },
        { value: 92, quote: '通过“灵武民政”政务微博发布信息92条' },
      ],
    };
    mock.respondWith(() => ({ json: reply }));
    const client = createOpenAiClient({ apiKey: 'sk-test-chat-5Hq2', baseUrl: mock.url, model: 'gpt-test' });
    const prompt = await loadPrompt(join(ROOT, 'prompts'), 'chat', 'v1');
    const shown: string[] = [];
    const answer = await askAboutReport({ client, prompt, result, text, history: [{ question: '这是哪个机关？', answer: '灵武市民政局。' }], question: '为什么微博的数字被标记？', onAnswerText: (soFar) => shown.push(soFar) });

    const body = mock.requests.at(-1)!.body!;
    expect(body.stream).toBe(true);
    expect(body.response_format?.json_schema?.name).toBe('report_answer');
    expect(body.response_format?.json_schema?.strict).toBe(true);
    const sent = body.messages!.map((message) => String(message.content)).join('\n');
    expect(sent).toContain('通过“灵武民政”政务微博发布信息92条');
    expect(sent).toContain('narrative.conflictingFigures');
    expect(sent).toContain('表三 一、本年新收政府信息公开申请数量: 自然人 2');
    expect(body.messages!.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
    // More than one step of the answer was shown before it was complete.
    expect(new Set(shown).size).toBeGreaterThan(3);
    expect(shown.at(-1)).toBe(reply.answer);
    expect(answer.by).toBe('openai:gpt-test');
    expect(marked(answer.answer)).toBe('报告前文说政务微博发布信息89条，后文说92条，所以被标记为前后不一。全年共有 3⚠ 条。');
  });

  it('an answer that is not the schema is an error naming the problem', async () => {
    mock.respondWith(() => ({ content: 'I think 89.' }));
    const client = createOpenAiClient({ apiKey: 'sk-test-chat-5Hq2', baseUrl: mock.url, model: 'gpt-test', responseFormat: 'json_schema' });
    const prompt = await loadPrompt(join(ROOT, 'prompts'), 'chat', 'v1');
    await expect(askAboutReport({ client, prompt, result, text, history: [], question: '?' })).rejects.toThrow(/not JSON/);
  });
});

describe('offlineAnswer', () => {
  it('answers from the extracted result with the report\'s own words, in the language asked, and says a model is needed', () => {
    const chinese = offlineAnswer(result, text, '政务微博发布了多少条信息？');
    const shown = marked(chinese.answer);
    expect(shown).toContain('政务微博发布信息89条');
    expect(shown).toContain('政务微博发布信息92条');
    expect(shown).toContain('narrative.conflictingFigures');
    expect(shown).toContain('需要模型');
    expect(chinese.answer.unverified).toBe(0);
    expect(chinese.by).toBe('offline');

    const english = marked(offlineAnswer(result, text, 'how many applications were received?').answer);
    expect(english).toContain('表三 一、本年新收政府信息公开申请数量：自然人 2');
    expect(english).toContain('needs a model');
  });

  it('says when nothing matches', () => {
    expect(marked(offlineAnswer(result, text, '天气怎么样').answer)).toContain('没有找到');
  });
});
