import { ProviderError } from '../errors.js';
import type { CompletionRequest, LlmClient } from './llm-client.js';
import { MODEL } from '../messages/model.js';
import type { Text } from '../messages/text.js';

export type RetryEvent = {
  /** The attempt that failed (1 = the first call). */
  readonly attempt: number;
  readonly maxRetries: number;
  /** How long until the next attempt. */
  readonly delayMs: number;
  readonly status: number | null;
  /** Why it failed, in both languages. */
  readonly reason: Text;
};

export type ThrottleOptions = {
  /** At most this many requests in any 60 s window; none when absent. */
  readonly requestsPerMinute?: number;
  /** At most this many tokens (estimated before, counted after) in any 60 s window. */
  readonly tokensPerMinute?: number;
  /** Retries after the first attempt, for connection errors, timeouts, 408, 409, 429 and 5xx. */
  readonly maxRetries: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** A retry-after longer than this (a daily quota) is not waited for: the report fails now. */
  readonly maxRetryAfterMs?: number;
  /** Tokens a request will use, for the tokens-per-minute budget (input; output is counted after). */
  readonly estimateTokens: (request: CompletionRequest) => number;
  readonly onRetry?: (event: RetryEvent) => void;
  /** Called when a request waits for the rate limit (for progress display). */
  readonly onRateLimitWait?: (delayMs: number) => void;
  readonly sleep?: (milliseconds: number) => Promise<void>;
  readonly now?: () => number;
  readonly random?: () => number;
};

const WINDOW_MS = 60_000;

/**
 * Rate limits and retries in front of a client, for batch runs: requests and tokens per minute
 * over a sliding window, and exponential back-off with jitter that never waits less than the
 * endpoint's retry-after. Every retry is reported through `onRetry`, so a long wait is visible.
 * The SDK's own retries should be off underneath (they would be invisible and double the count).
 */
export function withThrottle(client: LlmClient, options: ThrottleOptions): LlmClient {
  const sleep = options.sleep ?? ((milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)));
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10 * 60_000;
  const sent: { at: number; tokens: number }[] = [];
  let admission = Promise.resolve();

  const roomIn = (tokens: number): number => {
    const time = now();
    while (sent.length > 0 && sent[0]!.at <= time - WINDOW_MS) sent.shift();
    const requestsFull = options.requestsPerMinute !== undefined && sent.length >= options.requestsPerMinute;
    const used = sent.reduce((total, entry) => total + entry.tokens, 0);
    // A request larger than the whole budget still goes, alone in its window.
    const tokensFull = options.tokensPerMinute !== undefined && sent.length > 0 && used + tokens > options.tokensPerMinute;
    if (!requestsFull && !tokensFull) return 0;
    return Math.max(1, sent[0]!.at + WINDOW_MS - time);
  };

  // Admissions are taken one at a time, so concurrent reports cannot overrun the budget together.
  const admit = (tokens: number): Promise<{ at: number; tokens: number }> => {
    const turn = admission.then(async () => {
      for (let wait = roomIn(tokens); wait > 0; wait = roomIn(tokens)) {
        options.onRateLimitWait?.(wait);
        await sleep(wait);
      }
      const entry = { at: now(), tokens };
      sent.push(entry);
      return entry;
    });
    admission = turn.then(() => undefined, () => undefined);
    return turn;
  };

  return {
    ...client,
    complete: async (request) => {
      for (let attempt = 1; ; attempt += 1) {
        // Counting tokens costs CPU (milliseconds per report): only when a token budget needs it.
        const entry = await admit(options.tokensPerMinute === undefined ? 0 : options.estimateTokens(request));
        try {
          const response = await client.complete(request);
          entry.tokens = response.usage.inputTokens + response.usage.outputTokens;
          return response;
        } catch (error) {
          if (!(error instanceof ProviderError) || !isRetryable(error) || attempt > options.maxRetries) throw error;
          if (error.retryAfterMs !== null && error.retryAfterMs > maxRetryAfterMs) {
            throw new ProviderError(
              MODEL.quota(durationText(error.retryAfterMs), durationText(maxRetryAfterMs), error.text),
              error.status,
              { cause: error, retryAfterMs: error.retryAfterMs },
            );
          }
          const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
          const jittered = exponential * (0.5 + random() / 2);
          const delayMs = Math.round(Math.max(jittered, error.retryAfterMs ?? 0));
          options.onRetry?.({ attempt, maxRetries: options.maxRetries, delayMs, status: error.status, reason: error.text });
          await sleep(delayMs);
        }
      }
    },
  };
}

function isRetryable(error: ProviderError): boolean {
  return error.status === null || error.status === 408 || error.status === 409 || error.status === 429 || error.status >= 500;
}

/** "24 h", "10 min", "30 s": for a line a person reads. */
function durationText(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 2 * 3600) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}
