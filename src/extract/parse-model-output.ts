import { narrativeSchema, type Narrative } from '../report/narrative.js';

export type ParseResult = { readonly ok: true; readonly value: Narrative } | { readonly ok: false; readonly issues: readonly string[] };

/** Safe JSON parse, then schema validation; the issues are fed back to the model on a retry. */
export function parseModelOutput(text: string): ParseResult {
  const opened = text.trim().replace(/^```(?:json)?\s*/i, '');
  // Not a /\s*```$/ replace: on an answer ending in a long run of spaces that is quadratic.
  const unfenced = opened.endsWith('```') ? opened.slice(0, -3).trimEnd() : opened;
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch (error) {
    return { ok: false, issues: [`the answer is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = narrativeSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`) };
}
