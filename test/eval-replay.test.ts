// The published comparison (rules vs the recorded openai:mock-labeller, evals/cache) can be
// re-scored by anyone without a key: every answer comes from the cache. When the prompt or a
// fixture changes, this fails until `node evals/record-mock-model.mjs` records it again.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/program.js';

describe('nianbao eval --replay-only', () => {
  it('compares rules with the recorded mock model, every answer from the cache', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const directory = await mkdtemp(join(tmpdir(), 'nianbao-replay-'));
    const code = await main(
      ['eval', '--provider', 'rules', '--provider', 'openai:mock-labeller', '--replay-only', '--json', '--out', directory, '--thresholds', 'evals/thresholds.json'],
      {
        stdout: { write: (text: string) => out.push(text) },
        stderr: { write: (text: string) => err.push(text) },
        env: { OPENAI_BASE_URL: 'http://127.0.0.1:18787/v1', NIANBAO_CACHE_DIR: 'evals/cache', NIANBAO_PRICES: 'evals/mock-prices.json' },
      },
    );
    expect(code, err.join('')).toBe(0);
    const run = JSON.parse(out.join(''));
    const [rules, mock] = run.summaries;
    expect(rules.provider).toBe('rules');
    expect(mock).toMatchObject({ provider: 'openai:mock-labeller', failures: 0 });
    expect(run.outcomes.filter((outcome: { usage: { cached: boolean } | null; provider: string }) => outcome.provider === 'openai:mock-labeller' && outcome.usage && !outcome.usage.cached)).toEqual([]);
    expect(mock.costUsd).toBeGreaterThan(0);
    expect(run.meta.providers[1]).toMatchObject({ model: 'mock-labeller', promptVersion: 'narrative/v2' });
  }, 60_000);
});
