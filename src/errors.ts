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

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad command-line usage: the CLI prints usage and exits 2. */
export class UsageError extends AppError {
  constructor(message: string) {
    super('usage', message);
  }
}

/** A file that cannot be read as a report: names the file and what is wrong. Exit 3. */
export class IngestError extends AppError {
  constructor(
    code: AppErrorCode,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, `${path}: ${message}`, options);
  }
}

/** Configuration that cannot work (a missing key, an unknown provider). */
export class ConfigError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('config', message, options);
  }
}

/** The LLM endpoint failed (HTTP error, timeout, refusal) after the client's own retries. */
export class ProviderError extends AppError {
  /** How long the endpoint asked to wait before trying again (retry-after), when it said. */
  readonly retryAfterMs: number | null;
  constructor(
    message: string,
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
    message: string,
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
    readonly stage: string,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? `${options.cause.name}: ${options.cause.message}` : String(options.cause);
    super('internal', `${path}: internal error while ${stage} (${reason}); this is a bug in nianbao, please report it with this file`, options);
  }
}

/** Where a bug happened (the first lines of its cause's stack), for the report of it; undefined for any other failure. */
export function bugStack(error: AppError): string | undefined {
  if (error.code !== 'internal' || !(error.cause instanceof Error)) return undefined;
  return error.cause.stack?.split('\n').slice(1, 7).join('\n') || undefined;
}
