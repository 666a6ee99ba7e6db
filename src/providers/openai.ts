import OpenAI from 'openai';
import { ProviderError } from '../errors.js';
import type { ChatMessage, CompletionRequest, CompletionResponse, LlmClient } from './llm-client.js';
import { MODEL } from '../messages/model.js';

const DEFAULT_DEADLINE_MS = 10 * 60_000;

export type ResponseFormatMode = 'json_schema' | 'json_object' | 'auto';

export type OpenAiClientOptions = {
  readonly apiKey: string;
  /** Any OpenAI-compatible endpoint: OpenAI, DeepSeek, DashScope, Zhipu, Moonshot, Ollama, vLLM… */
  readonly baseUrl?: string;
  readonly model: string;
  /** `auto` asks for strict json_schema and falls back to json_object when the endpoint refuses it. */
  readonly responseFormat?: ResponseFormatMode;
  readonly timeoutMs?: number;
  /** Retries of 408/409/429/5xx and connection errors by the SDK, honouring retry-after. */
  readonly maxRetries?: number;
  /** An upper bound on one call including the SDK's retries and retry-after waits (a daily-quota 429 can say hours). */
  readonly deadlineMs?: number;
  readonly fetch?: typeof fetch;
};

/**
 * An LlmClient over the `openai` SDK. Settings are injected (the CLI reads the environment);
 * the key is never put in an error message or a log line.
 */
export function createOpenAiClient(options: OpenAiClientOptions): LlmClient {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    timeout: options.timeoutMs ?? 120_000,
    maxRetries: options.maxRetries ?? 3,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let mode: 'json_schema' | 'json_object' = options.responseFormat === 'json_object' ? 'json_object' : 'json_schema';
  const canFallBack = (options.responseFormat ?? 'auto') === 'auto';

  async function send(request: CompletionRequest, format: 'json_schema' | 'json_object'): Promise<CompletionResponse> {
    const completion = await client.chat.completions.create(chatCompletionBody(options.model, request, format), {
      signal: AbortSignal.timeout(options.deadlineMs ?? DEFAULT_DEADLINE_MS),
    });
    return completionResponse(completion, format);
  }

  async function sendStreaming(request: CompletionRequest, format: 'json_schema' | 'json_object', onText: (delta: string) => void): Promise<CompletionResponse> {
    const stream = await client.chat.completions.create(
      { ...chatCompletionBody(options.model, request, format), stream: true, stream_options: { include_usage: true } },
      { signal: AbortSignal.timeout(options.deadlineMs ?? DEFAULT_DEADLINE_MS) },
    );
    let text = '';
    let refusal: string | null = null;
    let finishReason = 'unknown';
    let usage = { inputTokens: 0, outputTokens: 0 };
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice?.delta.content) {
        text += choice.delta.content;
        onText(choice.delta.content);
      }
      if (choice?.delta.refusal) refusal = (refusal ?? '') + choice.delta.refusal;
      if (choice?.finish_reason) finishReason = choice.finish_reason;
      if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
    }
    return { text, usage, finishReason, refusal, responseFormat: format };
  }

  // Strict json_schema first; an endpoint that has no structured outputs gets json_object from then on.
  async function withFallback(attempt: (format: 'json_schema' | 'json_object') => Promise<CompletionResponse>): Promise<CompletionResponse> {
    try {
      return await attempt(mode);
    } catch (error) {
      if (mode === 'json_schema' && canFallBack && rejectsJsonSchema(error)) {
        mode = 'json_object';
        try {
          return await attempt(mode);
        } catch (retryError) {
          throw toProviderError(retryError, options);
        }
      }
      throw toProviderError(error, options);
    }
  }

  return {
    provider: 'openai',
    model: options.model,
    endpoint: options.baseUrl ?? 'https://api.openai.com/v1',
    complete: (request) => withFallback((format) => send(request, format)),
    stream: (request, onText) => withFallback((format) => sendStreaming(request, format, onText)),
  };
}

/** The body of a chat completion asking for JSON: strict json_schema, or json_object with the schema in the prompt. */
export function chatCompletionBody(model: string, request: CompletionRequest, format: 'json_schema' | 'json_object') {
  const messages = format === 'json_object' ? withSchemaInPrompt(request) : request.messages;
  return {
    model,
    messages: messages.map((message) => ({ role: message.role, content: message.content })),
    response_format:
      format === 'json_schema'
        ? { type: 'json_schema' as const, json_schema: { name: request.jsonSchema.name, schema: request.jsonSchema.schema, strict: true } }
        : { type: 'json_object' as const },
    temperature: 0,
  };
}

/** A chat completion (from the API or a batch's output line) as the provider-neutral response. */
export function completionResponse(completion: OpenAI.Chat.ChatCompletion, format: 'json_schema' | 'json_object'): CompletionResponse {
  const choice = completion.choices[0];
  return {
    text: choice?.message.content ?? '',
    usage: { inputTokens: completion.usage?.prompt_tokens ?? 0, outputTokens: completion.usage?.completion_tokens ?? 0 },
    finishReason: choice?.finish_reason ?? 'unknown',
    refusal: choice?.message.refusal ?? null,
    responseFormat: format,
  };
}

function withSchemaInPrompt(request: CompletionRequest): ChatMessage[] {
  const instruction: ChatMessage = {
    role: 'system',
    content: `Reply with one JSON object that matches this JSON Schema exactly (every key present, null where unknown):\n${JSON.stringify(request.jsonSchema.schema)}`,
  };
  return [...request.messages, instruction];
}

// Endpoints without structured outputs answer 400 saying the response_format type is not
// supported. OpenAI's own 400 for a schema that is not strict-valid ("Invalid schema for
// response_format …") is a bug to surface, not a reason to fall back.
function rejectsJsonSchema(error: unknown): boolean {
  if (!(error instanceof OpenAI.APIError) || error.status !== 400) return false;
  if (/invalid schema/i.test(error.message)) return false;
  return /response_format|json_schema|structured output/i.test(error.message) && /not supported|unsupported|not support|unknown|unrecognized|invalid (?:type|value)|not allowed|must be one of/i.test(error.message);
}

function toProviderError(error: unknown, options: OpenAiClientOptions): ProviderError {
  const where = `${options.baseUrl ?? 'https://api.openai.com/v1'} (model ${options.model})`;
  // The SDK's error is not kept as the cause: its message may echo the key ("Incorrect API key
  // provided: sk-…"), and causes are printed. A redacted copy keeps the chain readable.
  const cause = redactedError(error, options.apiKey);
  if (error instanceof OpenAI.APIConnectionTimeoutError || (error instanceof Error && error.name === 'TimeoutError')) {
    return new ProviderError(MODEL.timeout(where, options.timeoutMs ?? 120_000), null, { cause });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    const reason = error.cause instanceof Error ? redact(error.cause.message, options.apiKey) : '';
    return new ProviderError(MODEL.unreachable(where, reason), null, { cause });
  }
  if (error instanceof OpenAI.APIError) {
    return new ProviderError(MODEL.answered(where, String(error.status ?? 'with an error'), cause.message), error.status ?? null, {
      cause,
      retryAfterMs: retryAfterOf(error.headers),
    });
  }
  return new ProviderError(MODEL.failed(where, cause.message), null, { cause });
}

/** retry-after-ms, or retry-after in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterOf(headers: Headers | undefined): number | null {
  const milliseconds = Number(headers?.get('retry-after-ms'));
  if (headers?.get('retry-after-ms') && Number.isFinite(milliseconds)) return Math.max(0, milliseconds);
  const value = headers?.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

/** A plain Error with the secret removed from its message and from its own causes. */
export function redactedError(error: unknown, secret: string | undefined): Error {
  const message = error instanceof Error ? error.message : String(error);
  const inner = error instanceof Error && error.cause !== undefined ? redactedError(error.cause, secret) : undefined;
  const copy = new Error(redact(message, secret), inner ? { cause: inner } : undefined);
  copy.name = error instanceof Error ? error.name : 'Error';
  return copy;
}

function redact(text: string, secret: string | undefined): string {
  return secret && secret.length >= 6 ? text.split(secret).join('[redacted]') : text;
}
