import type { EvalRun } from '../cli/commands/eval.js';

/** Placeholder until the HTML report lands: a minimal page with the Markdown-free matrix. */
export function renderEvalHtml(run: EvalRun, _documents: Readonly<Record<string, string>>): string {
  return `<!doctype html><meta charset="utf-8"><title>nianbao eval</title><pre>${JSON.stringify(run.summaries, null, 2).replace(/</g, '&lt;')}</pre>`;
}
