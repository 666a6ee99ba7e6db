import { AppError, UsageError } from '../errors.js';
import { BATCH_USAGE, runBatchCommand } from './commands/batch.js';
import { CHECK_USAGE, runCheck } from './commands/check.js';
import { EVAL_USAGE, runEvalCommand } from './commands/eval.js';
import { EXTRACT_USAGE, runExtract } from './commands/extract.js';
import { VIEW_USAGE, runView } from './commands/view.js';
import { TUI_USAGE, runTuiCommand } from './commands/tui.js';
import { EXIT, type CliIo } from './io.js';

export const USAGE = `nianbao — 政府信息公开工作年度报告 → checked, structured data

Usage:
  nianbao extract FILE... [--json] [--out DIR] [--lang zh|en]
  nianbao check FILE... [--json] [--lang zh|en]
  nianbao batch INPUT... --out DIR [--list FILE]... [--concurrency N] [--rpm N] [--tpm N]
  nianbao eval [--provider SPEC]... [--fixtures GLOB] [--baseline FILE] [--markdown FILE] [--html FILE]
  nianbao view FILE --html [--out FILE.html | --out -]
  nianbao tui FILE | DIR | results.jsonl
  nianbao --help | --version

Exit codes: 0 ok · 1 findings of severity error (check) · 2 usage · 3 unreadable input or unwritable output · 4 narrative extraction failed (the tables were still read)

${EXTRACT_USAGE}

${CHECK_USAGE}

${BATCH_USAGE}

${EVAL_USAGE}

${VIEW_USAGE}

${TUI_USAGE}`;

type Handler = (argv: readonly string[], io: CliIo) => Promise<number>;

export const COMMANDS: Record<string, Handler> = { extract: runExtract, check: runCheck, batch: runBatchCommand, eval: runEvalCommand, view: runView, tui: runTuiCommand };

/** Runs one command line and returns the exit code; never exits the process itself. */
export async function main(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${version}\n`);
      return EXIT.ok;
    }
    const handler = COMMANDS[command];
    if (!handler) throw new UsageError(`unknown command "${command}"`);
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`nianbao: ${error.message}\nRun "nianbao --help" for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof AppError) {
      // A file that cannot be written or a folder in use: one line, the reason is in it.
      const oneLine = error.code === 'output-failed' || error.code === 'locked';
      io.stderr.write(`nianbao: ${oneLine ? error.message : describeChain(error)}\n`);
      if (error.code === 'config') return EXIT.usage;
      return oneLine ? EXIT.unreadable : EXIT.findings;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`nianbao: internal error, please report it:\n${detail}\n`);
    return EXIT.internal;
  }
}

function describeChain(error: Error): string {
  const parts = [error.message];
  let cause: unknown = error.cause;
  while (cause instanceof Error) {
    parts.push(`caused by: ${cause.message}`);
    cause = cause.cause;
  }
  return parts.join('\n  ');
}
