// A stand-in for dist/src/ingest/pdf-worker.js that dies the way pdf.js can on a hostile file:
// for a path containing "dies", the thread ends with an uncaught error; for "dies-once", only the
// first time (a later thread reads it). Anything else is answered as a one-line PDF.
import { existsSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', ({ id, path }) => {
  const marker = `${path}.died`;
  if (path.includes('dies-once') && !existsSync(marker)) {
    writeFileSync(marker, '');
    setTimeout(() => {
      throw new Error('pdf.js ran out of memory');
    });
    return;
  }
  if (path.includes('dies') && !path.includes('dies-once')) {
    setTimeout(() => {
      throw new Error('pdf.js ran out of memory');
    });
    return;
  }
  parentPort?.postMessage({ id, ok: true, text: `read ${path}\n`, pages: 1, lines: [] });
});
