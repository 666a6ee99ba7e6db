import { narrativeSchema } from '../report/narrative.js';
import { hashJsonSchema, toStrictJsonSchema, type JsonSchema } from './json-schema.js';

let cached: { readonly schema: JsonSchema; readonly hash: string } | undefined;

/** The narrative schema as strict JSON Schema, and its hash (recorded in results and cache keys). */
export function narrativeJsonSchema(): { readonly schema: JsonSchema; readonly hash: string } {
  if (!cached) {
    const schema = toStrictJsonSchema(narrativeSchema);
    cached = { schema, hash: hashJsonSchema(schema) };
  }
  return cached;
}
