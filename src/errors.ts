export type AppErrorCode =
  | 'usage'
  | 'file-not-found'
  | 'not-a-file'
  | 'empty-file'
  | 'binary-file'
  | 'undecodable'
  | 'unsupported-format'
  | 'not-a-report'
  | 'output-failed'
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
