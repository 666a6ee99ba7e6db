import { ConfigError } from '../errors.js';
import type { ResponseFormatMode } from '../providers/openai.js';
import type { Env } from './env.js';

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
  | { readonly provider: 'rules'; readonly reason: string }
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
    throw new ConfigError(`unknown provider "${requested}": use rules, openai or langchain`);
  }
  const model = flags.model ?? env.NIANBAO_MODEL;
  const configured = model !== undefined && (env.OPENAI_BASE_URL !== undefined || env.OPENAI_API_KEY !== undefined);
  const provider = (requested ?? (configured ? 'openai' : 'rules')) as (typeof PROVIDERS)[number];
  if (provider === 'rules') {
    return { provider, reason: requested ? 'as requested' : 'no model configured: set NIANBAO_MODEL and OPENAI_API_KEY or OPENAI_BASE_URL, see .env.example' };
  }
  if (!model) throw new ConfigError(`the ${provider} provider needs a model: pass --model or set NIANBAO_MODEL`);
  const apiKey = provider === 'openai' ? env.OPENAI_API_KEY : langchainKey(model, env);
  if (provider === 'openai' && !apiKey && !env.OPENAI_BASE_URL) {
    throw new ConfigError('OPENAI_API_KEY is not set. Copy .env.example to .env, or set OPENAI_BASE_URL for a local server that needs no key.');
  }
  const responseFormat = flags.responseFormat ?? env.NIANBAO_RESPONSE_FORMAT ?? 'auto';
  if (!['auto', 'json_schema', 'json_object'].includes(responseFormat)) {
    throw new ConfigError(`--response-format must be auto, json_schema or json_object, not "${responseFormat}"`);
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
