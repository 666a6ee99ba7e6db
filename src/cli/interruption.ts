import type { Language } from '../checks/language.js';
import { CLI } from '../messages/cli.js';
import type { Text } from '../messages/text.js';
import { EXIT, type CliIo } from './io.js';

export type Interruption = {
  /** Aborted by a Ctrl-C during the current stage. */
  readonly signal: () => AbortSignal;
  /** A new stage (the exports after the reports): a Ctrl-C in it stops it, even after one stopped the stage before. */
  readonly stage: (whatStops: Text) => AbortSignal;
  /** 130 after Ctrl-C, 143 after SIGTERM, else 0. */
  readonly exitCode: () => number;
  readonly dispose: () => void;
};

const EXIT_CODES: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: EXIT.interrupted, SIGTERM: 143 };

/**
 * Ctrl-C (or SIGTERM) during a batch: the first in a stage asks it to stop where it is safe (the
 * reports in flight finish and are written; exports under way are abandoned and their temporary
 * files removed); another in the same stage quits at once, which results.jsonl survives too (it
 * is append-only). `onQuit` runs synchronously before that exit (the --out lock is removed there).
 */
export function catchInterruption(io: CliIo, language: Language, whatStops: Text, onQuit: () => void): Interruption {
  let controller = new AbortController();
  let phase = whatStops;
  let received: 'SIGINT' | 'SIGTERM' | null = null;
  const handle = (signal: 'SIGINT' | 'SIGTERM') => {
    received = signal;
    if (controller.signal.aborted) {
      onQuit();
      process.exit(EXIT_CODES[signal]);
    }
    io.stderr.write(`\nnianbao: ${CLI.stopping(phase)[language]}\n`);
    controller.abort();
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  return {
    signal: () => controller.signal,
    stage: (next) => {
      controller = new AbortController();
      phase = next;
      return controller.signal;
    },
    exitCode: () => (received ? EXIT_CODES[received] : EXIT.ok),
    dispose: () => {
      process.removeListener('SIGINT', handle);
      process.removeListener('SIGTERM', handle);
    },
  };
}
