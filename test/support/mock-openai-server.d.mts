/** One HTTP request the mock received. */
export type MockRequest = {
  readonly method: string;
  /** Without the query string, e.g. "/v1/chat/completions". */
  readonly path: string;
  /**
   * Lower-cased header names. `authorization` (and `api-key`, `x-api-key`) are present but not
   * enumerable, so they can be asserted yet never show up in a printed diff or JSON.stringify.
   */
  readonly headers: Readonly<Record<string, string | undefined>> & { readonly authorization?: string };
  /** The parsed JSON body, or null when it was not JSON. */
  readonly body: ChatCompletionRequestBody | null;
  readonly rawBody: string;
  /** performance.now() when the body had arrived, for measuring waits between retries. */
  readonly receivedAt: number;
};

/** The parts of a chat completion request tests look at; everything else is kept as sent. */
export type ChatCompletionRequestBody = {
  readonly model?: string;
  readonly messages?: ReadonlyArray<{ readonly role: string; readonly content: unknown; readonly [key: string]: unknown }>;
  readonly response_format?: {
    readonly type: string;
    readonly json_schema?: { readonly name: string; readonly schema?: unknown; readonly strict?: boolean | null; readonly description?: string };
  };
  readonly tools?: ReadonlyArray<{ readonly type: string; readonly function: { readonly name: string; readonly parameters?: unknown; readonly description?: string } }>;
  readonly tool_choice?: unknown;
  readonly temperature?: number;
  readonly stream?: boolean;
  readonly [key: string]: unknown;
};

export type MockUsage = { readonly prompt_tokens?: number; readonly completion_tokens?: number; readonly total_tokens?: number };

/** Fields every answer may carry. */
type AnswerOptions = {
  /** Wait this long before answering (or erroring); a client that gives up earlier just disconnects. */
  readonly delayMs?: number;
  /** Scripted usage; by default prompt tokens = request body length / 4, completion = answer length / 4. */
  readonly usage?: MockUsage;
  /** Overrides "stop" / "tool_calls", e.g. "length" for a truncated answer. */
  readonly finishReason?: string;
  /** The model named in the answer; by default the requested one. */
  readonly model?: string;
};

export type MockAction =
  /**
   * `message.content = JSON.stringify(json)`; when the request has `tools`, a tool call instead
   * (`message.tool_calls[0].function.arguments`, finish_reason "tool_calls").
   */
  | (AnswerOptions & { readonly json: unknown })
  /** Raw text as the content, e.g. malformed JSON. */
  | (AnswerOptions & { readonly content: string })
  /** `message.content = null`, `message.refusal = refusal`. */
  | (AnswerOptions & { readonly refusal: string })
  /**
   * An HTTP error. Unless `body` is given, the body is OpenAI-style
   * `{ error: { message, type, param, code } }` with defaults per status.
   */
  | {
      readonly status: number;
      readonly message?: string;
      readonly type?: string;
      readonly code?: string | null;
      /** Replaces the whole body; a string is sent as text/plain. */
      readonly body?: unknown;
      /** Sent as the Retry-After header (seconds). */
      readonly retryAfterSeconds?: number;
      /** Sent as the retry-after-ms header, which the openai SDK prefers. */
      readonly retryAfterMs?: number;
      readonly delayMs?: number;
    }
  /** Only a delay: answers with empty content afterwards. */
  | (AnswerOptions & { readonly delayMs: number });

/**
 * Called for each POST /v1/chat/completions (GET /v1/models lists one model; other paths are 404).
 * If it throws, the mock answers 500 naming the error.
 */
export type Respond = (request: MockRequest, index: number) => MockAction | Promise<MockAction>;

export type MockOpenAiServer = {
  /** "http://127.0.0.1:PORT/v1": pass as baseURL / OPENAI_BASE_URL. */
  readonly url: string;
  readonly port: number;
  /** Every request received, in order; `respond`'s index is the position in this list. */
  readonly requests: MockRequest[];
  /** Only the POST /v1/chat/completions requests (a batch's lines appear here too, with `batchId`). */
  chatRequests(): MockRequest[];
  /** Batches created through POST /v1/batches, in order (status, input and output file ids). */
  readonly batches: ReadonlyArray<{ readonly id: string; readonly status: string; readonly input_file_id: string; readonly output_file_id: string | null; readonly polls: number }>;
  /** Replaces the script and clears `requests`, so one server can serve a whole test file. */
  respondWith(respond: Respond): void;
  /** Drops pending delayed answers and open connections, then stops listening. */
  close(): Promise<void>;
};

/** Listens on 127.0.0.1 only; `port` 0 (the default) picks a free port. */
export function startMockOpenAiServer(options: { readonly respond: Respond; readonly port?: number }): Promise<MockOpenAiServer>;

export function estimateTokens(text: string | null | undefined): number;
export function usageFor(
  request: Pick<MockRequest, 'rawBody'>,
  answerText: string,
  scripted?: MockUsage,
): { prompt_tokens: number; completion_tokens: number; total_tokens: number };
/** The smallest value that fits a JSON Schema (null where allowed, 0, '', false, [], every property). */
export function exampleFromSchema(schema: unknown): unknown;
/** The JSON Schema a request asks for: response_format.json_schema.schema or the first tool's parameters. */
export function requestedSchema(body: unknown): unknown;
/** The JSON Schema a chat request asks its answer to follow (response_format or the first tool), if any. */
export function requestedSchema(body: ChatCompletionRequestBody | null): unknown;
