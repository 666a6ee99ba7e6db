import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ResolvedExtractorConfig } from '../config/resolve-config.js';
import { ConfigError } from '../errors.js';
import type { NarrativeExtractor } from '../extract/extractor.js';
import { createLlmExtractor } from '../extract/llm-extractor.js';
import { loadPrompt } from '../extract/prompt.js';
import { createRulesExtractor } from '../extract/rules-extractor.js';
import { createFileCacheStore, withCache } from '../providers/cached.js';
import { createOpenAiClient } from '../providers/openai.js';
import { createOpenAiBatchClient, type OpenAiBatchOptions } from '../providers/openai-batch.js';
import { withThrottle, type ThrottleOptions } from '../providers/throttled.js';
import { countTokens } from '../extract/count-tokens.js';
import type { LlmClient } from '../providers/llm-client.js';
import { DEFAULT_PRICES, type PriceTable } from '../providers/prices.js';
import { packageRoot } from './package-root.js';
import { CONFIG } from '../messages/cli.js';

export const PROMPT = { name: 'narrative', version: 'v2' } as const;
/** Retries of a failed LLM call (429, 5xx, timeouts) when the command does not say. */
export const DEFAULT_RETRIES = 3;

const priceFileSchema = z.record(z.string(), z.strictObject({ inputPerMillion: z.number().nonnegative(), outputPerMillion: z.number().nonnegative() }));

/** The extractor and price table a resolved configuration asks for. */
export type ExtractorOptions = {
  readonly replayOnly?: boolean;
  /**
   * Rate limits and retries (visible through onRetry). Every run retries here, never in the SDK:
   * the SDK's retries are silent and wait whatever retry-after says (a daily quota: 24 hours).
   */
  readonly throttle?: Omit<ThrottleOptions, 'estimateTokens'>;
  /** Batch runs with --batch-api: requests go through the OpenAI Batch API instead. */
  readonly batchApi?: Pick<OpenAiBatchOptions, 'statePath' | 'pollIntervalMs' | 'onEvent'>;
};

export async function createExtractor(
  config: ResolvedExtractorConfig,
  options: ExtractorOptions = {},
): Promise<{ extractor: NarrativeExtractor; prices: PriceTable }> {
  if (config.provider === 'rules') {
    if (options.batchApi) throw new ConfigError(CONFIG.batchApiNeedsModel());
    return { extractor: createRulesExtractor(), prices: DEFAULT_PRICES };
  }
  if (options.batchApi && config.provider !== 'openai') throw new ConfigError(CONFIG.batchApiNeedsOpenai());
  const client =
    config.provider === 'openai' && options.batchApi
      ? createOpenAiBatchClient({ apiKey: config.apiKey ?? 'no-key', ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}), model: config.model, ...options.batchApi })
      : await createModelClient(config, { maxRetries: 0 });
  if (options.replayOnly && !config.cacheDirectory) throw new ConfigError(CONFIG.replayWithoutCache());
  const throttle = options.throttle ?? { maxRetries: DEFAULT_RETRIES };
  const throttled = options.batchApi
    ? client
    : withThrottle(client, { ...throttle, estimateTokens: (request) => countTokens(request.messages.map((message) => message.content).join('\n')) });
  // Answers from the cache are not throttled: the cache sits in front.
  const cachedClient = config.cacheDirectory
    ? withCache(throttled, createFileCacheStore(config.cacheDirectory), { replayOnly: options.replayOnly === true })
    : throttled;
  const prompt = await loadPrompt(join(packageRoot(), 'prompts'), PROMPT.name, PROMPT.version);
  return {
    extractor: createLlmExtractor({ client: cachedClient, prompt, maxAttempts: config.maxAttempts }),
    prices: { ...DEFAULT_PRICES, ...(config.pricesFile ? await loadPrices(config.pricesFile) : {}) },
  };
}

/** A client of the configured model (OpenAI-compatible, streaming; or LangChain), no cache or throttle. */
export async function createModelClient(config: Exclude<ResolvedExtractorConfig, { provider: 'rules' }>, options: { readonly maxRetries?: number } = {}): Promise<LlmClient> {
  if (config.provider === 'openai') {
    return createOpenAiClient({
      // Local servers (Ollama, vLLM, llama.cpp) need no key, but the SDK wants a non-empty one.
      apiKey: config.apiKey ?? 'no-key',
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
      model: config.model,
      responseFormat: config.responseFormat,
      timeoutMs: config.timeoutMs,
      ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    });
  }
  // LangChain and its providers take a second to load: only when asked for.
  return (await import('../providers/langchain.js')).createLangchainClient({
    model: config.model,
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    timeoutMs: config.timeoutMs,
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
  });
}

async function loadPrices(path: string): Promise<PriceTable> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new ConfigError(CONFIG.pricesUnreadable(path), { cause });
  }
  const parsed = priceFileSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(CONFIG.pricesInvalid(path, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')));
  return parsed.data;
}
