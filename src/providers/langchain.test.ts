// createLangchainClient (initChatModel "openai:…" → @langchain/openai ChatOpenAI) against the scripted
// OpenAI-compatible endpoint on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOpenAiServer, type MockOpenAiServer } from '../../test/support/mock-openai-server.mjs';
import { ProviderError } from '../errors.js';
import { APPLICATIONS_ANSWER, APPLICATIONS_REQUEST, APPLICATIONS_SCHEMA } from './__fixtures__/applications-request.js';
import { createLangchainClient, type LangchainClientOptions } from './langchain.js';

const API_KEY = 'test-key';

let mock: MockOpenAiServer;
beforeAll(async () => {
  mock = await startMockOpenAiServer({ respond: () => ({ json: APPLICATIONS_ANSWER }) });
});
afterAll(async () => {
  await mock.close();
});

// maxRetries 0: LangChain's own retries back off 1-2 s each.
function createClient(options: Partial<LangchainClientOptions> = {}) {
  return createLangchainClient({ model: 'openai:gpt-4o-mini', apiKey: API_KEY, baseUrl: mock.url, maxRetries: 0, ...options });
}

describe('createLangchainClient', () => {
  it('returns the parsed JSON as text with the usage mapped', async () => {
    mock.respondWith(() => ({ json: APPLICATIONS_ANSWER, usage: { prompt_tokens: 412, completion_tokens: 37 } }));

    const response = await createClient().complete(APPLICATIONS_REQUEST);

    expect(JSON.parse(response.text)).toEqual(APPLICATIONS_ANSWER);
    expect(response.usage).toEqual({ inputTokens: 412, outputTokens: 37 });
    expect(response.finishReason).toBe('stop');
    expect(response.refusal).toBeNull();
  });

  it('sends the schema as response_format json_schema for gpt-4o-mini, with the messages, temperature 0 and the key', async () => {
    mock.respondWith(() => ({ json: APPLICATIONS_ANSWER }));

    await createClient().complete(APPLICATIONS_REQUEST);

    expect(mock.requests).toHaveLength(1);
    const request = mock.requests[0]!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization === `Bearer ${API_KEY}`, 'Authorization: Bearer <key>').toBe(true);
    // ChatOpenAI.withStructuredOutput picks method "jsonSchema" for every model but gpt-3*, gpt-4 and
    // gpt-4-*: response_format json_schema, no tools. nianbao asks for `strict: true`.
    expect(request.body).toMatchObject({
      model: 'gpt-4o-mini',
      temperature: 0,
      messages: APPLICATIONS_REQUEST.messages,
      response_format: { type: 'json_schema', json_schema: { name: 'applications', schema: APPLICATIONS_SCHEMA, strict: true } },
    });
    expect(request.body?.tools).toBeUndefined();
  });

  it('sends the schema as a forced tool for gpt-4-turbo and reads the JSON from the tool call', async () => {
    mock.respondWith(() => ({ json: APPLICATIONS_ANSWER, usage: { prompt_tokens: 300, completion_tokens: 40 } }));

    const response = await createClient({ model: 'openai:gpt-4-turbo' }).complete(APPLICATIONS_REQUEST);

    const body = mock.requests[0]!.body;
    expect(body?.tools).toEqual([{ type: 'function', function: { name: 'applications', description: '', parameters: APPLICATIONS_SCHEMA, strict: true } }]);
    expect(body?.tool_choice).toEqual({ type: 'function', function: { name: 'applications' } });
    expect(body?.response_format).toBeUndefined();
    expect(JSON.parse(response.text)).toEqual(APPLICATIONS_ANSWER);
    expect(response).toMatchObject({ usage: { inputTokens: 300, outputTokens: 40 }, finishReason: 'tool_calls' });
  });

  it('rejects with a ProviderError carrying the status when the endpoint keeps failing, without the key', async () => {
    mock.respondWith(() => ({ status: 500, message: `upstream failed for Bearer ${API_KEY}` }));

    const error = await createClient()
      .complete(APPLICATIONS_REQUEST)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProviderError);
    const providerError = error as ProviderError;
    expect(providerError.status).toBe(500);
    expect(providerError.message).toContain('openai:gpt-4o-mini');
    expect(providerError.message.includes(API_KEY), 'the message contains the API key').toBe(false);
    expect(mock.requests).toHaveLength(1);
  });
});
