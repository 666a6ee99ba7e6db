import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { narrativeSchema } from '../report/narrative.js';
import { assertStrictJsonSchema, hashJsonSchema, toStrictJsonSchema } from './json-schema.js';
import { narrativeJsonSchema } from './narrative-json-schema.js';

describe('narrative JSON Schema', () => {
  const schema = toStrictJsonSchema(narrativeSchema);

  it('is not empty (zod 4 converts its own schemas; zod-to-json-schema would return {})', () => {
    expect(schema['type']).toBe('object');
    expect(Object.keys(schema['properties'] as object)).toEqual(['activeDisclosure', 'applications', 'reviewLitigation', 'fee', 'problems', 'improvements', 'contact']);
  });

  it('is valid for OpenAI strict structured outputs: every key required, no extra properties, no $schema', () => {
    expect(() => assertStrictJsonSchema(schema)).not.toThrow();
    expect(schema).not.toHaveProperty('$schema');
    expect(JSON.stringify(schema)).not.toMatch(/"minLength"|"optional"/);
  });

  it('a schema with an optional key is refused', () => {
    expect(() => toStrictJsonSchema(z.object({ a: z.string().optional() }))).toThrow(/not required/);
    expect(() => toStrictJsonSchema(z.object({ a: z.string() }).passthrough())).toThrow(/additionalProperties/);
  });

  it('is stable: any change to the schema shows up here in review', () => {
    expect(schema).toMatchSnapshot();
    expect(narrativeJsonSchema().hash).toBe(hashJsonSchema(schema));
  });
});
