import type { Expected, Result } from '../report/schemas.js';

export type CellDifference = { readonly path: string; readonly expected: unknown; readonly actual: unknown };

/** Leaf values of a nested object by dotted path. */
export function flattenValues(value: unknown, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flattenValues(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) {
    into[prefix] = value;
  }
  return into;
}

/** Table cells whose value differs from the label (an absent table counts as all null). */
export function compareTables(expected: Expected, result: Result): CellDifference[] {
  const wanted = flattenValues(expected.tables ?? {});
  const got = flattenValues(result.tables);
  return Object.keys(wanted)
    .filter((path) => wanted[path] !== (got[path] ?? null))
    .map((path) => ({ path, expected: wanted[path], actual: got[path] ?? null }));
}

/** Finding keys "id@path", sorted, for comparing with a label. */
export function findingKeys(findings: readonly { id: string; path: string }[]): string[] {
  return findings.map((finding) => `${finding.id}@${finding.path}`).sort();
}
