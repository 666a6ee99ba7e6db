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

export const TUI_USAGE = `Usage: nianbao tui FILE | DIR | results.jsonl [--fixtures DIR] [--provider P] [--model M]

Reviews reports in the terminal: a filterable list (agency, year, format, template, provider,
finding counts); a report's findings, stated numbers and tables with flagged cells; for each,
the source text around it with the span highlighted and the cells' labels as printed.
A folder is read with the offline rules; a batch's results.jsonl is shown as written.

Ask (a): questions about the open report go to the configured model (as for extract: NIANBAO_MODEL
with OPENAI_API_KEY or OPENAI_BASE_URL, or --provider/--model) with the report and its extracted
result; every number in an answer must come with a quote found in the report, or it is marked ⚠.
Without a model, answers come from the extracted result.

Corrections: c confirms a value, e edits it (with a reason), x dismisses a finding; s saves the
report as a labelled fixture in --fixtures DIR (default ./fixtures): report copy, expected.json,
NOTES.md. Nothing is written before the save is confirmed.

Keys: ↑↓ move, Enter open, Esc back, / filter, t tables, a ask, s save, ? help, q quit.`;

export async function runTuiCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    help: { type: 'boolean', short: 'h', default: false },
    fixtures: { type: 'string', default: 'fixtures' },
    provider: { type: 'string' },
    model: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(`${TUI_USAGE}\n`);
    return EXIT.ok;
  }
  const [input, ...rest] = positionals;
  if (!input || rest.length > 0) throw new UsageError('tui takes one FILE, DIR or results.jsonl');
  if (io.stdout.isTTY !== true) throw new UsageError('tui needs a terminal; for files or pipes use extract, check or batch');
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
  const entries = await loadReports(input);
  const size = { width: Math.max(60, process.stdout.columns ?? 80), height: Math.max(20, process.stdout.rows ?? 24) };
  await runTui({ entries, loadText, size, color, chat, fixturesDirectory: values.fixtures });
  return EXIT.ok;
}
