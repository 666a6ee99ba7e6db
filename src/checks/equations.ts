import { keysOf } from '../report/path-keys.js';
import type { FindingId, Tables } from '../report/schemas.js';
import {
  APPLICANT_COLUMNS,
  APPLICATION_COLUMNS,
  APPLICATION_ROWS,
  OUTCOME_COLUMNS,
  REVIEW_GROUPS,
  type RowTemplate,
} from '../report/template.js';

/**
 * A reconciliation rule (勾稽关系) as an equation: the printed `total` cell must equal the sum of
 * its `parts`. Every sum rule of the catalogue is one of these, which lets one routine evaluate
 * them all and look for a single-cell correction across them.
 */
export type Equation = {
  readonly id: FindingId;
  /** Finding path, e.g. "applications.granted" or "applications.*.total". */
  readonly path: string;
  /** Cell paths including the table key, e.g. "applications.granted.total". */
  readonly total: readonly string[];
  readonly parts: readonly string[];
};

const NOT_HANDLED = new Set(['newReceived', 'carriedOver', 'totalHandled', 'carriedForward']);

/** Table 3's rules over the rows of its template (the 2019 one has （六） as one row). */
export function applicationEquations(rows: readonly RowTemplate[] = APPLICATION_ROWS): Equation[] {
  const handledRows = rows.map((row) => row.path).filter((path) => !NOT_HANDLED.has(path));
  const rowTotals: Equation[] = rows.map((row) => ({
    id: 'applications.rowTotal',
    path: `applications.${row.path}`,
    total: [`applications.${row.path}.total`],
    parts: APPLICANT_COLUMNS.map((column) => `applications.${row.path}.${column}`),
  }));
  const handled: Equation[] = APPLICATION_COLUMNS.map((column) => ({
    id: 'applications.handledTotal',
    path: `applications.*.${column}`,
    total: [`applications.totalHandled.${column}`],
    parts: handledRows.map((row) => `applications.${row}.${column}`),
  }));
  // 第一项加第二项之和，等于第三项加第四项之和.
  const balance: Equation[] = APPLICATION_COLUMNS.map((column) => ({
    id: 'applications.balance',
    path: `applications.*.${column}`,
    total: [`applications.newReceived.${column}`, `applications.carriedOver.${column}`],
    parts: [`applications.totalHandled.${column}`, `applications.carriedForward.${column}`],
  }));
  return [...rowTotals, ...handled, ...balance];
}

export function reviewLitigationEquations(): Equation[] {
  return REVIEW_GROUPS.map((group) => ({
    id: 'reviewLitigation.total',
    path: `reviewLitigation.${group}`,
    total: [`reviewLitigation.${group}.total`],
    parts: OUTCOME_COLUMNS.filter((column) => column !== 'total').map(
      (column) => `reviewLitigation.${group}.${column}`,
    ),
  }));
}

export type Evaluation =
  | { readonly status: 'holds' | 'unchecked' }
  | { readonly status: 'broken'; readonly totalValue: number; readonly partsValue: number };

/** Reads a cell by its full path; undefined when the table is absent. */
export function cellValue(tables: Tables, path: string): number | null | undefined {
  let node: unknown = tables;
  for (const key of keysOf(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' ? node : node === null ? null : undefined;
}

// The fee column may hold decimals (reports print up to six places of 万元); comparing in integer
// millionths keeps 0.1 + 0.2 = 0.3 true without a float tolerance.
const SCALE = 1_000_000;

export function toScaled(value: number): number {
  return Math.round(value * SCALE);
}

/** A rule involving a blank cell is not checked: the blank is already a finding. */
export function evaluate(tables: Tables, equation: Equation): Evaluation {
  const read = (paths: readonly string[]) => paths.map((path) => cellValue(tables, path));
  const totals = read(equation.total);
  const parts = read(equation.parts);
  if ([...totals, ...parts].some((value) => value === null || value === undefined)) return { status: 'unchecked' };
  const sum = (values: readonly (number | null | undefined)[]) =>
    values.reduce<number>((total, value) => total + toScaled(value ?? 0), 0);
  const totalValue = sum(totals);
  const partsValue = sum(parts);
  return totalValue === partsValue
    ? { status: 'holds' }
    : { status: 'broken', totalValue: totalValue / SCALE, partsValue: partsValue / SCALE };
}
