import { render } from 'ink';
import { App } from './app.js';
import type { ReportEntry } from './load-reports.js';
import type { Result } from '../report/schemas.js';

/** Runs the review UI full-screen until the person quits; ink restores the terminal on exit and Ctrl-C. */
export async function runTui(entries: readonly ReportEntry[], loadText: (result: Result) => Promise<string>, size: { width: number; height: number }, color: boolean): Promise<void> {
  const instance = render(<App entries={entries} loadText={loadText} width={size.width} height={size.height} color={color} />);
  await instance.waitUntilExit();
}
