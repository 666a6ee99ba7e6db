import type { z } from 'zod';
import { TOPICS, type createNarrativeSchema } from './narrative.js';

export type NarrativeOf<Number, Claim> = z.infer<ReturnType<typeof createNarrativeSchema<z.ZodType<Number>, z.ZodType<Claim>>>>;

type Mappers<FromNumber, ToNumber, FromClaim, ToClaim> = {
  readonly number: (number: FromNumber, path: string) => ToNumber;
  readonly claim: (claim: FromClaim, path: string) => ToClaim;
};

/**
 * Rebuilds a narrative with every stated number and claim passed through the mappers, with its
 * path ("activeDisclosure.statements.1.parts.0.count"): grounding, scoring and checks all walk
 * the facts this way.
 */
export function mapNarrative<FromNumber, ToNumber, FromClaim, ToClaim>(
  narrative: NarrativeOf<FromNumber, FromClaim>,
  mappers: Mappers<FromNumber, ToNumber, FromClaim, ToClaim>,
): NarrativeOf<ToNumber, ToClaim> {
  const copy: Record<string, unknown> = { ...narrative };
  for (const topic of TOPICS) {
    const statements = narrative[topic].statements.map((statement, index) => ({
      ...statement,
      count: mappers.number(statement.count, `${topic}.statements.${index}.count`),
      parts: statement.parts.map((part, partIndex) => ({
        ...part,
        count: mappers.number(part.count, `${topic}.statements.${index}.parts.${partIndex}.count`),
      })),
    }));
    copy[topic] = { ...narrative[topic], statements };
  }
  copy['reviewLitigation'] = {
    ...(copy['reviewLitigation'] as object),
    claims: narrative.reviewLitigation.claims.map((claim, index) => mappers.claim(claim, `reviewLitigation.claims.${index}`)),
  };
  return copy as NarrativeOf<ToNumber, ToClaim>;
}

/** The same narrative with every number passed through `map`; claims unchanged. */
export function mapNumbers<From, To, Claim>(narrative: NarrativeOf<From, Claim>, map: (number: From, path: string) => To): NarrativeOf<To, Claim> {
  return mapNarrative(narrative, { number: map, claim: (claim: Claim) => claim });
}

/** Every stated number with its path, in document-structure order. */
export function listNumbers<Number, Claim>(narrative: NarrativeOf<Number, Claim>): { path: string; number: Number }[] {
  const numbers: { path: string; number: Number }[] = [];
  mapNumbers(narrative, (number: Number, path) => {
    numbers.push({ path, number });
    return number;
  });
  return numbers;
}
