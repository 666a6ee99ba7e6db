import { describe, expect, it } from 'vitest';
import { formatDuration, renderProgress, type BatchProgress } from './render-progress.js';

const base: BatchProgress = {
  total: 10_000,
  finished: 412,
  read: 358,
  failed: 3,
  skipped: 51,
  elapsedMs: 44_000,
  inputTokens: 1_150_000,
  outputTokens: 52_000,
  costUsd: 0.8412,
  retries: 3,
  waitingMs: 4000,
};

describe('renderProgress', () => {
  it('says where the run stands: done/total, failures, skips, rate and ETA from the work done, tokens, cost, retries, a back-off', () => {
    expect(renderProgress(base, 'zh')).toBe('412/10000 · 失败 3 · 跳过 51 · 8.2/s · 剩余约 19m29s · 1.2M token · $0.8412 · 重试 3 次 · 退避等待 4.0s');
    expect(renderProgress(base, 'en')).toBe('412/10000 · 3 failed · 51 skipped · 8.2/s · ETA 19m29s · 1.2M tok · $0.8412 · 3 retries · backing off 4.0s');
  });

  it('leaves out what has not happened, and the ETA once everything is done', () => {
    expect(renderProgress({ ...base, finished: 10_000, read: 10_000, failed: 0, skipped: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, retries: 0, waitingMs: null, elapsedMs: 80_000 }, 'zh')).toBe('10000/10000 · 125/s');
  });

  it('an unpriced model shows no cost rather than $0', () => {
    expect(renderProgress({ ...base, costUsd: null }, 'zh')).not.toContain('$');
  });
});

describe('formatDuration', () => {
  it.each([
    [900, '0.9s'],
    [42_000, '42s'],
    [1_168_000, '19m28s'],
    [7_380_000, '2h03m'],
  ])('%d ms → %s', (milliseconds, text) => {
    expect(formatDuration(milliseconds)).toBe(text);
  });
});
