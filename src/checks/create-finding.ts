import type { Finding } from '../report/schemas.js';

type Required = Pick<Finding, 'id' | 'severity' | 'path' | 'message'>;

/** A finding with every optional part empty, so each check states only what it knows. */
export function createFinding(finding: Required & Partial<Finding>): Finding {
  return {
    cells: [],
    expected: null,
    actual: null,
    difference: null,
    suggestion: null,
    candidates: null,
    spans: [],
    ...finding,
  };
}
