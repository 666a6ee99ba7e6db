// A thread of the PDF reader pool: reads each PDF it is sent with pdf.js and answers with its
// text and lines, or with the error (its code and reason in both languages: classes do not cross
// threads).
import { parentPort } from 'node:worker_threads';
import { AppError, IngestError } from '../errors.js';
import { INGEST } from '../messages/ingest.js';
import type { Text } from '../messages/text.js';
import { readPdf } from './pdf.js';

export type PdfRequest = { readonly id: number; readonly path: string; readonly bytes: Uint8Array };
export type PdfAnswer =
  | { readonly id: number; readonly ok: true; readonly text: string; readonly pages: number; readonly lines: Awaited<ReturnType<typeof readPdf>>['lines'] }
  | { readonly id: number; readonly ok: false; readonly code: string | null; readonly reason: Text };

// The job being read: pdf.js failing outside its promises (an unhandled rejection or a throw
// from a callback, on a damaged file) ends that job with an error instead of the thread.
let current: { readonly id: number; readonly path: string } | null = null;

const failCurrent = (error: unknown) => {
  if (!current) return;
  const reason = error instanceof Error ? error.message : String(error);
  const answer: PdfAnswer = { id: current.id, ok: false, code: 'corrupt', reason: INGEST.pdfReaderFailed(reason) };
  current = null;
  parentPort?.postMessage(answer);
};
process.on('unhandledRejection', failCurrent);
process.on('uncaughtException', failCurrent);

parentPort?.on('message', async ({ id, path, bytes }: PdfRequest) => {
  current = { id, path };
  let answer: PdfAnswer;
  try {
    const { text, pages, lines } = await readPdf(path, bytes);
    answer = { id, ok: true, text, pages, lines };
  } catch (error) {
    answer = { id, ok: false, code: error instanceof AppError ? error.code : null, reason: reasonOf(error) };
  }
  // Already answered when pdf.js failed outside its promises.
  if (current?.id !== id) return;
  current = null;
  parentPort?.postMessage(answer);
});

/** What is wrong with the file, without its name; a bug's message as it is. */
function reasonOf(error: unknown): Text {
  if (error instanceof IngestError) return error.reason;
  if (error instanceof AppError) return error.text;
  const message = error instanceof Error ? error.message : String(error);
  return { zh: message, en: message };
}
