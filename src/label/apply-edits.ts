import { mapNarrative } from '../report/map-numbers.js';
import type { GroundedNarrative, GroundedNumber, GroundedClaim, Tables } from '../report/schemas.js';
import { keysOf } from '../report/path-keys.js';
import { narrativeKey, type Decisions } from './review.js';

/** The tables with every cell a person edited set to its new value (a copy; blank is null). */
export function applyCellEdits(tables: Tables, decisions: Decisions): Tables {
  const copy = structuredClone(tables);
  for (const [key, decision] of decisions) {
    if (decision.kind !== 'edited' || !key.startsWith('cell:')) continue;
    const keys = keysOf(key.slice('cell:'.length));
    let node = copy as unknown as Record<string, unknown> | null;
    for (const step of keys.slice(0, -1)) node = (node?.[step] as Record<string, unknown> | undefined) ?? null;
    // A table the report lacks has no cell to set.
    if (node) node[keys.at(-1)!] = typeof decision.value === 'string' ? Number(decision.value) : decision.value;
  }
  return copy;
}

/** The narrative with every stated number a person edited set to its new value. */
export function applyNumberEdits(facts: GroundedNarrative, decisions: Decisions): GroundedNarrative {
  return mapNarrative<GroundedNumber, GroundedNumber, GroundedClaim, GroundedClaim>(facts, {
    number: (number, path) => {
      const decision = decisions.get(narrativeKey(path));
      return decision?.kind === 'edited' && typeof decision.value === 'number' ? { ...number, value: decision.value } : number;
    },
    claim: (claim) => claim,
  });
}
