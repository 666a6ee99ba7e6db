import type { createNarrativeSchema } from './narrative.js';
import type { z } from 'zod';

type NarrativeOf<Number> = z.infer<ReturnType<typeof createNarrativeSchema<z.ZodType<Number>>>>;

/**
 * Rebuilds a narrative with every stated number passed through `map`, and its path
 * ("activeDisclosure.channels.1.count"): grounding, scoring and checks all walk numbers this way.
 */
export function mapNumbers<From, To>(
  narrative: NarrativeOf<From>,
  map: (number: From, path: string) => To,
): NarrativeOf<To> {
  const optional = (number: From | null, path: string) => (number === null ? null : map(number, path));
  return {
    ...narrative,
    activeDisclosure: {
      ...narrative.activeDisclosure,
      total: optional(narrative.activeDisclosure.total, 'activeDisclosure.total'),
      channels: narrative.activeDisclosure.channels.map((channel, index) => ({
        ...channel,
        count: optional(channel.count, `activeDisclosure.channels.${index}.count`),
        parts: channel.parts.map((part, partIndex) => ({
          ...part,
          count: map(part.count, `activeDisclosure.channels.${index}.parts.${partIndex}.count`),
        })),
      })),
    },
    applications: {
      ...narrative.applications,
      received: optional(narrative.applications.received, 'applications.received'),
      answered: optional(narrative.applications.answered, 'applications.answered'),
      carriedForward: optional(narrative.applications.carriedForward, 'applications.carriedForward'),
    },
    reviewLitigation: {
      reviews: optional(narrative.reviewLitigation.reviews, 'reviewLitigation.reviews'),
      lawsuits: optional(narrative.reviewLitigation.lawsuits, 'reviewLitigation.lawsuits'),
    },
    fee: optional(narrative.fee, 'fee'),
  } as NarrativeOf<To>;
}

/** Every stated number with its path, in document-structure order. */
export function listNumbers<Number>(narrative: NarrativeOf<Number>): { path: string; number: Number }[] {
  const numbers: { path: string; number: Number }[] = [];
  mapNumbers(narrative, (number, path) => {
    numbers.push({ path, number });
    return number;
  });
  return numbers;
}
