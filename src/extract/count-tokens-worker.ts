// The worker thread of countTokensOffThread: counts the texts it is sent and answers with the counts.
import { parentPort } from 'node:worker_threads';
import { countTokens } from './count-tokens.js';

parentPort?.on('message', ({ id, texts }: { id: number; texts: readonly string[] }) => {
  parentPort?.postMessage({ id, counts: texts.map(countTokens) });
});
