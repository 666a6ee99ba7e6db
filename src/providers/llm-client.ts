/** Provider-neutral chat completion: messages and a JSON Schema in, text and usage out. */
export type ChatMessage = { readonly role: 'system' | 'user' | 'assistant'; readonly content: string };

export type JsonSchemaFormat = {
  readonly name: string;
  readonly schema: { readonly [key: string]: unknown };
};

export type CompletionRequest = {
  readonly messages: readonly ChatMessage[];
  /** Ask for JSON matching this schema (strict structured outputs where the endpoint has them). */
  readonly jsonSchema: JsonSchemaFormat;
  /**
   * Whether an answer is worth keeping: a cache stores (and serves) only answers it accepts, so
   * an answer that failed validation is asked for again on the next run. Not part of the cache key.
   */
  readonly accept?: (response: CompletionResponse) => boolean;
};

export type TokenUsage = { readonly inputTokens: number; readonly outputTokens: number };

export type CompletionResponse = {
  readonly text: string;
  readonly usage: TokenUsage;
  readonly finishReason: string;
  /** The model's refusal message, when it declined to answer. */
  readonly refusal: string | null;
  /** How the JSON was asked for: strict json_schema, or json_object with the schema in the prompt. */
  readonly responseFormat: 'json_schema' | 'json_object' | 'structured-output';
  /** True when the answer came from the response cache and no request was made. */
  readonly cached?: boolean;
};

export interface LlmClient {
  /** "openai", "langchain", … */
  readonly provider: string;
  readonly model: string;
  /** Where requests go (base URL), when the provider has one: part of the cache key. */
  readonly endpoint?: string;
  complete(request: CompletionRequest): Promise<CompletionResponse>;
  /** The same request, its text handed to `onText` piece by piece as it arrives (where the endpoint streams). */
  stream?(request: CompletionRequest, onText: (delta: string) => void): Promise<CompletionResponse>;
}
