import type { Measure, Narrative, Period, Platform, StatedNumber, Topic, Unit } from '../../report/narrative.js';

/** A statement while the rules read it; becomes a statement of the narrative schema. */
export type Draft = {
  readonly topic: Topic;
  measure: Measure;
  readonly platform: Platform | null;
  readonly subject: string | null;
  readonly period: Period;
  readonly approximate: boolean;
  readonly unit: Unit | null;
  readonly count: StatedNumber;
  readonly parts: DraftPart[];
  /** Set when the list of parts had a gap, an approximate part, or ended in 等: not the whole. */
  incomplete: boolean;
  /** "（含上年结转 189 件）": stated inside another count, never the owner of parts. */
  inclusion: boolean;
  /** Moved into a later total as one of its parts ("…1条，…32条。共公开信息33条。"). */
  absorbed: boolean;
  /** Where its count ends in the normalized text, and whether its words name a total (共, 合计). */
  readonly end: number;
  readonly total: boolean;
};

export type DraftPart = {
  readonly label: string;
  readonly measure: Measure | null;
  readonly platform: Platform | null;
  readonly unit: Unit | null;
  readonly count: StatedNumber;
};

type Statement = Narrative[Topic]['statements'][number];

/** The drafts of one topic as statements of the schema (measures were chosen from that topic's set). */
export function toStatements(drafts: readonly Draft[], topic: Topic): Statement[] {
  return drafts
    .filter((draft) => draft.topic === topic && !draft.absorbed)
    .map(
      (draft) =>
        ({
          measure: draft.measure,
          subject: draft.subject,
          platform: draft.platform,
          period: draft.period,
          approximate: draft.approximate,
          unit: draft.unit,
          count: draft.count,
          parts: draft.parts.map((part) => ({ ...part })),
          partsComplete: draft.parts.length >= 2 && !draft.incomplete,
        }) as Statement,
    );
}
