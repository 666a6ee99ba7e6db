import { join } from 'node:path';
import { parseEnv } from '../../config/env.js';
import { resolveExtractorConfig } from '../../config/resolve-config.js';
import { UsageError } from '../../errors.js';
import { loadPrompt } from '../../extract/prompt.js';
import { createModelClient } from '../create-extractor.js';
import { EXIT, type CliIo } from '../io.js';
import { extractorFlagsFrom, parseCommandLine } from '../options.js';
import { packageRoot } from '../package-root.js';
import { DEFAULT_CACHE_DIRECTORY } from '../prepare-extraction.js';
import { CLI } from '../../messages/cli.js';
import { TUI_USAGE } from '../../messages/usage.js';
import { LANGUAGE_OPTION, resolveLanguage } from '../language.js';


export async function runTuiCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    help: { type: 'boolean', short: 'h', default: false },
    fixtures: { type: 'string', default: 'fixtures' },
    provider: { type: 'string' },
    model: { type: 'string' },
    ...LANGUAGE_OPTION,
  });
  const language = resolveLanguage(values.lang, io.env);
  if (values.help) {
    io.stdout.write(`${TUI_USAGE[language]}\n`);
    return EXIT.ok;
  }
  const [input, ...rest] = positionals;
  if (!input || rest.length > 0) throw new UsageError(CLI.tuiOneInput());
  if (io.stdout.isTTY !== true) throw new UsageError(CLI.tuiNeedsTerminal());
  const config = resolveExtractorConfig(extractorFlagsFrom(values), parseEnv(io.env), { cacheDirectory: DEFAULT_CACHE_DIRECTORY });
  const chat = config.provider === 'rules' ? null : { client: await createModelClient(config), prompt: await loadPrompt(join(packageRoot(), 'prompts'), 'chat', 'v1') };
  // NO_COLOR (https://no-color.org): chalk, under ink, does not read it; FORCE_COLOR=0 it does.
  const color = !io.env['NO_COLOR'] && io.env['TERM'] !== 'dumb';
  if (!color) process.env['FORCE_COLOR'] = '0';
  // ink draws only the last frame when CI is set (is-in-ci, read when ink loads). This command
  // has just checked it owns a terminal, so a CI variable left in a dev container must not blank it.
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
  // React and ink load only for this command.
  const { loadReports, loadText } = await import('../../tui/load-reports.js');
  const { runTui } = await import('../../tui/run-tui.js');
  const { entries, notReports } = await loadReports(input, language);
  const size = { width: Math.max(60, process.stdout.columns ?? 80), height: Math.max(20, process.stdout.rows ?? 24) };
  await runTui({ entries, notReports: notReports.length, loadText, size, color, chat, fixturesDirectory: values.fixtures, language });
  return EXIT.ok;
}
