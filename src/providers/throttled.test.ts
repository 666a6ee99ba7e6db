import { describe, expect, it } from 'vitest';
import { ProviderError } from '../errors.js';
import { createFakeClient } from './fake.js';
import type { CompletionRequest } from './llm-client.js';
import { withThrottle, type RetryEvent } from './throttled.js';

const REQUEST: CompletionRequest = { messages: [{ role: 'user', content: '报告正文' }], jsonSchema: { name: 'narrative', schema: {} } };

/** A clock that only moves when the code under test sleeps: waits are asserted, never slept. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (milliseconds: number) => {
      sleeps.push(milliseconds);
      now += milliseconds;
    },
    sleeps,
  };
}

const tooMany = (retryAfterMs: number | null) => new ProviderError('answered 429: rate limit', 429, { retryAfterMs });

describe('withThrottle', () => {
  it('retries a 429 after the endpoint’s retry-after, a 500 with doubling back-off, and reports each retry', async () => {
    const time = fakeTime();
    const client = createFakeClient({ responses: [tooMany(7000), new ProviderError('answered 500', 500), new ProviderError('answered 503', 503), '{}'] });
    const retries: RetryEvent[] = [];
    const throttled = withThrottle(client, { maxRetries: 5, estimateTokens: () => 10, baseDelayMs: 1000, random: () => 1, onRetry: (event) => retries.push(event), ...time });
    const response = await throttled.complete(REQUEST);
    expect(response.text).toBe('{}');
    expect(client.calls).toHaveLength(4);
    // retry-after 7 s beats 1 s of back-off; then 2 s and 4 s (jitter at its top: random() = 1).
    expect(time.sleeps).toEqual([7000, 2000, 4000]);
    expect(retries.map((retry) => [retry.attempt, retry.status, retry.delayMs])).toEqual([
      [1, 429, 7000],
      [2, 500, 2000],
      [3, 503, 4000],
    ]);
  });

  it('jitter spreads a back-off between half and all of it, never below retry-after', async () => {
    const time = fakeTime();
    const client = createFakeClient({ responses: [new ProviderError('503', 503), tooMany(1500), '{}'] });
    const throttled = withThrottle(client, { maxRetries: 3, estimateTokens: () => 1, baseDelayMs: 1000, random: () => 0, ...time });
    await throttled.complete(REQUEST);
    expect(time.sleeps).toEqual([500, 1500]);
  });

  it('does not retry what cannot succeed: a 400, or a retry-after of hours (a daily quota), which it names', async () => {
    const badRequest = new ProviderError('answered 400: bad request', 400);
    const client = createFakeClient({ responses: [badRequest, '{}'] });
    await expect(withThrottle(client, { maxRetries: 5, estimateTokens: () => 1, ...fakeTime() }).complete(REQUEST)).rejects.toBe(badRequest);
    expect(client.calls).toHaveLength(1);

    const quota = tooMany(24 * 3600_000);
    const quotaClient = createFakeClient({ responses: [quota, '{}'] });
    const time = fakeTime();
    const error = await withThrottle(quotaClient, { maxRetries: 5, estimateTokens: () => 1, ...time }).complete(REQUEST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).message).toBe(
      'the LLM endpoint asks to wait 24 h before the next request (retry-after), longer than the 10 min a call may wait: a quota (a daily or monthly limit) is used up; not waiting (answered 429: rate limit)',
    );
    expect((error as ProviderError).cause).toBe(quota);
    expect(quotaClient.calls).toHaveLength(1);
    expect(time.sleeps).toEqual([]);
  });

  it('gives up after maxRetries with the last error', async () => {
    const time = fakeTime();
    const client = createFakeClient({ responses: new ProviderError('could not be reached', null) });
    const throttled = withThrottle(client, { maxRetries: 2, estimateTokens: () => 1, random: () => 1, ...time });
    await expect(throttled.complete(REQUEST)).rejects.toThrow('could not be reached');
    expect(client.calls).toHaveLength(3);
  });

  it('holds requests to N per minute, waiting for the oldest to leave the window', async () => {
    const time = fakeTime();
    const waits: number[] = [];
    const client = createFakeClient({ responses: '{}' });
    const throttled = withThrottle(client, { maxRetries: 0, requestsPerMinute: 2, estimateTokens: () => 1, onRateLimitWait: (delay) => waits.push(delay), ...time });
    await Promise.all([throttled.complete(REQUEST), throttled.complete(REQUEST), throttled.complete(REQUEST)]);
    expect(client.calls).toHaveLength(3);
    expect(waits).toEqual([60_000]);
    expect(time.now()).toBe(60_000);
  });

  it('holds tokens to N per minute, counting what calls really used', async () => {
    const time = fakeTime();
    // Each call is admitted on its estimate (400), then counted at what it used (the fake: 100 + 50).
    const client = createFakeClient({ responses: '{}' });
    const throttled = withThrottle(client, { maxRetries: 0, tokensPerMinute: 1000, estimateTokens: () => 400, ...time });
    for (let call = 0; call < 6; call += 1) await throttled.complete(REQUEST);
    // Five calls use 750; the sixth’s estimate would pass 1000, so it waits for the window.
    expect(time.sleeps).toEqual([60_000]);
  });
});
