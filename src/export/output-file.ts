import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

/**
 * A file written through a stream, whose failure (a full disk, a vanished folder) is an error of
 * the next write or of close. A bare WriteStream emits it as an 'error' event, which ends the
 * process when nobody listens, or leaves a later write failing with ERR_STREAM_DESTROYED.
 */
export class OutputFile {
  readonly stream: WriteStream;
  #error: Error | null = null;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
    this.stream.on('error', (error) => {
      this.#error ??= error;
    });
  }

  /** The first error of the stream, thrown (the write that met it is lost, and so is the file). */
  check(): void {
    if (this.#error) throw this.#error;
  }

  async write(text: string): Promise<void> {
    this.check();
    if (!this.stream.write(text)) await once(this.stream, 'drain');
    this.check();
  }

  async close(): Promise<void> {
    this.check();
    this.stream.end();
    await finished(this.stream);
    this.check();
  }

  destroy(): void {
    this.stream.destroy();
  }
}
