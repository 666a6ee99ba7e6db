import { describe, expect, it } from 'vitest';
import { costOf, DEFAULT_PRICES, type PriceTable } from './prices.js';

const USAGE = { inputTokens: 412_000, outputTokens: 37_000 };

describe('costOf', () => {
  it.each([
    // (412 000 × 0.15 + 37 000 × 0.6) / 1e6
    ['gpt-4o-mini', 0.084],
    ['gpt-4o', 1.4],
    ['gpt-4.1', 1.12],
    ['gpt-4.1-mini', 0.224],
    ['gpt-4.1-nano', 0.056],
  ])('prices %s at its list price', (model, dollars) => {
    expect(costOf(model, USAGE, DEFAULT_PRICES)).toBeCloseTo(dollars, 10);
  });

  it.each([
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini'],
    ['gpt-4.1-2025-04-14', 'gpt-4.1'],
  ])('prices the dated snapshot %s as %s', (snapshot, base) => {
    expect(costOf(snapshot, USAGE, DEFAULT_PRICES)).toBe(costOf(base, USAGE, DEFAULT_PRICES));
  });

  it.each([
    ['openai:gpt-4.1-mini', 'gpt-4.1-mini'],
    ['openai:gpt-4o-2024-08-06', 'gpt-4o'],
  ])('prices the "provider:model" id %s as %s', (id, model) => {
    expect(costOf(id, USAGE, DEFAULT_PRICES)).toBe(costOf(model, USAGE, DEFAULT_PRICES));
  });

  it.each(['deepseek-chat', 'anthropic:claude-sonnet-4-5', 'gpt-4o-mini-realtime', 'gpt-4', ''])(
    'returns null, not 0, for the unpriced model %j',
    (model) => {
      expect(costOf(model, USAGE, DEFAULT_PRICES)).toBeNull();
      expect(costOf(model, { inputTokens: 0, outputTokens: 0 }, DEFAULT_PRICES)).toBeNull();
    },
  );

  it('costs 0 for a priced model that used no tokens', () => {
    expect(costOf('gpt-4o-mini', { inputTokens: 0, outputTokens: 0 }, DEFAULT_PRICES)).toBe(0);
  });

  describe('with a user price table', () => {
    const USER_PRICES: PriceTable = {
      ...DEFAULT_PRICES,
      'gpt-4o-mini': { inputPerMillion: 0.075, outputPerMillion: 0.3 },
      'gpt-4o-2024-05-13': { inputPerMillion: 5, outputPerMillion: 15 },
      'deepseek-chat': { inputPerMillion: 0.28, outputPerMillion: 0.42 },
    };

    it('overrides a default price', () => {
      expect(costOf('gpt-4o-mini', USAGE, USER_PRICES)).toBeCloseTo(0.042, 10);
      expect(costOf('openai:gpt-4o-mini-2024-07-18', USAGE, USER_PRICES)).toBeCloseTo(0.042, 10);
    });

    it('prices a model the defaults do not know', () => {
      expect(costOf('deepseek-chat', USAGE, USER_PRICES)).toBeCloseTo(0.13090, 10);
      expect(costOf('openai:deepseek-chat', USAGE, USER_PRICES)).toBeCloseTo(0.13090, 10);
    });

    it('prefers an exact snapshot price to the base model', () => {
      expect(costOf('gpt-4o-2024-05-13', USAGE, USER_PRICES)).toBeCloseTo(2.615, 10);
      expect(costOf('gpt-4o-2024-08-06', USAGE, USER_PRICES)).toBeCloseTo(1.4, 10);
    });

    it('leaves the other defaults alone and does not change DEFAULT_PRICES', () => {
      expect(costOf('gpt-4.1', USAGE, USER_PRICES)).toBeCloseTo(1.12, 10);
      expect(costOf('gpt-4o-mini', USAGE, DEFAULT_PRICES)).toBeCloseTo(0.084, 10);
    });
  });
});
