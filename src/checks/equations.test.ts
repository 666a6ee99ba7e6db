import { describe, expect, it } from 'vitest';
import type { CellValue } from '../report/schemas.js';
import { createZeroTables, withCells } from './__fixtures__/create-check-input.js';
import { applicationEquations, cellValue, evaluate, reviewLitigationEquations, toScaled, type Equation } from './equations.js';

describe('the equations of the catalogue', () => {
  it('table 3: a row total per row, a handled total and a balance per column', () => {
    const equations = applicationEquations();
    const count = (id: string) => equations.filter((equation) => equation.id === id).length;
    expect(count('applications.rowTotal')).toBe(25);
    expect(count('applications.handledTotal')).toBe(7);
    expect(count('applications.balance')).toBe(7);
  });

  it('（七）总计 sums the twenty-one handling rows, not 新收, 上年结转 or 结转下年度', () => {
    const handled = applicationEquations().find((equation) => equation.path === 'applications.*.total' && equation.id === 'applications.handledTotal')!;
    expect(handled.total).toEqual(['applications.totalHandled.total']);
    expect(handled.parts).toHaveLength(21);
    expect(handled.parts.some((path) => /newReceived|carriedOver|totalHandled|carriedForward/.test(path))).toBe(false);
  });

  it('balance: 新收 + 上年结转 = （七）总计 + 结转下年度', () => {
    const balance = applicationEquations().find((equation) => equation.path === 'applications.*.research' && equation.id === 'applications.balance')!;
    expect(balance).toEqual({
      id: 'applications.balance',
      path: 'applications.*.research',
      total: ['applications.newReceived.research', 'applications.carriedOver.research'],
      parts: ['applications.totalHandled.research', 'applications.carriedForward.research'],
    });
  });

  it('table 4: 总计 = 维持 + 纠正 + 其他 + 尚未审结 per group', () => {
    expect(reviewLitigationEquations().map((equation) => [equation.path, equation.parts.length])).toEqual([
      ['reviewLitigation.review', 4],
      ['reviewLitigation.litigationDirect', 4],
      ['reviewLitigation.litigationAfterReview', 4],
    ]);
  });
});

describe('cellValue', () => {
  const tables = withCells(createZeroTables(), { 'applications.denied.stateSecret.total': 2, 'applications.granted.total': null });
  it.each([
    ['applications.denied.stateSecret.total', 2],
    ['applications.granted.total', null],
    ['applications.granted.nothing', undefined],
    ['applications.denied', undefined],
    ['nowhere.at.all', undefined],
  ] as const)('%s → %s', (path, value) => {
    expect(cellValue(tables, path)).toBe(value);
  });

  it('is undefined when the table is absent', () => {
    expect(cellValue({ ...tables, applications: null }, 'applications.granted.total')).toBeUndefined();
  });
});

describe('evaluate', () => {
  // No sum rule of the template involves the fee (万元, up to six decimals); an ad-hoc equation
  // shows that decimals compare exactly all the same.
  const feeEquation: Equation = {
    id: 'reviewLitigation.total',
    path: 'test.fee',
    total: ['activeDisclosure.fees.amountWanYuan'],
    parts: ['reviewLitigation.review.upheld', 'reviewLitigation.review.corrected'],
  };

  it.each<[string, CellValue, CellValue, CellValue, ReturnType<typeof evaluate>]>([
    ['0.3 = 0.1 + 0.2', 0.3, 0.1, 0.2, { status: 'holds' }],
    ['5949.088667 = 5949 + 0.088667', 5949.088667, 5949, 0.088667, { status: 'holds' }],
    ['1.000001 ≠ 1 + 0', 1.000001, 1, 0, { status: 'broken', totalValue: 1.000001, partsValue: 1 }],
    ['0.3 ≠ 0.1 + 0.21', 0.3, 0.1, 0.21, { status: 'broken', totalValue: 0.3, partsValue: 0.31 }],
    ['a blank part is unchecked', 0.3, null, 0.2, { status: 'unchecked' }],
    ['a blank total is unchecked', null, 0.1, 0.2, { status: 'unchecked' }],
  ])('%s', (_name, fee, upheld, corrected, expected) => {
    const tables = withCells(createZeroTables(), {
      'activeDisclosure.fees.amountWanYuan': fee,
      'reviewLitigation.review.upheld': upheld,
      'reviewLitigation.review.corrected': corrected,
    });
    expect(evaluate(tables, feeEquation)).toEqual(expected);
  });

  it('is unchecked when a table is absent', () => {
    expect(evaluate({ ...createZeroTables(), reviewLitigation: null }, reviewLitigationEquations()[0]!)).toEqual({ status: 'unchecked' });
  });

  it('scales to integer millionths', () => {
    expect(toScaled(0.1) + toScaled(0.2)).toBe(toScaled(0.3));
    expect(toScaled(5949.088667)).toBe(5_949_088_667);
  });
});
