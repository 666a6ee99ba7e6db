// Hand-built narrative facts for the check tests: the shapes a model or the rules return, grounded.
import type { Measure, Period, Platform, StatedClaim, Topic } from '../../../report/narrative.js';
import type { GroundedClaim, GroundedNarrative, GroundedNumber, Tables } from '../../../report/schemas.js';
import { createZeroTables, withCells } from '../../__fixtures__/create-check-input.js';
import type { GroundedStatement, NarrativeCheckInput } from '../figures.js';

let cursor = 0;

/** A stated number whose quote was found (a span of its own), unless `grounded: false`. */
export function stated(value: number, quote = `${value}`, options: { grounded?: boolean; year?: number | null } = {}): GroundedNumber {
  const grounded = options.grounded ?? true;
  cursor += 100;
  return { value, quote, year: options.year ?? null, grounded, span: grounded ? { start: cursor, end: cursor + quote.length } : null };
}

type StatementOptions = {
  readonly platform?: Platform | null;
  readonly subject?: string | null;
  readonly period?: Period;
  readonly approximate?: boolean;
  readonly parts?: readonly { label: string; count: GroundedNumber; measure?: Measure | null; platform?: Platform | null }[];
  readonly partsComplete?: boolean;
};

export function statement(measure: Measure, count: GroundedNumber, options: StatementOptions = {}): GroundedStatement {
  return {
    measure,
    subject: options.subject ?? null,
    platform: options.platform ?? null,
    period: options.period ?? 'year',
    approximate: options.approximate ?? false,
    unit: null,
    count,
    parts: (options.parts ?? []).map((part) => ({ label: part.label, measure: part.measure ?? null, platform: part.platform ?? null, unit: null, count: part.count })),
    partsComplete: options.partsComplete ?? (options.parts ?? []).length >= 2,
  } as GroundedStatement;
}

export function claim(about: StatedClaim['about'], kind: StatedClaim['claim'], grounded = true): GroundedClaim {
  cursor += 100;
  return { about, claim: kind, quote: '均获维持', grounded, span: grounded ? { start: cursor, end: cursor + 4 } : null };
}

export const weibo = (name: string | null = '灵武民政'): Platform => ({ kind: '微博', name });

type Facts = Partial<Record<Topic, readonly GroundedStatement[]>> & { readonly claims?: readonly GroundedClaim[] };

export function createFacts(facts: Facts = {}): GroundedNarrative {
  return {
    activeDisclosure: { statements: [...(facts.activeDisclosure ?? [])] },
    applications: { statements: [...(facts.applications ?? [])] },
    reviewLitigation: { statements: [...(facts.reviewLitigation ?? [])], claims: [...(facts.claims ?? [])] },
    fee: { statements: [...(facts.fee ?? [])] },
    problems: [],
    improvements: [],
    contact: { phone: null, fax: null, email: null, address: null, website: null },
  } as GroundedNarrative;
}

/** A 2024 report with the given facts over zero tables changed in the given cells. */
export function createNarrativeInput(facts: Facts, cells: Readonly<Record<string, number | null>> = {}, tables: Tables = createZeroTables()): NarrativeCheckInput {
  return { facts: createFacts(facts), tables: withCells(tables, cells), meta: { agency: '测试局', year: 2024 }, language: 'zh' };
}
