import { channelKey } from '../../report/channel-key.js';
import { TOPICS, type Measure, type Period, type Platform, type Topic } from '../../report/narrative.js';
import type { GroundedClaim, GroundedNarrative, GroundedNumber, Meta, Tables } from '../../report/schemas.js';
import type { Language } from '../language.js';

export type NarrativeCheckInput = {
  readonly facts: GroundedNarrative;
  readonly tables: Tables;
  readonly meta: Meta;
  readonly language: Language;
};

export type GroundedStatement = GroundedNarrative[Topic]['statements'][number];

/** One stated figure, a statement or one of its parts, with what it counts and where. */
export type Figure = {
  readonly topic: Topic;
  readonly measure: Measure;
  readonly platform: Platform | null;
  /** What the items are about (a part's label when it has no measure or platform of its own). */
  readonly subject: string | null;
  readonly period: Period;
  readonly approximate: boolean;
  readonly number: GroundedNumber;
  /** Its place in the facts: "activeDisclosure.statements.2" or "…statements.2.parts.0". */
  readonly path: string;
  readonly statement: GroundedStatement;
  readonly isPart: boolean;
  /** A part without a measure of its own (自然人 741 under 收到 749): a share of its statement's count. */
  readonly isShare: boolean;
};

/** Every figure the narrative states, statements first, each followed by its parts. */
export function listFigures(facts: GroundedNarrative): Figure[] {
  const figures: Figure[] = [];
  for (const topic of TOPICS) {
    facts[topic].statements.forEach((statement: GroundedStatement, index: number) => {
      const path = `${topic}.statements.${index}`;
      figures.push({ topic, measure: statement.measure, platform: statement.platform, subject: statement.subject, period: statement.period, approximate: statement.approximate, number: statement.count, path, statement, isPart: false, isShare: false });
      statement.parts.forEach((part, partIndex) => {
        figures.push({
          topic,
          measure: part.measure ?? statement.measure,
          platform: part.platform ?? statement.platform,
          subject: part.measure || part.platform ? statement.subject : part.label,
          period: statement.period,
          approximate: false,
          number: part.count,
          path: `${path}.parts.${partIndex}`,
          statement,
          isPart: true,
          isShare: part.measure === null,
        });
      });
    });
  }
  return figures;
}

/**
 * The figures that may be evidence for a finding: their quote was found in the report and holds
 * the number. An ungrounded number raises its own warning and nothing else.
 */
export function evidenceFigures(facts: GroundedNarrative): Figure[] {
  return listFigures(facts).filter((figure) => figure.number.grounded);
}

/** A figure's finding path, independent of list positions: "narrative.activeDisclosure.published.微博“灵武民政”". */
export function figureKey(figure: Pick<Figure, 'topic' | 'measure' | 'platform'>): string {
  return `narrative.${figure.topic}.${figure.measure}${figure.platform ? `.${channelKey(figure.platform)}` : ''}`;
}

export function claimKey(claim: Pick<GroundedClaim, 'about' | 'claim'>): string {
  return `narrative.reviewLitigation.${claim.about}.${claim.claim}`;
}

/** The figure is about the report's own year (it names no year, or that one). */
export function isOfReportYear(figure: Figure, meta: Meta): boolean {
  return figure.number.year === null || meta.year === null || figure.number.year === meta.year;
}

export const quoted = (quote: string) => `「${quote.replace(/\s+/g, '')}」`;
