import type { Language } from '../checks/language.js';
import { AppError, describeError, UsageError } from '../errors.js';
import { CLI } from '../messages/cli.js';
import { BATCH_USAGE, CHECK_USAGE, EVAL_USAGE, EXTRACT_USAGE, MAIN_USAGE, TUI_USAGE, VIEW_USAGE } from '../messages/usage.js';
import { runBatchCommand } from './commands/batch.js';
import { runCheck } from './commands/check.js';
import { runEvalCommand } from './commands/eval.js';
import { runExtract } from './commands/extract.js';
import { runView } from './commands/view.js';
import { runOverviewCommand } from './commands/overview.js';
import { runExportCommand } from './commands/export.js';
import { runTuiCommand } from './commands/tui.js';
import { EXIT, type CliIo } from './io.js';
import { languageOfCommandLine } from './language.js';

/** The whole help: the overview, then every command's own. */
export function usage(language: Language): string {
  return [MAIN_USAGE, EXTRACT_USAGE, CHECK_USAGE, BATCH_USAGE, EVAL_USAGE, VIEW_USAGE, TUI_USAGE].map((part) => part[language]).join('\n\n');
}

type Handler = (argv: readonly string[], io: CliIo) => Promise<number>;

export const COMMANDS: Record<string, Handler> = { extract: runExtract, check: runCheck, batch: runBatchCommand, eval: runEvalCommand, view: runView, overview: runOverviewCommand, export: runExportCommand, tui: runTuiCommand };

/** Runs one command line and returns the exit code; never exits the process itself. */
export async function main(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  const [command, ...rest] = argv;
  // Known before the flags are parsed: a mistake in them is told in the language asked for.
  const language = languageOfCommandLine(argv, io.env);
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help' || command === '--lang' || command.startsWith('--lang=')) {
      io.stdout.write(`${usage(language)}\n`);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${version}\n`);
      return EXIT.ok;
    }
    const handler = COMMANDS[command];
    if (!handler) throw new UsageError(CLI.unknownCommand(command));
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`nianbao: ${error.text[language]}\n${CLI.seeHelp()[language]}\n`);
      return EXIT.usage;
    }
    if (error instanceof AppError) {
      // A file that cannot be written or a folder in use: one line, the reason is in it.
      const oneLine = error.code === 'output-failed' || error.code === 'locked';
      io.stderr.write(`nianbao: ${oneLine ? error.text[language] : describeChain(error, language)}\n`);
      if (error.code === 'config') return EXIT.usage;
      return oneLine ? EXIT.unreadable : EXIT.findings;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`nianbao: ${CLI.internalError(detail)[language]}\n`);
    return EXIT.internal;
  }
}

function describeChain(error: Error, language: Language): string {
  const parts = [describeError(error, language)];
  let cause: unknown = error.cause;
  while (cause instanceof Error) {
    parts.push(CLI.causedBy(describeError(cause, language))[language]);
    cause = cause.cause;
  }
  return parts.join('\n  ');
}
