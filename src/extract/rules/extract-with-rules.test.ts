// The offline rules on the few-shot examples of the prompt: excerpts of real report prose,
// labelled by hand in the narrative schema (prompts/narrative/v2/examples/README.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { narrativeSchema, TOPICS, type Narrative } from '../../report/narrative.js';
import type { NarrativeInput } from '../narrative-input.js';
import { extractWithRules } from './extract-with-rules.js';

const EXAMPLES = new URL('../../../prompts/narrative/v2/examples', import.meta.url).pathname;
const examples = readdirSync(EXAMPLES)
  .filter((file) => file.endsWith('.input.txt'))
  .map((file) => ({
    name: file.replace('.input.txt', ''),
    input: readFileSync(join(EXAMPLES, file), 'utf8').trimEnd(),
    label: narrativeSchema.parse(JSON.parse(readFileSync(join(EXAMPLES, file.replace('.input.txt', '.output.json')), 'utf8'))),
  }));

function inputOf(text: string): NarrativeInput {
  return { text, segments: [{ text, start: 0 }], toDocumentOffset: (offset) => offset };
}

// What a statement says, without the free-text words (subject, part labels, quotes).
function sayings(narrative: Narrative) {
  return {
    statements: TOPICS.flatMap((topic) =>
      narrative[topic].statements.map((statement) => ({
        topic,
        measure: statement.measure,
        platform: statement.platform,
        period: statement.period,
        approximate: statement.approximate,
        value: statement.count.value,
        year: statement.count.year,
        parts: statement.parts.map((part) => ({ measure: part.measure, platform: part.platform, value: part.count.value })),
        partsComplete: statement.partsComplete,
      })),
    ),
    claims: narrative.reviewLitigation.claims.map(({ about, claim }) => ({ about, claim })),
  };
}

describe('the rules on the prompt’s hand-labelled examples', () => {
  it('has the three examples', () => {
    expect(examples.map((example) => example.name)).toEqual(['a-platforms', 'b-applications', 'c-new-media']);
  });

  it.each(examples.map((example) => [example.name, example] as const))('%s: every quote of the label is in the input', (_name, example) => {
    for (const topic of TOPICS) {
      for (const statement of example.label[topic].statements) {
        for (const number of [statement.count, ...statement.parts.map((part) => part.count)]) expect(example.input).toContain(number.quote);
      }
    }
    for (const claim of example.label.reviewLitigation.claims) expect(example.input).toContain(claim.quote);
  });

  it.each(examples.map((example) => [example.name, example] as const))('%s: the rules state what the label states', (_name, example) => {
    const extracted = extractWithRules(inputOf(example.input), example.input, []);
    expect(sayings(extracted)).toEqual(sayings(example.label));
  });
});
