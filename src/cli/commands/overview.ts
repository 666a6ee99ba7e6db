import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import { CLI } from '../../messages/cli.js';
import { OVERVIEW_USAGE } from '../../messages/usage.js';
import { EXIT, type CliIo } from '../io.js';
import { LANGUAGE_OPTION, resolveLanguage } from '../language.js';
import { parseCommandLine } from '../options.js';
import { OVERVIEW_DATA_FILE, redrawOverview } from '../write-overview.js';

/** nianbao overview DIR: overview.html drawn again from the overview.json a batch wrote. */
export async function runOverviewCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { ...LANGUAGE_OPTION, help: { type: 'boolean', short: 'h', default: false } });
  const language = resolveLanguage(values.lang, io.env);
  if (values.help) {
    io.stdout.write(`${OVERVIEW_USAGE[language]}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError(CLI.overviewNeedsFolder());
  const directory = positionals[0]!;
  if (!existsSync(join(directory, OVERVIEW_DATA_FILE))) {
    io.stderr.write(`nianbao: ${CLI.noOverviewData(join(directory, OVERVIEW_DATA_FILE))[language]}\n`);
    return EXIT.unreadable;
  }
  const page = await redrawOverview(directory, language);
  io.stderr.write(`nianbao: ${CLI.wrote(page)[language]}\n`);
  return EXIT.ok;
}
