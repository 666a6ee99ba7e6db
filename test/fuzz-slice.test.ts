// A seeded slice of `npm run fuzz` (fuzz/fuzz.ts): every fixture report, damaged in the ways
// scraping and broken tools damage files (lines lost or doubled, digits changed, separators
// swapped, bytes flipped, markup nested thousands deep, PDF cross-references pointing wrong, zips
// cut), through the whole pipeline. Each must end in a schema-valid result whose spans point at
// what they claim, or in a failure that names the file and is not a bug. The full run (20 000
// inputs, each in a watched process) is `npm run fuzz`; a failure here prints the command that
// reproduces the one input.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildInput, loadFixtureReports, runInput } from '../fuzz/fuzz-input.js';
import { mulberry32 } from '../fuzz/random.js';

const SEED = 0x6e69616e; // "nian"
const INPUTS = 800;
const fixtures = loadFixtureReports(fileURLToPath(new URL('../fixtures', import.meta.url)));

describe('the pipeline on damaged reports (a slice of npm run fuzz)', () => {
  it('finds every kind of fixture report', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(45);
    expect(new Set(fixtures.map((fixture) => fixture.name.split('.').pop()))).toEqual(new Set(['txt', 'md', 'html', 'pdf', 'docx']));
  });

  it('mulberry32 is deterministic and spread over [0, 1)', () => {
    const first = mulberry32(42);
    const second = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => first());
    expect(values.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => second()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.filter((value) => value < 0.5).length).toBeGreaterThan(400);
  });

  it(`${INPUTS} inputs: no bug, no invalid result, none slower than 5 s`, async () => {
    const failures: string[] = [];
    const counts = { analysed: 0, refused: 0, broken: 0 };
    for (let index = 0; index < INPUTS; index += 1) {
      const input = await buildInput(fixtures, SEED, index);
      const started = performance.now();
      const verdict = await runInput(input);
      const milliseconds = performance.now() - started;
      counts[verdict.status] += 1;
      const label = `input ${index} (${input.fixture.id}/${input.fixture.name}: ${input.mutations.join(' → ')}); node dist/fuzz/fuzz.js --seed ${SEED} --only ${index}`;
      if (verdict.status === 'broken') failures.push(`${label}\n  ${verdict.problems.slice(0, 3).join('\n  ')}`);
      if (milliseconds > 5000) failures.push(`${label}: took ${Math.round(milliseconds)} ms`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // Most damage leaves a report to read: the pipeline, not the decoder, is what is exercised.
    expect(counts.analysed).toBeGreaterThan(INPUTS * 0.6);
  }, 300_000);
});
