// Records `openai:mock-labeller` into evals/cache: a stand-in OpenAI-compatible model served by
// the test mock on 127.0.0.1:18787. It answers each report with that fixture's hand label, damaged
// in fixed ways (the fee left out, every statement's parts dropped, every third report's first 收到 quote reworded),
// so the comparison with `rules` has something to show. Re-run after fixtures or the prompt change:
//   npm run build && node evals/record-mock-model.mjs
// Replay (no server, no key):
//   OPENAI_BASE_URL=http://127.0.0.1:18787/v1 NIANBAO_CACHE_DIR=evals/cache NIANBAO_PRICES=evals/mock-prices.json \
//     npx nianbao eval --provider rules --provider openai:mock-labeller --replay-only
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startMockOpenAiServer } from '../test/support/mock-openai-server.mjs';
import { readDocument } from '../dist/src/ingest/read-document.js';
import { analyzeStructure } from '../dist/src/pipeline/analyze-document.js';

const root = new URL('..', import.meta.url).pathname;
const fixtures = readdirSync(join(root, 'fixtures'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const answers = [];
for (const [index, id] of fixtures.entries()) {
  const expected = JSON.parse(readFileSync(join(root, 'fixtures', id, 'expected.json'), 'utf8'));
  if (!expected.narrative) continue;
  const { input } = analyzeStructure(await readDocument(join(root, 'fixtures', id, expected.document)));
  if (!input) continue;
  answers.push({ input: input.text, answer: damage(expected.narrative, index) });
}

function damage(narrative, index) {
  const copy = structuredClone(narrative);
  copy.fee.statements = [];
  for (const topic of ['activeDisclosure', 'applications', 'reviewLitigation']) {
    for (const statement of copy[topic].statements) {
      statement.parts = [];
      statement.partsComplete = false;
    }
  }
  const received = copy.applications.statements.find((statement) => statement.measure === 'received');
  if (index % 3 === 0 && received) received.count = { ...received.count, quote: `${received.count.quote}（据统计）` };
  return copy;
}

const server = await startMockOpenAiServer({
  port: 18787,
  respond: (request) => {
    const last = request.body?.messages?.at(-1)?.content ?? '';
    const match = answers.find((entry) => String(last).endsWith(entry.input));
    return match ? { json: match.answer } : { status: 400, message: 'mock-labeller: no fixture matches this report' };
  },
});
try {
  rmSync(join(root, 'evals/cache'), { recursive: true, force: true });
  // Asynchronous: the mock server answers from this process's event loop.
  const child = spawn(process.execPath, [join(root, 'dist/src/cli/main.js'), 'eval', '--provider', 'openai:mock-labeller', '--out', join(root, 'evals/results'), '--concurrency', '1'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      PATH: process.env.PATH,
      OPENAI_BASE_URL: 'http://127.0.0.1:18787/v1',
      OPENAI_API_KEY: 'mock-key',
      NIANBAO_CACHE_DIR: 'evals/cache',
      NIANBAO_PRICES: 'evals/mock-prices.json',
    },
  });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0 && code !== 1) throw new Error(`the recording eval exited with ${code}`);
} finally {
  await server.close();
}
