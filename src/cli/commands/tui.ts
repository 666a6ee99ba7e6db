import { UsageError } from '../../errors.js';
import { EXIT, type CliIo } from '../io.js';

export const TUI_USAGE = `Usage: nianbao tui FILE | DIR | results.jsonl

Reviews reports in the terminal: a filterable list (agency, year, format, template, provider,
finding counts); a report's findings and stated numbers; for each, the source text around it with
the span highlighted and the cells' labels as printed. A folder is read with the offline rules; a
batch's results.jsonl is shown as written. Keys: ↑↓ move, Enter open, Esc back, / filter, ? help, q quit.`;

export async function runTuiCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${TUI_USAGE}\n`);
    return EXIT.ok;
  }
  const [input, ...rest] = argv;
  if (!input || rest.length > 0) throw new UsageError('tui takes one FILE, DIR or results.jsonl');
  if (io.stdout.isTTY !== true) throw new UsageError('tui needs a terminal; for files or pipes use extract, check or batch');
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
  await runTui(entries, loadText, size, color);
  return EXIT.ok;
}
