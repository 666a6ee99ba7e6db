import type { Language } from './checks/language.js';
import { MESSAGES, type Stage } from './messages/errors.js';
import { aboutFile, type Text } from './messages/text.js';

export type AppErrorCode =
  | 'usage'
  | 'file-not-found'
  | 'not-a-file'
  | 'empty-file'
  | 'binary-file'
  | 'undecodable'
  | 'unsupported-format'
  | 'not-a-report'
  | 'needs-ocr'
  | 'encrypted'
  | 'corrupt'
  | 'too-large'
  | 'unreadable'
  | 'output-failed'
  | 'locked'
  | 'config'
  | 'provider'
  | 'extraction'
  | 'cache-miss'
  | 'internal';

/**
 * A failure a person is told about. `text` is what they read, in both languages; `message` is its
 * English (stacks, logs, failures.jsonl). A plain string is a message not yet translated.
 */
export class AppError extends Error {
  readonly text: Text;
  constructor(
    readonly code: AppErrorCode,
    message: Text | string,
    options?: { cause?: unknown },
  ) {
    const said = typeof message === 'string' ? { zh: message, en: message } : message;
    super(said.en, options);
    this.name = new.target.name;
    this.text = said;
  }
}

/** What a person reads of any error: an AppError in their language, anything else as its message. */
export function describeError(error: unknown, language: Language): string {
  if (error instanceof AppError) return error.text[language];
  return error instanceof Error ? error.message : String(error);
}

/** Bad command-line usage: the CLI prints usage and exits 2. */
export class UsageError extends AppError {
  constructor(message: Text | string) {
    super('usage', message);
  }
}

/** A file that cannot be read as a report: names the file and what is wrong. Exit 3. */
export class IngestError extends AppError {
  /** What is wrong with the file, without its name (a worker thread sends it back as it is). */
  readonly reason: Text;
  constructor(
    code: AppErrorCode,
    readonly path: string,
    reason: Text | string,
    options?: { cause?: unknown },
  ) {
    const said = typeof reason === 'string' ? { zh: reason, en: reason } : reason;
    super(code, { zh: aboutFile(path, said.zh, 'zh'), en: aboutFile(path, said.en, 'en') }, options);
    this.reason = said;
  }
}

/** Configuration that cannot work (a missing key, an unknown provider). */
export class ConfigError extends AppError {
  constructor(message: Text | string, options?: { cause?: unknown }) {
    super('config', message, options);
  }
}

/** The LLM endpoint failed (HTTP error, timeout, refusal) after the client's own retries. */
export class ProviderError extends AppError {
  /** How long the endpoint asked to wait before trying again (retry-after), when it said. */
  readonly retryAfterMs: number | null;
  constructor(
    message: Text | string,
    readonly status: number | null,
    options?: { cause?: unknown; retryAfterMs?: number | null },
  ) {
    super('provider', message, options);
    this.retryAfterMs = options?.retryAfterMs ?? null;
  }
}

/** Every attempt returned text that did not parse or validate; carries what came back. */
export class ExtractionError extends AppError {
  constructor(
    message: Text | string,
    readonly rawText: string,
    readonly issues: readonly string[],
    readonly usage: { readonly inputTokens: number; readonly outputTokens: number; readonly attempts: number },
    options?: { cause?: unknown },
  ) {
    super('extraction', message, options);
  }
}

/**
 * A bug met while processing one input, named with the input and the stage: the run goes on
 * with the others, and the cause (with its stack) is kept for the report.
 */
export class InternalError extends AppError {
  constructor(
    readonly path: string,
    readonly stage: Stage,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? `${options.cause.name}: ${options.cause.message}` : String(options.cause);
    super('internal', MESSAGES.bug(path, stage, reason), options);
  }
}

/** Where a bug happened (the first lines of its cause's stack), for the report of it; undefined for any other failure. */
export function bugStack(error: AppError): string | undefined {
  if (error.code !== 'internal' || !(error.cause instanceof Error)) return undefined;
  return error.cause.stack?.split('\n').slice(1, 7).join('\n') || undefined;
}
