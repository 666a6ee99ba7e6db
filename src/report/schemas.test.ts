import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedSchema, resultSchema } from './schemas.js';

const label = (fixture: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${fixture}/expected.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('expected.json labels', () => {
  it('a 2019-format label carries the 2019 keys, a 2021 one the 2021 keys', () => {
    expect(expectedSchema.safeParse(label('pingtan-2019-format2019-txt')).success).toBe(true);
    expect(expectedSchema.safeParse(label('pingtan-2021-txt')).success).toBe(true);
  });

  it('tables in the other template’s keys are refused, naming the template', () => {
    const mislabelled = { ...label('pingtan-2019-format2019-txt'), format: '2021' };
    const parsed = expectedSchema.safeParse(mislabelled);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toContain('tables are not in the keys of the 2021 template');
  });

  it('only 本年增/减 may be negative', () => {
    const negative = structuredClone(label('pingtan-2020-format2019-txt')) as { tables: { activeDisclosure: Record<string, Record<string, number | null>> } };
    expect(expectedSchema.safeParse(negative).success).toBe(true);
    negative.tables.activeDisclosure.fees!.previousYear = -1;
    expect(expectedSchema.safeParse(negative).success).toBe(false);
    expect(resultSchema.shape.tables.safeParse(negative.tables).success).toBe(false);
  });
});
