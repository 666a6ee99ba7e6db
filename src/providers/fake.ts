import type { CompletionRequest, CompletionResponse, LlmClient } from './llm-client.js';

type Scripted = string | Partial<CompletionResponse> | Error;

export type FakeClient = LlmClient & { readonly calls: CompletionRequest[] };

/**
 * A scripted client for tests: one response for every call, one per call in order, or a function
 * of the request. Records every request in `calls`.
 */
export function createFakeClient(options: {
  readonly responses: Scripted | readonly Scripted[] | ((request: CompletionRequest, index: number) => Scripted);
  readonly model?: string;
}): FakeClient {
  const calls: CompletionRequest[] = [];
  return {
    provider: 'fake',
    model: options.model ?? 'fake-model',
    calls,
    async complete(request) {
      calls.push(request);
      const index = calls.length - 1;
      const responses = options.responses;
      const scripted =
        typeof responses === 'function'
          ? responses(request, index)
          : Array.isArray(responses)
            ? responses[Math.min(index, responses.length - 1)]!
            : (responses as Scripted);
      if (scripted instanceof Error) throw scripted;
      const response = typeof scripted === 'string' ? { text: scripted } : scripted;
      return {
        text: '',
        usage: { inputTokens: 100, outputTokens: 50 },
        finishReason: 'stop',
        refusal: null,
        responseFormat: 'json_schema',
        ...response,
      };
    },
  };
}
