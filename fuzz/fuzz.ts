// npm run fuzz: every fixture report damaged in seeded ways and run through the whole pipeline,
// each input in a worker process watched by a clock. A crash (an exception, an unhandled
// rejection, a process that dies), a hang (no answer in --timeout-ms) or a result that breaks
// the result schema is a failure, printed with the command that reproduces it alone.
//
//   node dist/fuzz/fuzz.js [--inputs 20000] [--seed 1] [--processes N] [--timeout-ms 5000]
//   node dist/fuzz/fuzz.js --seed S --only I [--save FILE]   (one input, in this process)
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildInput, loadFixtureReports, runInput, type FixtureReport, type FuzzVerdict } from './fuzz-input.js';

type Answer = { readonly index: number; readonly verdict: FuzzVerdict; readonly milliseconds: number; readonly label: string };
type Crash = { readonly index: number; readonly crash: string };

const { values } = parseArgs({
  options: {
    inputs: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    processes: { type: 'string', default: String(Math.max(1, availableParallelism())) },
    'timeout-ms': { type: 'string', default: '5000' },
    only: { type: 'string' },
    save: { type: 'string' },
    child: { type: 'boolean', default: false },
  },
});

const seed = Number(values.seed);
const fixtures = loadFixtureReports(join(projectRoot(), 'fixtures'));

if (values.child) runChild();
else if (values.only !== undefined) await runOne(Number(values.only));
else process.exitCode = await runParent(Number(values.inputs), Number(values.processes), Number(values['timeout-ms']));

/** The folder holding fixtures/, from fuzz/ (sources) or dist/fuzz/ (built). */
function projectRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'fixtures')) && dirname(directory) !== directory) directory = dirname(directory);
  return directory;
}

function labelOf(fixture: FixtureReport, mutations: readonly string[]): string {
  return `${fixture.id}/${fixture.name}: ${mutations.join(' → ')}`;
}

function runChild(): void {
  let current = -1;
  const crashed = (error: unknown) => {
    const crash: Crash = { index: current, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    process.send?.(crash, undefined, undefined, () => process.exit(1));
  };
  process.on('uncaughtException', crashed);
  process.on('unhandledRejection', crashed);
  process.on('message', async ({ index }: { index: number }) => {
    current = index;
    const input = await buildInput(fixtures, seed, index);
    const started = performance.now();
    const verdict = await runInput(input);
    const answer: Answer = { index, verdict, milliseconds: performance.now() - started, label: labelOf(input.fixture, input.mutations) };
    process.send?.(answer);
  });
}

async function runOne(index: number): Promise<void> {
  const input = await buildInput(fixtures, seed, index);
  console.log(`input ${index} (seed ${seed}): ${labelOf(input.fixture, input.mutations)}, ${input.bytes.length} bytes, language ${input.language}`);
  if (values.save) {
    const file = values.save.endsWith(extname(input.fixture.name)) ? values.save : `${values.save}${extname(input.fixture.name)}`;
    await writeFile(file, input.bytes);
    console.log(`saved to ${file}`);
  }
  const started = performance.now();
  const verdict = await runInput(input);
  console.log(`${verdict.status}${verdict.reason ? ` (${verdict.reason})` : ''} in ${Math.round(performance.now() - started)} ms`);
  for (const problem of verdict.problems) console.log(problem);
  process.exitCode = verdict.status === 'broken' ? 1 : 0;
}

async function runParent(total: number, processes: number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  const counts = { analysed: 0, refused: 0, broken: 0, crashed: 0, hung: 0 };
  const failures: string[] = [];
  let slowest = { milliseconds: 0, label: '' };
  let next = 0;
  let finished = 0;
  const reproduce = (index: number) => `node dist/fuzz/fuzz.js --seed ${seed} --only ${index} --save /tmp/fuzz-${index}`;

  console.log(`fuzz: ${total} inputs from ${fixtures.length} fixture reports, seed ${seed}, ${processes} processes, ${timeoutMs} ms per input`);
  await new Promise<void>((resolve) => {
    const startWorker = () => {
      if (next >= total) {
        if (finished === total) resolve();
        return;
      }
      const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--child', '--seed', String(seed)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      let index = -1;
      let timer: NodeJS.Timeout | undefined;
      let done = false;
      const give = () => {
        if (next >= total) {
          done = true;
          child.kill();
          if (finished === total) resolve();
          return;
        }
        index = next++;
        timer = setTimeout(() => {
          counts.hung += 1;
          failures.push(`hung (no answer in ${timeoutMs} ms): input ${index}; ${reproduce(index)}`);
          settle(true);
        }, timeoutMs);
        child.send({ index });
      };
      // One input ended (answered, crashed or hung); a dead or killed process is replaced.
      const settle = (replace: boolean) => {
        clearTimeout(timer);
        finished += 1;
        if (finished % 1000 === 0) console.log(`  ${finished}/${total} in ${Math.round((performance.now() - started) / 1000)} s`);
        if (replace) {
          done = true;
          child.kill('SIGKILL');
          startWorker();
        } else give();
      };
      child.on('message', (message: Answer | Crash) => {
        if (done || message.index !== index) return;
        if ('crash' in message) {
          counts.crashed += 1;
          failures.push(`crashed: input ${index}: ${message.crash.split('\n').slice(0, 6).join('\n    ')}\n  ${reproduce(index)}`);
          settle(true);
          return;
        }
        counts[message.verdict.status] += 1;
        if (message.milliseconds > slowest.milliseconds) slowest = { milliseconds: message.milliseconds, label: `input ${index}, ${message.label}` };
        if (message.verdict.status === 'broken') failures.push(`broken: input ${index} (${message.label}):\n    ${message.verdict.problems.slice(0, 3).join('\n    ')}\n  ${reproduce(index)}`);
        settle(false);
      });
      child.on('exit', (code, signal) => {
        if (done) return;
        counts.crashed += 1;
        failures.push(`crashed: the process died (${signal ?? `exit ${code}`}) on input ${index}; ${reproduce(index)}`);
        settle(true);
      });
      give();
    };
    for (let worker = 0; worker < Math.min(processes, total); worker += 1) startWorker();
  });

  for (const failure of failures.slice(0, 50)) console.log(failure);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`slowest input: ${Math.round(slowest.milliseconds)} ms (${slowest.label})`);
  console.log(
    `fuzz: ${total} inputs in ${seconds} s: ${counts.analysed} analysed, ${counts.refused} refused with a named reason, ${counts.broken} broken, ${counts.crashed} crashed, ${counts.hung} hung`,
  );
  return counts.broken + counts.crashed + counts.hung > 0 ? 1 : 0;
}
