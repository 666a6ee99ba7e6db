import type { Language } from '../checks/language.js';
import { PROGRESS } from '../messages/batch.js';

/** Where a batch run stands, for the progress line on stderr. */
export type BatchProgress = {
  readonly total: number;
  /** Reports finished this run: read, failed, or skipped (already done, duplicate). */
  readonly finished: number;
  readonly read: number;
  readonly failed: number;
  readonly skipped: number;
  readonly elapsedMs: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** USD so far; null when some call had no price. */
  readonly costUsd: number | null;
  readonly retries: number;
  /** A retry or rate-limit wait in progress: when it ends (ms from now). */
  readonly waitingMs: number | null;
};

/** "412/10000 · 失败 3 · 跳过 51 · 8.2/s · 剩余约 19m30s · 1.2M token · $0.84 · 重试 3 次" */
export function renderProgress(progress: BatchProgress, language: Language): string {
  const seconds = progress.elapsedMs / 1000;
  // Skipped reports cost nothing: the rate and the ETA count the work actually done.
  const worked = progress.read + progress.failed;
  const rate = seconds > 0 ? worked / seconds : 0;
  const remaining = progress.total - progress.finished;
  const parts = [`${progress.finished}/${progress.total}`];
  const say = (part: keyof typeof PROGRESS, value: string) => parts.push(PROGRESS[part](value)[language]);
  if (progress.failed > 0) say('failed', String(progress.failed));
  if (progress.skipped > 0) say('skipped', String(progress.skipped));
  parts.push(`${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)}/s`);
  if (remaining > 0 && rate > 0) say('eta', formatDuration((remaining / rate) * 1000));
  const tokens = progress.inputTokens + progress.outputTokens;
  if (tokens > 0) say('tokens', formatCount(tokens));
  if (progress.costUsd !== null && progress.costUsd > 0) parts.push(`$${progress.costUsd.toFixed(progress.costUsd < 1 ? 4 : 2)}`);
  if (progress.retries > 0) say('retries', String(progress.retries));
  if (progress.waitingMs !== null && progress.waitingMs > 0) say('backingOff', formatDuration(progress.waitingMs));
  return parts.join(' · ');
}

export function formatDuration(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 60) return `${seconds < 10 && milliseconds < 10_000 ? (milliseconds / 1000).toFixed(1) : seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

function formatCount(count: number): string {
  if (count >= 1_000_000) return `${(count / 1_000_000).toFixed(1)}M`;
  if (count >= 1000) return `${(count / 1000).toFixed(1)}k`;
  return String(count);
}
