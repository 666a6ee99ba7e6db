import { createHash } from 'node:crypto';
import { z } from 'zod';

export type JsonSchema = { readonly [key: string]: unknown };

/**
 * The one place a zod schema becomes JSON Schema (zod 4's own converter). The result is what
 * OpenAI strict structured outputs accept: every property required, `additionalProperties: false`,
 * "may be absent" as a null branch. `assertStrictJsonSchema` proves it, and the tests snapshot it.
 */
export function toStrictJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }) as Record<string, unknown>;
  assertStrictJsonSchema(jsonSchema);
  return jsonSchema;
}

/** Throws when an object schema leaves a property optional or allows extra properties. */
export function assertStrictJsonSchema(schema: unknown, path = '$'): void {
  if (Array.isArray(schema)) {
    schema.forEach((item, index) => assertStrictJsonSchema(item, `${path}[${index}]`));
    return;
  }
  if (schema === null || typeof schema !== 'object') return;
  const node = schema as Record<string, unknown>;
  if (node['type'] === 'object') {
    const properties = Object.keys((node['properties'] as Record<string, unknown> | undefined) ?? {});
    const required = (node['required'] as string[] | undefined) ?? [];
    const missing = properties.filter((key) => !required.includes(key));
    if (missing.length > 0) throw new Error(`${path}: properties not required (strict mode needs all): ${missing.join(', ')}`);
    if (node['additionalProperties'] !== false) throw new Error(`${path}: additionalProperties must be false`);
  }
  for (const [key, value] of Object.entries(node)) assertStrictJsonSchema(value, `${path}.${key}`);
}

/** A stable hash of a JSON Schema (recorded in every result and in the cache key). */
export function hashJsonSchema(schema: JsonSchema): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16);
}
