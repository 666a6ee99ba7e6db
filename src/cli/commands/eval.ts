import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from '../../config/env.js';
import { resolveExtractorConfig } from '../../config/resolve-config.js';
import { AppError, UsageError } from '../../errors.js';
import { parseCommandLine } from '../options.js';
import { summarize, type ProviderSummary } from '../../eval/aggregate.js';
import { checkMinimums, compareWithBaseline, thresholdsSchema, type Regression } from '../../eval/compare-baseline.js';
import { loadFixtures } from '../../eval/load-fixtures.js';
import { renderMatrix, renderMarkdown, type RunMeta } from '../../eval/render-eval.js';
import { runEval, type EvalProvider, type FixtureOutcome } from '../../eval/run-eval.js';
import { narrativeJsonSchema } from '../../extract/narrative-json-schema.js';
import { readDocument } from '../../ingest/read-document.js';
import { createExtractor } from '../create-extractor.js';
import { EXIT, type CliIo } from '../io.js';
import { CLI } from '../../messages/cli.js';
import { EVAL_ERRORS, EVAL_WORDS } from '../../messages/eval.js';
import { say } from '../../messages/text.js';
import { EVAL_USAGE } from '../../messages/usage.js';
import { LANGUAGE_OPTION, resolveLanguage } from '../language.js';


export type EvalRun = { readonly meta: RunMeta; readonly summaries: readonly ProviderSummary[]; readonly outcomes: readonly FixtureOutcome[] };

export async function runEvalCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseEvalArgs(argv, io.env);
  if (options.help) {
    io.stdout.write(`${EVAL_USAGE[options.language]}\n`);
    return EXIT.ok;
  }
  const pattern = globToRegExp(options.fixtures ?? '*');
  const fixtures = (await loadFixtures(options.dir).catch((cause: unknown) => {
    // An installed copy run outside the repository has no fixtures/: say so, not a stack.
    if (cause instanceof Error && 'code' in cause && (cause.code === 'ENOENT' || cause.code === 'ENOTDIR')) throw new UsageError(CLI.noFixturesFolder(options.dir));
    throw cause;
  })).filter((fixture) => pattern.test(fixture.id));
  if (fixtures.length === 0) throw new UsageError(CLI.noFixture(options.dir, String(options.fixtures)));
  const documents = await Promise.all(fixtures.map(async (fixture) => ({ ...fixture, document: await readDocument(fixture.documentPath) })));
  const env = parseEnv(io.env);
  const providers: EvalProvider[] = [];
  for (const spec of options.providers.length > 0 ? options.providers : ['rules']) {
    const [provider, ...model] = spec.split(':');
    const config = resolveExtractorConfig({ provider, ...(model.length > 0 ? { model: model.join(':') } : {}), ...(options.noCache ? { cache: false } : {}) }, env, { cacheDirectory: '.nianbao-cache' });
    const { extractor, prices } = await createExtractor(config, { replayOnly: options.replayOnly });
    providers.push({ label: spec, extractor, prices });
  }
  const words = EVAL_WORDS[options.language];
  const outcomes = await runEval({
    fixtures: documents,
    providers,
    concurrency: options.concurrency,
    onEvent: (event) => {
      if (event.type !== 'fixture-end') return;
      const { outcome } = event;
      const wrong = outcome.score?.wrong.length ?? 0;
      const mark = outcome.failure ? words.progressFailed(outcome.failure) : wrong === 0 ? words.exact : words.wrongFields(wrong);
      io.stderr.write(`${words.progress(outcome.provider, outcome.fixtureId, mark)}\n`);
    },
  });
  const summaries = summarize(outcomes);
  const meta: RunMeta = {
    date: new Date().toISOString(),
    gitSha: gitSha(),
    schemaHash: narrativeJsonSchema().hash,
    providers: providers.map((provider) => ({
      label: provider.label,
      provider: provider.extractor.provider,
      model: provider.extractor.model,
      promptVersion: provider.extractor.promptVersion,
      promptHash: provider.extractor.promptHash,
    })),
    fixtures: fixtures.map((fixture) => fixture.id),
  };
  const run: EvalRun = { meta, summaries, outcomes };
  const resultsPath = await writeRun(options.out, run);
  io.stdout.write(options.json ? `${JSON.stringify(run, null, 2)}\n` : `${renderMatrix(summaries, options.language)}\n`);
  io.stderr.write(`${words.resultsWritten(resultsPath)}\n`);
  if (options.markdown) await writeReport(options.markdown, renderMarkdown(meta, summaries, options.language));
  if (options.html) {
    const { renderEvalHtml } = await import('../../eval/render-eval-html.js');
    await writeReport(options.html, renderEvalHtml(run, Object.fromEntries(documents.map((fixture) => [fixture.id, fixture.document.text])), options.language));
  }
  const regressions = await gate(summaries, options);
  for (const regression of regressions) io.stderr.write(`${words.regression(say(regression.message, options.language))}\n`);
  return regressions.length > 0 ? EXIT.findings : EXIT.ok;
}

async function gate(summaries: readonly ProviderSummary[], options: ReturnType<typeof parseEvalArgs>): Promise<Regression[]> {
  const thresholdsPath = options.thresholds ?? (existsSync('evals/thresholds.json') ? 'evals/thresholds.json' : undefined);
  if (!thresholdsPath) return [];
  const thresholds = thresholdsSchema.parse(JSON.parse(await readFile(thresholdsPath, 'utf8')));
  const regressions = checkMinimums(summaries, thresholds);
  if (options.baseline) {
    const baseline = JSON.parse(await readFile(options.baseline, 'utf8')) as EvalRun;
    regressions.push(...compareWithBaseline(summaries, baseline.summaries, thresholds));
  }
  return regressions;
}

async function writeRun(directory: string, run: EvalRun): Promise<string> {
  try {
    await mkdir(directory, { recursive: true });
    const path = join(directory, `${run.meta.date.replace(/[:.]/g, '-')}-${run.meta.gitSha?.slice(0, 8) ?? 'nogit'}.json`);
    await writeFile(path, `${JSON.stringify(run, null, 2)}\n`, 'utf8');
    return path;
  } catch (cause) {
    throw new AppError('output-failed', EVAL_ERRORS.cannotWriteResults(directory), { cause });
  }
}

async function writeReport(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, 'utf8');
  } catch (cause) {
    throw new AppError('output-failed', EVAL_ERRORS.cannotWriteReport(path), { cause });
  }
}

function gitSha(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

function parseEvalArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>) {
  const parsed = parseCommandLine(
    argv,
    {
      provider: { type: 'string', multiple: true, default: [] },
      fixtures: { type: 'string' },
      dir: { type: 'string', default: 'fixtures' },
      'replay-only': { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '4' },
      baseline: { type: 'string' },
      thresholds: { type: 'string' },
      out: { type: 'string', default: 'evals/results' },
      markdown: { type: 'string' },
      html: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...LANGUAGE_OPTION,
    },
    false,
  );
  const { values } = parsed;
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(CLI.concurrency(String(values.concurrency)));
  return {
    providers: values.provider,
    fixtures: values.fixtures,
    dir: values.dir,
    replayOnly: values['replay-only'],
    noCache: values['no-cache'],
    concurrency,
    baseline: values.baseline,
    thresholds: values.thresholds,
    out: values.out,
    markdown: values.markdown,
    html: values.html,
    json: values.json,
    help: values.help,
    language: resolveLanguage(values.lang, env),
  };
}
