import { initChatModel } from 'langchain';
import { ProviderError } from '../errors.js';
import { redactedError } from './openai.js';
import type { CompletionResponse, LlmClient } from './llm-client.js';

export type LangchainClientOptions = {
  /** "provider:model", e.g. "anthropic:claude-sonnet-4-5", "google-genai:gemini-2.5-flash", "openai:gpt-4.1-mini". */
  readonly model: string;
  readonly apiKey?: string;
  /** For OpenAI-compatible and self-hosted endpoints. */
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
};

type RawMessage = {
  content: unknown;
  usage_metadata?: { input_tokens?: number; output_tokens?: number };
  response_metadata?: Record<string, unknown>;
  additional_kwargs?: { refusal?: unknown };
};
type StructuredResult = { raw: RawMessage; parsed: unknown };

/**
 * An LlmClient over LangChain chat models (`initChatModel` + `withStructuredOutput`), for
 * providers that do not speak the OpenAI API. The provider package (@langchain/anthropic,
 * @langchain/openai, …) is loaded by initChatModel from the model string.
 */
export function createLangchainClient(options: LangchainClientOptions): LlmClient {
  let chat: ReturnType<typeof initChatModel> | undefined;
  const model = () =>
    (chat ??= initChatModel(options.model, {
      temperature: 0,
      maxRetries: options.maxRetries ?? 3,
      timeout: options.timeoutMs ?? 120_000,
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
      ...(options.baseUrl ? { configuration: { baseURL: options.baseUrl }, baseUrl: options.baseUrl } : {}),
    }));

  return {
    provider: 'langchain',
    model: options.model,
    async complete(request): Promise<CompletionResponse> {
      let result: StructuredResult;
      try {
        const structured = (await model()).withStructuredOutput(request.jsonSchema.schema, {
          name: request.jsonSchema.name,
          includeRaw: true,
          strict: true,
        });
        result = (await structured.invoke(
          request.messages.map((message) => [message.role === 'user' ? 'human' : message.role === 'assistant' ? 'ai' : 'system', message.content] as [string, string]),
        )) as unknown as StructuredResult;
      } catch (error) {
        // LangChain parses inside withStructuredOutput; what it could not parse is the model's
        // raw text, returned for extract/ to validate and retry like any other answer.
        const unparsed = (error as { llmOutput?: unknown }).llmOutput;
        if (typeof unparsed === 'string') {
          return { text: unparsed, usage: { inputTokens: 0, outputTokens: 0 }, finishReason: 'unparsed', refusal: null, responseFormat: 'structured-output' };
        }
        const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : null;
        const cause = redactedError(error, options.apiKey);
        throw new ProviderError(`the LangChain model ${options.model} failed: ${cause.message}`, status, { cause });
      }
      const usage = result.raw.usage_metadata;
      const refusal = result.raw.additional_kwargs?.refusal;
      const text = result.parsed !== null && result.parsed !== undefined ? JSON.stringify(result.parsed) : textOf(result.raw.content);
      return {
        text,
        usage: { inputTokens: usage?.input_tokens ?? 0, outputTokens: usage?.output_tokens ?? 0 },
        finishReason: String(result.raw.response_metadata?.['finish_reason'] ?? result.raw.response_metadata?.['stop_reason'] ?? 'unknown'),
        refusal: typeof refusal === 'string' && refusal.length > 0 ? refusal : null,
        responseFormat: 'structured-output',
      };
    },
  };
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : ((part as { text?: string }).text ?? ''))).join('');
  return '';
}
