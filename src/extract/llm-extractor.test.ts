// Narrative extraction against a mock OpenAI-compatible server over a real socket: what is sent,
// and every fault the endpoint can produce. Seed 004 (灵武市民政局 2024) is the report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOpenAiServer, type MockOpenAiServer as MockServer } from '../../test/support/mock-openai-server.mjs';
import { ExtractionError, ProviderError } from '../errors.js';
import { documentFromBytes } from '../ingest/read-document.js';
import { analyzeWithExtractor } from '../pipeline/read-report.js';
import { createMemoryCacheStore, withCache } from '../providers/cached.js';
import { createOpenAiClient } from '../providers/openai.js';
import { expectedSchema } from '../report/schemas.js';
import { createLlmExtractor } from './llm-extractor.js';
import { narrativeJsonSchema } from './narrative-json-schema.js';
import { loadPrompt } from './prompt.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SEED = join(ROOT, 'fixtures/seed-004-lingwu-civil-affairs-2024');
const document = documentFromBytes('report.txt', 'txt', readFileSync(join(SEED, 'report.txt')));
// A valid answer: the hand label of the report's narrative.
const LABEL = expectedSchema.parse(JSON.parse(readFileSync(join(SEED, 'expected.json'), 'utf8'))).narrative!;
const API_KEY = 'sk-test-extractor-0123456789';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockOpenAiServer({ respond: () => ({ json: LABEL }) });
});
afterAll(async () => mock.close());

async function extractWith(respond: Parameters<MockServer['respondWith']>[0], options: { maxAttempts?: number; timeoutMs?: number } = {}) {
  mock.respondWith(respond);
  const client = createOpenAiClient({ apiKey: API_KEY, baseUrl: mock.url, model: 'gpt-4.1-mini', maxRetries: 0, timeoutMs: options.timeoutMs ?? 10_000 });
  const prompt = await loadPrompt(join(ROOT, 'prompts'), 'narrative', 'v2');
  const extractor = createLlmExtractor({ client, prompt, maxAttempts: options.maxAttempts ?? 3 });
  return analyzeWithExtractor(document, { extractor });
}

describe('LLM narrative extraction', () => {
  it('sends the strict JSON Schema and only the narrative, and grounds the answer', async () => {
    const result = await extractWith(() => ({ json: LABEL, usage: { prompt_tokens: 4000, completion_tokens: 600 } }));
    expect(mock.requests).toHaveLength(1);
    const body = mock.requests[0]!.body!;
    expect(body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'narrative', schema: narrativeJsonSchema().schema, strict: true } });
    const sent = JSON.stringify(body.messages);
    expect(sent).toContain('“灵武民政”政务微博发布信息89条');
    // The tables are never sent: a table-3 row label and the table-2 header do not appear.
    const lastUser = body.messages!.at(-1)!.content as string;
    expect(lastUser).not.toContain('本年新收政府信息公开申请数量');
    expect(lastUser).not.toContain('本年制发件数');
    expect(result.narrative?.extractor).toMatchObject({ provider: 'openai', model: 'gpt-4.1-mini', promptVersion: 'narrative/v2' });
    expect(result.narrative?.usage).toMatchObject({ inputTokens: 4000, outputTokens: 600, attempts: 1, cached: false });
    expect(result.narrative?.usage.costUsd).toBeCloseTo((4000 * 0.4 + 600 * 1.6) / 1e6, 10);
    expect(result.narrative!.input.tokens).toBeLessThan(result.narrative!.input.wholeReportTokens!);
    expect(result.narrative?.facts.applications.statements[0]).toMatchObject({ measure: 'received', count: { value: 2, grounded: true } });
    expect(result.findings.map((finding) => finding.id)).toContain('narrative.conflictingFigures');
  });

  it('schema-invalid JSON: asks again with the validation issues, counting both attempts', async () => {
    const invalid = { ...LABEL, fee: { statements: [{ ...LABEL.fee.statements[0]!, count: { value: 'zero', quote: 'x', year: null } }] } };
    const result = await extractWith((_request, index) => (index === 0 ? { json: invalid, usage: { prompt_tokens: 10, completion_tokens: 5 } } : { json: LABEL, usage: { prompt_tokens: 20, completion_tokens: 7 } }));
    expect(mock.requests).toHaveLength(2);
    const retry = mock.requests[1]!.body!.messages!;
    expect(retry.at(-2)).toMatchObject({ role: 'assistant', content: JSON.stringify(invalid) });
    expect(String(retry.at(-1)!.content)).toMatch(/fee\.statements\.0\.count\.value/);
    expect(result.narrative?.usage).toMatchObject({ attempts: 2, inputTokens: 30, outputTokens: 12 });
  });

  it('malformed JSON on every attempt: ExtractionError with the raw text and the usage of every attempt', async () => {
    const error = await extractWith(() => ({ content: '{"activeDisclosure": ', usage: { prompt_tokens: 10, completion_tokens: 3 } }), { maxAttempts: 2 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExtractionError);
    expect(error).toMatchObject({ rawText: '{"activeDisclosure": ', usage: { attempts: 2, inputTokens: 20, outputTokens: 6 } });
    expect((error as ExtractionError).issues[0]).toMatch(/not valid JSON/);
    expect(mock.requests).toHaveLength(2);
  });

  it('a refusal is an ExtractionError naming it, without retrying', async () => {
    await expect(extractWith(() => ({ refusal: 'I cannot help with that.' }))).rejects.toThrow(/refused to answer: I cannot help with that/);
    expect(mock.requests).toHaveLength(1);
  });

  it('a quote that is not in the report: the number is kept, marked ungrounded, and raises narrative.ungrounded', async () => {
    const invented = { ...LABEL, fee: { statements: [{ ...LABEL.fee.statements[0]!, count: { value: 300, quote: '本年度收取信息处理费300元', year: null } }] } };
    const result = await extractWith(() => ({ json: invented }));
    expect(result.narrative?.facts.fee.statements[0]!.count).toMatchObject({ value: 300, grounded: false, span: null });
    const finding = result.findings.find((candidate) => candidate.id === 'narrative.ungrounded');
    expect(finding).toMatchObject({ path: 'narrative.fee.amount', severity: 'warning' });
  });

  it('a quote that is in the report but lacks the number is ungrounded too', async () => {
    const received = LABEL.applications.statements[0]!;
    const wrong = { ...LABEL, applications: { statements: [{ ...received, count: { value: 7, quote: '全年受理公民提出的政府信息公开申请2条', year: null } }] } };
    const result = await extractWith(() => ({ json: wrong }));
    expect(result.narrative?.facts.applications.statements[0]!.count).toMatchObject({ value: 7, grounded: false });
    const findings = result.findings.map((finding) => `${finding.id}@${finding.path}`);
    expect(findings).toContain('narrative.ungrounded@narrative.applications.received');
    // 7 is not table 3's 2, but an ungrounded number is evidence for nothing.
    expect(findings).not.toContain('narrative.applicationsMismatch@narrative.applications.received');
  });

  // Issue 12: a model that answered for another report drove applicationsMismatch and conflictingFigures errors.
  it('an answer for another report: every number is ungrounded and raises nothing but narrative.ungrounded', async () => {
    const other = expectedSchema.parse(JSON.parse(readFileSync(join(ROOT, 'fixtures/pingtan-2023-txt/expected.json'), 'utf8'))).narrative!;
    const result = await extractWith(() => ({ json: other }));
    const narrative = result.findings.filter((finding) => finding.id.startsWith('narrative.'));
    expect(narrative.length).toBeGreaterThan(5);
    expect(new Set(narrative.map((finding) => finding.id))).toEqual(new Set(['narrative.ungrounded']));
    expect(result.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it.each([
    ['HTTP 500', { status: 500 }, /answered 500/],
    ['HTTP 429 with retry-after (no retries left)', { status: 429, retryAfterSeconds: 1 }, /answered 429/],
    ['a timeout', { delayMs: 2000, json: {} }, /did not answer within 300 ms/],
  ] as const)('%s: ProviderError naming the endpoint, never the key', async (_name, action, message) => {
    const error = await extractWith(() => action, { timeoutMs: 300 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as Error).message).toMatch(message);
    expect(JSON.stringify({ message: (error as Error).message, cause: String((error as Error).cause) })).not.toContain(API_KEY);
  });

  it('a re-run of the same input makes no call (content-addressed cache)', async () => {
    mock.respondWith(() => ({ json: LABEL }));
    const store = createMemoryCacheStore();
    const client = withCache(createOpenAiClient({ apiKey: API_KEY, baseUrl: mock.url, model: 'gpt-4.1-mini', maxRetries: 0 }), store);
    const prompt = await loadPrompt(join(ROOT, 'prompts'), 'narrative', 'v2');
    const extractor = createLlmExtractor({ client, prompt });
    const first = await analyzeWithExtractor(document, { extractor });
    const second = await analyzeWithExtractor(document, { extractor });
    expect(mock.requests).toHaveLength(1);
    expect(first.narrative?.usage.cached).toBe(false);
    // The cost is what the call cost when it was made; `cached` says this run spent nothing.
    expect(second.narrative?.usage).toMatchObject({ cached: true, costUsd: first.narrative?.usage.costUsd });
    expect(second.narrative?.facts).toEqual(first.narrative?.facts);
  });
});
