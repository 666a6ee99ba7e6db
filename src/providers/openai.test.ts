// createOpenAiClient against a scripted OpenAI-compatible endpoint on 127.0.0.1 (a real socket, the real SDK).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateTokens, startMockOpenAiServer, type MockOpenAiServer } from '../../test/support/mock-openai-server.mjs';
import { ProviderError } from '../errors.js';
import { APPLICATIONS_ANSWER, APPLICATIONS_REQUEST, APPLICATIONS_SCHEMA } from './__fixtures__/applications-request.js';
import { createOpenAiClient, type OpenAiClientOptions } from './openai.js';

const API_KEY = 'sk-test-nianbao-7Hq2mZ9vXw';
const MODEL = 'gpt-4o-mini';

let mock: MockOpenAiServer;
beforeAll(async () => {
  mock = await startMockOpenAiServer({ respond: () => ({ json: APPLICATIONS_ANSWER }) });
});
afterAll(async () => {
  await mock.close();
});

function createClient(options: Partial<OpenAiClientOptions> = {}) {
  return createOpenAiClient({ apiKey: API_KEY, baseUrl: mock.url, model: MODEL, ...options });
}

function bodyOf(index: number) {
  const body = mock.requests[index]?.body;
  if (!body) throw new Error(`the mock received no JSON request #${index}`);
  return body;
}

describe('createOpenAiClient', () => {
  it('sends the messages, the schema as strict json_schema, temperature 0, the model and the key', async () => {
    mock.respondWith(() => ({ json: APPLICATIONS_ANSWER, usage: { prompt_tokens: 412, completion_tokens: 37 } }));

    const response = await createClient().complete(APPLICATIONS_REQUEST);

    expect(mock.requests).toHaveLength(1);
    const request = mock.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization === `Bearer ${API_KEY}`, 'Authorization: Bearer <key>').toBe(true);
    expect(request.body).toEqual({
      model: MODEL,
      messages: APPLICATIONS_REQUEST.messages,
      response_format: { type: 'json_schema', json_schema: { name: 'applications', schema: APPLICATIONS_SCHEMA, strict: true } },
      temperature: 0,
    });
    expect(response).toEqual({
      text: JSON.stringify(APPLICATIONS_ANSWER),
      usage: { inputTokens: 412, outputTokens: 37 },
      finishReason: 'stop',
      refusal: null,
      responseFormat: 'json_schema',
    });
  });

  it('maps the usage the endpoint reports', async () => {
    mock.respondWith(() => ({ json: APPLICATIONS_ANSWER }));

    const response = await createClient().complete(APPLICATIONS_REQUEST);

    // The mock counts about four characters per token of the raw request body and of the answer.
    expect(response.usage).toEqual({
      inputTokens: estimateTokens(mock.requests[0]!.rawBody),
      outputTokens: estimateTokens(JSON.stringify(APPLICATIONS_ANSWER)),
    });
  });

  it('returns malformed JSON unchanged: validation belongs to extract/', async () => {
    const malformed = '{"received": 81, "answered": 81, "quote": "2023年全区接收';
    mock.respondWith(() => ({ content: malformed, finishReason: 'length' }));

    const response = await createClient().complete(APPLICATIONS_REQUEST);

    expect(response.text).toBe(malformed);
    expect(response.finishReason).toBe('length');
    expect(response.refusal).toBeNull();
  });

  it('returns a refusal in `refusal`, with empty text', async () => {
    mock.respondWith(() => ({ refusal: "I'm sorry, but I can't assist with that request." }));

    const response = await createClient().complete(APPLICATIONS_REQUEST);

    expect(response).toMatchObject({ text: '', refusal: "I'm sorry, but I can't assist with that request.", finishReason: 'stop' });
  });

  it('waits as long as retry-after says after a 429, then succeeds', async () => {
    mock.respondWith((_request, index) => (index === 0 ? { status: 429, retryAfterSeconds: 1 } : { json: APPLICATIONS_ANSWER }));

    const response = await createClient({ maxRetries: 2 }).complete(APPLICATIONS_REQUEST);

    expect(response.text).toBe(JSON.stringify(APPLICATIONS_ANSWER));
    expect(mock.requests).toHaveLength(2);
    expect(mock.requests[1]!.headers['x-stainless-retry-count']).toBe('1');
    // Without retry-after the SDK would wait under 500 ms; libuv timers may fire a millisecond early.
    expect(mock.requests[1]!.receivedAt - mock.requests[0]!.receivedAt).toBeGreaterThanOrEqual(990);
  });

  it('retries a 500 and succeeds', async () => {
    mock.respondWith((_request, index) => (index === 0 ? { status: 500 } : { json: APPLICATIONS_ANSWER }));

    const response = await createClient({ maxRetries: 2 }).complete(APPLICATIONS_REQUEST);

    expect(response.text).toBe(JSON.stringify(APPLICATIONS_ANSWER));
    expect(mock.requests).toHaveLength(2);
    expect(bodyOf(1)).toEqual(bodyOf(0));
  });

  it('rejects with a ProviderError naming the endpoint and model after the retries run out, without the key', async () => {
    // Some gateways echo the credential in their error text; the message must not pass it on.
    mock.respondWith(() => ({ status: 500, retryAfterMs: 10, message: `upstream failed for Bearer ${API_KEY}` }));

    const error = await createClient({ maxRetries: 2 })
      .complete(APPLICATIONS_REQUEST)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProviderError);
    const providerError = error as ProviderError;
    expect(providerError.status).toBe(500);
    expect(providerError.code).toBe('provider');
    expect(providerError.message).toContain(mock.url);
    expect(providerError.message).toContain(MODEL);
    expect(providerError.message.includes(API_KEY), 'the message contains the API key').toBe(false);
    expect(mock.requests).toHaveLength(3);
  });

  it('rejects with a ProviderError when the endpoint does not answer within timeoutMs', async () => {
    mock.respondWith(() => ({ delayMs: 5_000, json: APPLICATIONS_ANSWER }));

    const started = performance.now();
    const error = await createClient({ timeoutMs: 300, maxRetries: 0 })
      .complete(APPLICATIONS_REQUEST)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).message).toMatch(/did not answer within 300 ms/);
    expect((error as ProviderError).status).toBeNull();
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(mock.requests).toHaveLength(1);
  });

  describe('response formats', () => {
    const unsupported = { status: 400, message: 'response_format json_schema is not supported' } as const;

    it("falls back to json_object with the schema in a system message under 'auto', and stays there", async () => {
      mock.respondWith((request) => (request.body?.response_format?.type === 'json_schema' ? unsupported : { json: APPLICATIONS_ANSWER }));
      const client = createClient({ responseFormat: 'auto' });

      const first = await client.complete(APPLICATIONS_REQUEST);

      expect(mock.requests).toHaveLength(2);
      expect(bodyOf(0).response_format?.type).toBe('json_schema');
      expect(bodyOf(1).response_format).toEqual({ type: 'json_object' });
      expect(bodyOf(1).messages).toEqual([
        ...APPLICATIONS_REQUEST.messages,
        { role: 'system', content: expect.stringContaining(JSON.stringify(APPLICATIONS_SCHEMA)) },
      ]);
      expect(first).toMatchObject({ text: JSON.stringify(APPLICATIONS_ANSWER), responseFormat: 'json_object' });

      const second = await client.complete(APPLICATIONS_REQUEST);

      expect(mock.requests).toHaveLength(3);
      expect(bodyOf(2).response_format).toEqual({ type: 'json_object' });
      expect(second.responseFormat).toBe('json_object');
    });

    it("'auto' is the default", async () => {
      mock.respondWith((request) => (request.body?.response_format?.type === 'json_schema' ? unsupported : { json: APPLICATIONS_ANSWER }));

      const response = await createClient().complete(APPLICATIONS_REQUEST);

      expect(response.responseFormat).toBe('json_object');
      expect(mock.requests).toHaveLength(2);
    });

    it("'json_object' never sends json_schema", async () => {
      mock.respondWith(() => ({ json: APPLICATIONS_ANSWER }));
      const client = createClient({ responseFormat: 'json_object' });

      await client.complete(APPLICATIONS_REQUEST);
      const response = await client.complete(APPLICATIONS_REQUEST);

      expect(mock.requests.map((request) => request.body?.response_format)).toEqual([{ type: 'json_object' }, { type: 'json_object' }]);
      expect(mock.requests.some((request) => request.rawBody.includes('json_schema'))).toBe(false);
      expect(bodyOf(0).messages?.at(-1)).toEqual({ role: 'system', content: expect.stringContaining(JSON.stringify(APPLICATIONS_SCHEMA)) });
      expect(response.responseFormat).toBe('json_object');
    });

    it("'json_schema' does not fall back: the 400 is a ProviderError", async () => {
      mock.respondWith(() => unsupported);

      const error = await createClient({ responseFormat: 'json_schema' })
        .complete(APPLICATIONS_REQUEST)
        .catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).status).toBe(400);
      expect((error as ProviderError).message).toContain('response_format json_schema is not supported');
      expect(mock.requests).toHaveLength(1);
    });
  });
});
