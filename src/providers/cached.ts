import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../errors.js';
import type { CompletionRequest, CompletionResponse, LlmClient } from './llm-client.js';

export type CacheStore = {
  get(key: string): Promise<CompletionResponse | undefined>;
  set(key: string, response: CompletionResponse): Promise<void>;
};

/**
 * The cache key: provider, model, endpoint, and the whole request — the prompt (so its version), the
 * JSON Schema and the report text are all in the messages. No credential is part of it.
 */
export function cacheKey(client: Pick<LlmClient, 'provider' | 'model' | 'endpoint'>, request: CompletionRequest): string {
  const material = JSON.stringify({
    provider: client.provider,
    model: client.model,
    // One model name on two OpenAI-compatible endpoints is two models.
    endpoint: client.endpoint ?? null,
    messages: request.messages,
    schema: request.jsonSchema,
  });
  return createHash('sha256').update(material).digest('hex');
}

/**
 * Answers repeated requests from `store` without calling the model. With `replayOnly`, a miss
 * is an error instead of a call, so a published comparison can be re-scored without a key. Only
 * answers the request accepts are stored: a failure is never replayed as if it were the answer.
 */
export function withCache(client: LlmClient, store: CacheStore, options: { readonly replayOnly?: boolean } = {}): LlmClient {
  return {
    provider: client.provider,
    model: client.model,
    ...(client.endpoint ? { endpoint: client.endpoint } : {}),
    async complete(request) {
      const key = cacheKey(client, request);
      const accepted = (response: CompletionResponse) => request.accept?.(response) ?? true;
      const hit = await store.get(key);
      // An answer cached before it was judged (an older cache) is judged now: a bad one is asked for again.
      if (hit && accepted(hit)) return { ...hit, cached: true };
      if (options.replayOnly) {
        throw new AppError('cache-miss', `no cached answer for ${client.provider}:${client.model} (key ${key.slice(0, 12)}) and --replay-only forbids calling the model`);
      }
      const response = await client.complete(request);
      if (accepted(response)) await store.set(key, { ...response, cached: false });
      return response;
    },
  };
}

/** One JSON file per answer under `directory`, written to a temporary name and renamed. */
export function createFileCacheStore(directory: string): CacheStore {
  const pathOf = (key: string) => join(directory, key.slice(0, 2), `${key}.json`);
  return {
    async get(key) {
      try {
        return JSON.parse(await readFile(pathOf(key), 'utf8')) as CompletionResponse;
      } catch {
        return undefined;
      }
    },
    async set(key, response) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, JSON.stringify(response), 'utf8');
      await rename(temporary, path);
    },
  };
}

/** An in-memory store (tests, single runs). */
export function createMemoryCacheStore(): CacheStore & { readonly size: () => number } {
  const entries = new Map<string, CompletionResponse>();
  return {
    size: () => entries.size,
    async get(key) {
      return entries.get(key);
    },
    async set(key, response) {
      entries.set(key, response);
    },
  };
}
