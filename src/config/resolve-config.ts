import { ConfigError } from '../errors.js';
import type { ResponseFormatMode } from '../providers/openai.js';
import type { Env } from './env.js';
import { CONFIG } from '../messages/cli.js';
import type { Text } from '../messages/text.js';

/** Flags of the extract command that concern the narrative extractor. */
export type ExtractorFlags = {
  readonly provider?: string;
  readonly model?: string;
  readonly cache?: boolean;
  readonly maxAttempts?: number;
  readonly responseFormat?: string;
  readonly prices?: string;
};

export type ResolvedExtractorConfig =
  | { readonly provider: 'rules'; readonly reason: Text }
  | {
      readonly provider: 'openai' | 'langchain';
      readonly model: string;
      readonly apiKey: string | undefined;
      readonly baseUrl: string | undefined;
      readonly responseFormat: ResponseFormatMode;
      readonly maxAttempts: number;
      readonly timeoutMs: number;
      /** null: --no-cache. */
      readonly cacheDirectory: string | null;
      readonly pricesFile: string | undefined;
    };

const PROVIDERS = ['rules', 'openai', 'langchain'] as const;

/**
 * Which extractor to use: a flag, then NIANBAO_PROVIDER, then "openai" when a model and an
 * endpoint or key are configured, else the offline rules. Defaults applied, nothing read here.
 */
export function resolveExtractorConfig(flags: ExtractorFlags, env: Env, defaults: { readonly cacheDirectory: string }): ResolvedExtractorConfig {
  const requested = flags.provider ?? env.NIANBAO_PROVIDER;
  if (requested !== undefined && !PROVIDERS.includes(requested as (typeof PROVIDERS)[number])) {
    throw new ConfigError(CONFIG.unknownProvider(requested));
  }
  const model = flags.model ?? env.NIANBAO_MODEL;
  const configured = model !== undefined && (env.OPENAI_BASE_URL !== undefined || env.OPENAI_API_KEY !== undefined);
  const provider = (requested ?? (configured ? 'openai' : 'rules')) as (typeof PROVIDERS)[number];
  if (provider === 'rules') {
    return { provider, reason: requested ? CONFIG.asRequested() : CONFIG.noModel() };
  }
  if (!model) throw new ConfigError(CONFIG.needsModel(provider));
  const apiKey = provider === 'openai' ? env.OPENAI_API_KEY : langchainKey(model, env);
  if (provider === 'openai' && !apiKey && !env.OPENAI_BASE_URL) {
    throw new ConfigError(CONFIG.noApiKey());
  }
  const responseFormat = flags.responseFormat ?? env.NIANBAO_RESPONSE_FORMAT ?? 'auto';
  if (!['auto', 'json_schema', 'json_object'].includes(responseFormat)) {
    throw new ConfigError(CONFIG.responseFormat(responseFormat));
  }
  return {
    provider,
    model,
    apiKey,
    baseUrl: env.OPENAI_BASE_URL,
    responseFormat: responseFormat as ResponseFormatMode,
    maxAttempts: flags.maxAttempts ?? env.NIANBAO_MAX_ATTEMPTS ?? 3,
    timeoutMs: env.NIANBAO_TIMEOUT_MS ?? 120_000,
    cacheDirectory: flags.cache === false ? null : (env.NIANBAO_CACHE_DIR ?? defaults.cacheDirectory),
    pricesFile: flags.prices ?? env.NIANBAO_PRICES,
  };
}

// LangChain provider packages would read their own variables; nianbao passes the key instead.
function langchainKey(model: string, env: Env): string | undefined {
  if (env.NIANBAO_API_KEY) return env.NIANBAO_API_KEY;
  if (model.startsWith('anthropic:')) return env.ANTHROPIC_API_KEY;
  if (model.startsWith('google')) return env.GOOGLE_API_KEY;
  if (model.startsWith('openai:')) return env.OPENAI_API_KEY;
  return undefined;
}
