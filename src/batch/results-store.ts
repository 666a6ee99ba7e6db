import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../errors.js';
import { outputFailed } from '../file-system.js';
import { OUTPUT } from '../messages/output.js';

/** One line of failures.jsonl: a report that did not make it into results.jsonl this time. */
export type FailureRecord = {
  readonly path: string;
  readonly sha256: string | null;
  /** The configuration it failed under (see configKey); a re-run with it retries the report. */
  readonly config: string;
  /** An error code (needs-ocr, corrupt, provider, extraction, …). */
  readonly code: string;
  readonly message: string;
  /** For `internal` (a bug of nianbao): where it happened, to report it. */
  readonly stack?: string;
  readonly at: string;
};

/** One line of skipped.jsonl: an input that is not a report, and the evidence why (see pipeline/report-evidence.ts). */
export type SkippedRecord = {
  readonly path: string;
  readonly sha256: string;
  readonly code: 'not-a-report';
  /** In the run's language. */
  readonly reason: string;
  readonly at: string;
};

/**
 * A process killed while appending leaves at most one line without its newline. That torn tail is
 * cut off, so that the next append starts clean and nothing half-written is ever read back.
 * Returns the number of bytes removed (0 when the file ends cleanly or does not exist).
 */
export async function repairTornTail(path: string): Promise<number> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const chunk = Buffer.alloc(64 * 1024);
    // Read backwards until the last newline: result lines can be longer than one chunk.
    for (let end = size; end > 0; ) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline !== -1) {
        const keep = start + newline + 1;
        if (keep < size) await handle.truncate(keep);
        return size - keep;
      }
      end = start;
    }
    if (size > 0) await handle.truncate(0);
    return size;
  } finally {
    await handle.close();
  }
}

/** The records of a JSONL file, one at a time (results files are too big to hold at once). */
export async function* streamJsonLines(path: string): AsyncGenerator<unknown> {
  let input;
  try {
    input = createReadStream(path, { encoding: 'utf8' });
    await new Promise<void>((resolve, reject) => input!.once('open', () => resolve()).once('error', reject));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.length === 0) continue;
    try {
      yield JSON.parse(line);
    } catch {
      // Not written by nianbao in one piece (a torn tail is repaired before reading): skip it.
    }
  }
}

/**
 * An append-only JSONL file. Each record is written with one write() of the whole line, so a
 * reader sees whole lines only; `readJsonLines` repairs the rare torn tail after a crash.
 */
export class JsonLinesWriter {
  readonly #path: string;
  readonly #handle: FileHandle;
  #queue: Promise<void> = Promise.resolve();

  private constructor(path: string, handle: FileHandle) {
    this.#path = path;
    this.#handle = handle;
  }

  static async open(path: string): Promise<JsonLinesWriter> {
    try {
      return new JsonLinesWriter(path, await open(path, 'a'));
    } catch (cause) {
      throw outputFailed(path, cause, OUTPUT.nothingReadOrWritten());
    }
  }

  /** Appends one record; writes are serialised so that concurrent reports never interleave. */
  append(record: unknown): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    const write = this.#queue.then(async () => {
      try {
        // One write() normally takes the whole line; loop in case the system takes less.
        for (let offset = 0; offset < line.length; ) {
          const { bytesWritten } = await this.#handle.write(line, offset, line.length - offset);
          offset += bytesWritten;
        }
      } catch (cause) {
        throw outputFailed(this.#path, cause, KEPT);
      }
    });
    this.#queue = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    await this.#queue;
    try {
      await this.#handle.close();
    } catch (cause) {
      throw outputFailed(this.#path, cause, KEPT);
    }
  }
}

const KEPT = OUTPUT.linesKept();

/** A write's error as the output failure it is (an AppError already is one). */
export function asWriteFailure(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('output-failed', `cannot finish writing: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

export const RESULTS_FILE = 'results.jsonl';
export const FAILURES_FILE = 'failures.jsonl';
/** Documents among the inputs that are not reports, each with why: not failures, and not in the exports. */
export const SKIPPED_FILE = 'skipped.jsonl';
export const CROSS_YEAR_FILE = 'cross-year.jsonl';

export function outPath(directory: string, file: string): string {
  return join(directory, file);
}
