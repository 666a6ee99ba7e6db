// One LlmClient contract run against fake, withCache(fake) over both stores and withCache(openai) over
// the loopback mock (style guide §13), then what only the cache promises.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOpenAiServer, type MockOpenAiServer } from '../../test/support/mock-openai-server.mjs';
import { AppError, ProviderError } from '../errors.js';
import { APPLICATIONS_ANSWER, APPLICATIONS_REQUEST, APPLICATIONS_SCHEMA } from './__fixtures__/applications-request.js';
import { cacheKey, createFileCacheStore, createMemoryCacheStore, withCache, type CacheStore } from './cached.js';
import { createFakeClient } from './fake.js';
import type { CompletionRequest, LlmClient } from './llm-client.js';
import { createOpenAiClient } from './openai.js';

const API_KEY = 'sk-proj-nianbao-cache-test-5Fv8LqR2xZ';

let mock: MockOpenAiServer;
let scratch: string;
beforeAll(async () => {
  mock = await startMockOpenAiServer({ respond: () => ({ json: APPLICATIONS_ANSWER }) });
  scratch = await mkdtemp(join(tmpdir(), 'nianbao-cache-test-'));
});
afterAll(async () => {
  await mock.close();
  await rm(scratch, { recursive: true, force: true });
});

let directories = 0;
function freshDirectory(): string {
  directories += 1;
  return join(scratch, `store-${directories}`);
}

function withUserText(text: string, request: CompletionRequest = APPLICATIONS_REQUEST): CompletionRequest {
  return { ...request, messages: [...request.messages.slice(0, -1), { role: 'user', content: text }] };
}

function lastUserText(messages: ReadonlyArray<{ readonly role: string; readonly content: unknown }> | undefined): string {
  return String(messages?.filter((message) => message.role === 'user').at(-1)?.content ?? '');
}

/** Answers with this text, or fails, given the last user message. */
type Script = (userText: string) => string | 'fail';
type Subject = { readonly client: LlmClient; readonly calls: () => number };

function fakeSubject(script: Script): Subject {
  const fake = createFakeClient({
    responses: (request) => {
      const answer = script(lastUserText(request.messages));
      return answer === 'fail' ? new ProviderError('the LLM endpoint fake failed: 500', 500) : answer;
    },
  });
  return { client: fake, calls: () => fake.calls.length };
}

const SUBJECTS: ReadonlyArray<readonly [string, (script: Script) => Promise<Subject>]> = [
  ['fake', async (script) => fakeSubject(script)],
  [
    'withCache(fake, memory)',
    async (script) => {
      const subject = fakeSubject(script);
      return { ...subject, client: withCache(subject.client, createMemoryCacheStore()) };
    },
  ],
  [
    'withCache(fake, file)',
    async (script) => {
      const subject = fakeSubject(script);
      return { ...subject, client: withCache(subject.client, createFileCacheStore(freshDirectory())) };
    },
  ],
  [
    'withCache(openai over the loopback mock, file)',
    async (script) => {
      mock.respondWith((request) => {
        const answer = script(lastUserText(request.body?.messages));
        return answer === 'fail' ? { status: 500 } : { content: answer };
      });
      const client = createOpenAiClient({ apiKey: API_KEY, baseUrl: mock.url, model: 'gpt-4o-mini', maxRetries: 0 });
      return { client: withCache(client, createFileCacheStore(freshDirectory())), calls: () => mock.chatRequests().length };
    },
  ],
];

describe.each(SUBJECTS)('LlmClient contract: %s', (_name, createSubject) => {
  it('answers with the text, usage, finish reason and response format', async () => {
    const { client } = await createSubject(() => JSON.stringify(APPLICATIONS_ANSWER));

    const response = await client.complete(APPLICATIONS_REQUEST);

    expect(response.text).toBe(JSON.stringify(APPLICATIONS_ANSWER));
    expect(response.usage.inputTokens).toBeGreaterThan(0);
    expect(response.usage.outputTokens).toBeGreaterThan(0);
    expect(response.finishReason).toBe('stop');
    expect(response.refusal).toBeNull();
    expect(['json_schema', 'json_object', 'tool']).toContain(response.responseFormat);
    expect(response.cached).not.toBe(true);
  });

  it('answers each request on its own', async () => {
    const { client } = await createSubject((userText) => JSON.stringify({ echoed: userText }));

    const first = await client.complete(withUserText('共计81件'));
    const second = await client.complete(withUserText('未收到'));

    expect([first.text, second.text]).toEqual([JSON.stringify({ echoed: '共计81件' }), JSON.stringify({ echoed: '未收到' })]);
  });

  it('gives the same answer to the same request', async () => {
    const { client } = await createSubject(() => JSON.stringify(APPLICATIONS_ANSWER));

    const first = await client.complete(APPLICATIONS_REQUEST);
    const second = await client.complete(APPLICATIONS_REQUEST);

    expect(second.text).toBe(first.text);
    expect(second.usage).toEqual(first.usage);
  });

  it('rejects with a ProviderError when the model fails, and the failure is not remembered', async () => {
    let failing = true;
    const { client, calls } = await createSubject(() => (failing ? 'fail' : JSON.stringify(APPLICATIONS_ANSWER)));

    await expect(client.complete(APPLICATIONS_REQUEST)).rejects.toThrow(ProviderError);
    failing = false;
    const response = await client.complete(APPLICATIONS_REQUEST);

    expect(response.text).toBe(JSON.stringify(APPLICATIONS_ANSWER));
    expect(calls()).toBe(2);
  });
});

const STORES: ReadonlyArray<readonly [string, () => Promise<CacheStore>]> = [
  ['memory', async () => createMemoryCacheStore()],
  ['file', async () => createFileCacheStore(freshDirectory())],
];

describe.each(STORES)('withCache over the %s store', (_name, createStore) => {
  it('answers a repeated request from the cache without calling the model', async () => {
    const fake = createFakeClient({ responses: JSON.stringify(APPLICATIONS_ANSWER) });
    const client = withCache(fake, await createStore());

    const first = await client.complete(APPLICATIONS_REQUEST);
    const second = await client.complete(APPLICATIONS_REQUEST);

    expect(fake.calls).toHaveLength(1);
    expect(first.cached).not.toBe(true);
    expect(second).toEqual({ ...first, cached: true });
  });

  const schemaWithExtraProperty = {
    ...APPLICATIONS_SCHEMA,
    properties: { ...APPLICATIONS_SCHEMA.properties, carriedForward: { anyOf: [{ type: 'number' }, { type: 'null' }] } },
    required: [...APPLICATIONS_SCHEMA.required, 'carriedForward'],
  };
  const VARIANTS: ReadonlyArray<readonly [string, { readonly model?: string; readonly request: CompletionRequest }]> = [
    ['another model', { model: 'gpt-4.1-mini', request: APPLICATIONS_REQUEST }],
    ['another report text', { request: withUserText('2023年全区接收政府信息公开申请共计82件。') }],
    [
      'another prompt version',
      { request: { ...APPLICATIONS_REQUEST, messages: [{ role: 'system', content: '只回答 JSON。' }, ...APPLICATIONS_REQUEST.messages.slice(1)] } },
    ],
    ['another schema', { request: { ...APPLICATIONS_REQUEST, jsonSchema: { name: 'applications', schema: schemaWithExtraProperty } } }],
    ['another schema name', { request: { ...APPLICATIONS_REQUEST, jsonSchema: { ...APPLICATIONS_REQUEST.jsonSchema, name: 'applications_v2' } } }],
  ];

  it.each(VARIANTS)('calls the model again for %s', async (_variant, { model, request }) => {
    const store = await createStore();
    const original = createFakeClient({ responses: 'first' });
    const variant = createFakeClient({ responses: 'second', ...(model ? { model } : {}) });
    await withCache(original, store).complete(APPLICATIONS_REQUEST);

    const response = await withCache(variant, store).complete(request);

    expect(variant.calls).toHaveLength(1);
    expect(response).toMatchObject({ text: 'second' });
    expect(response.cached).not.toBe(true);
    expect(cacheKey(variant, request)).not.toBe(cacheKey(original, APPLICATIONS_REQUEST));
  });

  it('with replayOnly, a miss is a cache-miss AppError and makes no call', async () => {
    const fake = createFakeClient({ responses: 'never sent' });

    const error = await withCache(fake, await createStore(), { replayOnly: true })
      .complete(APPLICATIONS_REQUEST)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('cache-miss');
    expect((error as AppError).message).toContain('fake:fake-model');
    expect(fake.calls).toHaveLength(0);
  });

  it('with replayOnly, a hit answers without a call', async () => {
    const store = await createStore();
    await withCache(createFakeClient({ responses: 'recorded' }), store).complete(APPLICATIONS_REQUEST);
    const replaying = createFakeClient({ responses: 'never sent' });

    const response = await withCache(replaying, store, { replayOnly: true }).complete(APPLICATIONS_REQUEST);

    expect(response).toMatchObject({ text: 'recorded', cached: true });
    expect(replaying.calls).toHaveLength(0);
  });
});

describe('createFileCacheStore', () => {
  it('keeps answers for a new store instance on the same directory', async () => {
    const directory = freshDirectory();
    await withCache(createFakeClient({ responses: 'recorded' }), createFileCacheStore(directory)).complete(APPLICATIONS_REQUEST);
    const later = createFakeClient({ responses: 'never sent' });

    const response = await withCache(later, createFileCacheStore(directory)).complete(APPLICATIONS_REQUEST);

    expect(response).toMatchObject({ text: 'recorded', cached: true });
    expect(later.calls).toHaveLength(0);
  });

  it('writes no API key, and a client with another key replays the same answers', async () => {
    const directory = freshDirectory();
    mock.respondWith(() => ({ json: APPLICATIONS_ANSWER }));
    const recording = createOpenAiClient({ apiKey: API_KEY, baseUrl: mock.url, model: 'gpt-4o-mini', maxRetries: 0 });
    await withCache(recording, createFileCacheStore(directory)).complete(APPLICATIONS_REQUEST);
    expect(mock.requests[0]!.headers.authorization === `Bearer ${API_KEY}`, 'the key was sent').toBe(true);

    const files = await listFiles(directory);
    expect(files).toHaveLength(1);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      expect(text.includes(API_KEY), `${file} contains the API key`).toBe(false);
      expect(text).not.toMatch(/sk-proj|Bearer|authorization/i);
    }

    const replaying = createOpenAiClient({ apiKey: 'sk-another-key-0000', baseUrl: mock.url, model: 'gpt-4o-mini', maxRetries: 0 });
    const response = await withCache(replaying, createFileCacheStore(directory), { replayOnly: true }).complete(APPLICATIONS_REQUEST);
    expect(response).toMatchObject({ text: JSON.stringify(APPLICATIONS_ANSWER), cached: true });
    expect(mock.requests).toHaveLength(1);
  });
});

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
