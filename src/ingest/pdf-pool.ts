import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { IngestError, type AppErrorCode } from '../errors.js';
import { readPdf, type PdfReader, type PdfText } from './pdf.js';
import type { PdfAnswer, PdfRequest } from './pdf-worker.js';
import { INGEST } from '../messages/ingest.js';

export type PdfReaderPool = { readonly read: PdfReader; readonly close: () => Promise<void> };

type Job = {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly resolve: (text: PdfText) => void;
  readonly reject: (error: Error) => void;
  /** Threads that died while reading it. */
  readonly crashes: number;
};
type Thread = { readonly worker: Worker; job: (Job & { readonly id: number }) | null };

/**
 * PDFs read on up to `threads` worker threads. pdf.js spends ~130 ms of one core on a 5-page
 * report (mostly repairing its embedded fonts), and Node runs everything else of a batch on one
 * thread: with a pool, a batch of PDFs uses every core. Threads start with the first PDF, so a
 * run of text files never starts one. Returns null when the compiled worker is not there (tests
 * run the sources): the caller reads on its own thread. A thread that dies (pdf.js running out of
 * memory on a hostile file) costs that PDF one more try on a fresh thread; a second death is a
 * failure of that file, named. It is never read again on this thread, whose death would end the run.
 */
export function createPdfReaderPool(threads: number, url: URL = new URL('./pdf-worker.js', import.meta.url)): PdfReaderPool | null {
  if (threads < 1 || !existsSync(fileURLToPath(url))) return null;
  const pool: Thread[] = [];
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const dispatch = () => {
    while (queue.length > 0) {
      let thread = pool.find((candidate) => candidate.job === null);
      if (!thread && pool.length < threads) thread = start();
      if (!thread) return;
      const job = { ...queue.shift()!, id: nextId++ };
      thread.job = job;
      thread.worker.ref();
      const request: PdfRequest = { id: job.id, path: job.path, bytes: job.bytes };
      thread.worker.postMessage(request);
    }
  };

  const start = (): Thread => {
    const thread: Thread = { worker: new Worker(url), job: null };
    thread.worker.on('message', (answer: PdfAnswer) => {
      const job = thread.job;
      if (!job || job.id !== answer.id) return;
      thread.job = null;
      thread.worker.unref();
      if (answer.ok) job.resolve({ text: answer.text, pages: answer.pages, lines: answer.lines });
      else job.reject(answer.code ? new IngestError(answer.code as AppErrorCode, job.path, answer.reason) : new Error(answer.reason.en));
      dispatch();
    });
    const lost = () => {
      if (!pool.includes(thread)) return;
      pool.splice(pool.indexOf(thread), 1);
      const job = thread.job;
      thread.job = null;
      if (job && job.crashes === 0) queue.unshift({ ...job, crashes: job.crashes + 1 });
      else if (job) job.reject(new IngestError('corrupt', job.path, INGEST.pdfReaderCrashed()));
      dispatch();
    };
    thread.worker.on('error', lost);
    thread.worker.on('exit', lost);
    pool.push(thread);
    return thread;
  };

  return {
    read: (path, bytes) => {
      if (closed) return readPdf(path, bytes);
      return new Promise<PdfText>((resolve, reject) => {
        queue.push({ path, bytes, resolve, reject, crashes: 0 });
        dispatch();
      });
    },
    close: async () => {
      closed = true;
      const stopping = pool.splice(0).map((thread) => thread.worker.terminate());
      await Promise.all(stopping);
    },
  };
}

