import type { TokenUsage } from './llm-client.js';

/** US dollars per million tokens. */
export type Price = { readonly inputPerMillion: number; readonly outputPerMillion: number };
export type PriceTable = Readonly<Record<string, Price>>;

/**
 * OpenAI's published list prices (USD per million tokens, standard tier) for a few models.
 * Extend or override with a prices file (`--prices FILE` or NIANBAO_PRICES): a JSON object
 * of the same shape, keyed by model id. A model with no price is "unpriced", never free.
 */
export const DEFAULT_PRICES: PriceTable = {
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
  'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
};

/** The cost in USD, or null when the model is unpriced. Dated snapshots ("gpt-4o-2024-08-06") use their base price. */
export function costOf(model: string, usage: TokenUsage, prices: PriceTable): number | null {
  // Exact ids first: Ollama names carry a colon ("qwen2.5:7b"); "openai:gpt-4o" is provider:model.
  const bare = model.includes(':') ? model.slice(model.indexOf(':') + 1) : model;
  const price = prices[model] ?? prices[bare] ?? prices[bare.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
  if (!price) return null;
  return (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000;
}
