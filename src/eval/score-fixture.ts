import { TOPICS, type Narrative, type Platform } from '../report/narrative.js';
import { FINDING_SEVERITIES, type Expected, type GroundedNarrative, type GroundedNumber, type Result, type Span } from '../report/schemas.js';
import { channelKey } from '../report/channel-key.js';
import { compareTables, flattenValues } from './compare-result.js';
import { textSimilarity } from './text-similarity.js';

/** One field that differs from its label: what was expected, what came out, and where. */
export type WrongField = {
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly span: Span | null;
};

export type Tally = { readonly correct: number; readonly total: number };

export type FindingTally = { readonly truePositives: number; readonly falsePositives: number; readonly falseNegatives: number };

/** How one result scores against one hand label, per field family. */
export type FixtureScore = {
  readonly tableCells: Tally;
  readonly meta: Tally;
  /** Stated numbers of the label found with the same value (recall) … */
  readonly narrativeNumbers: Tally;
  /** … and extracted numbers that are in the label (precision). */
  readonly narrativePrecision: Tally;
  /** Extracted numbers whose quote was verified in the report. */
  readonly grounded: Tally;
  /** Mean best similarity of each labelled problem/improvement item (0..1), over `total` items. */
  readonly textItems: { readonly score: number; readonly total: number };
  /** Per finding id. */
  readonly findings: Readonly<Record<string, FindingTally>>;
  /** A fixture whose label expects no error (total 1) raised none (correct 1). */
  readonly cleanWithoutErrors: Tally;
  readonly wrong: readonly WrongField[];
};

export function scoreFixture(expected: Expected, result: Result): FixtureScore {
  const wrong: WrongField[] = [];
  const tableCells = scoreTables(expected, result, wrong);
  const meta = scoreMeta(expected, result, wrong);
  const narrative = scoreNarrative(expected.narrative, result.narrative?.facts ?? null, wrong);
  return { tableCells, meta, ...narrative, findings: scoreFindings(expected, result, wrong), cleanWithoutErrors: scoreClean(expected, result), wrong };
}

function scoreTables(expected: Expected, result: Result, wrong: WrongField[]): Tally {
  if (!expected.tables) return { correct: 0, total: 0 };
  const differences = compareTables(expected, result);
  for (const difference of differences) {
    wrong.push({ field: `tables.${difference.path}`, expected: difference.expected, actual: difference.actual, span: result.cells[difference.path]?.span ?? null });
  }
  const total = Object.keys(flattenValues(expected.tables)).length;
  return { correct: total - differences.length, total };
}

function scoreMeta(expected: Expected, result: Result, wrong: WrongField[]): Tally {
  let correct = 0;
  for (const key of ['agency', 'year'] as const) {
    if (expected.meta[key] === result.meta[key]) correct += 1;
    else wrong.push({ field: `meta.${key}`, expected: expected.meta[key], actual: result.meta[key], span: null });
  }
  if (expected.format === result.template.format) correct += 1;
  else wrong.push({ field: 'template.format', expected: expected.format, actual: result.template.format, span: null });
  return { correct, total: 3 };
}

type Keyed = { readonly key: string; readonly grounded: boolean; readonly span: Span | null };

/**
 * Stated figures are compared as a multiset of keys that do not depend on list positions or on
 * how a statement was split: a figure is named by its topic, measure and platform, whether the
 * report gives it as a statement or as a part ("activeDisclosure.published[微博“灵武民政”]=89",
 * "applications.granted=9"); a part that is only a share of its statement is named by that
 * statement ("applications.received.part=741").
 */
function numberKeys(narrative: Narrative | GroundedNarrative): Keyed[] {
  const keys: Keyed[] = [];
  for (const topic of TOPICS) {
    for (const statement of (narrative as GroundedNarrative)[topic].statements) {
      const at = (platform: Platform | null) => (platform ? `[${channelKey(platform)}]` : '');
      const push = (key: string, number: Narrative['fee']['statements'][number]['count'] | GroundedNumber) =>
        keys.push({ key: `${key}=${number.value}`, grounded: 'grounded' in number ? number.grounded : true, span: 'span' in number ? number.span : null });
      push(`${topic}.${statement.measure}${at(statement.platform)}`, statement.count);
      for (const part of statement.parts) {
        if (part.measure || part.platform) push(`${topic}.${part.measure ?? statement.measure}${at(part.platform ?? statement.platform)}`, part.count);
        else push(`${topic}.${statement.measure}${at(statement.platform)}.part`, part.count);
      }
    }
  }
  return keys;
}

function claimKeys(narrative: Narrative | GroundedNarrative): Keyed[] {
  return narrative.reviewLitigation.claims.map((claim) => ({
    key: `reviewLitigation.claims[${claim.about}.${claim.claim}]`,
    grounded: 'grounded' in claim ? claim.grounded : true,
    span: 'span' in claim ? claim.span : null,
  }));
}

/** Matches two multisets of keys; what is left over on either side is wrong. */
function matchKeys(wanted: readonly Keyed[], got: readonly Keyed[], wrong: WrongField[]): { recalled: number; precise: number } {
  const field = (key: string) => `narrative.${key.replace(/=[^=]*$/, '')}`;
  const valueOf = (key: string) => {
    const value = /=([^=]*)$/.exec(key)?.[1];
    return value === undefined ? true : Number(value);
  };
  const remaining = got.map((entry) => entry.key);
  let recalled = 0;
  for (const entry of wanted) {
    const at = remaining.indexOf(entry.key);
    if (at === -1) wrong.push({ field: field(entry.key), expected: valueOf(entry.key), actual: null, span: null });
    else {
      recalled += 1;
      remaining.splice(at, 1);
    }
  }
  const labelled = wanted.map((entry) => entry.key);
  let precise = 0;
  for (const entry of got) {
    const at = labelled.indexOf(entry.key);
    if (at === -1) wrong.push({ field: field(entry.key), expected: null, actual: valueOf(entry.key), span: entry.span });
    else {
      precise += 1;
      labelled.splice(at, 1);
    }
  }
  return { recalled, precise };
}

function scoreNarrative(expected: Narrative | null, got: GroundedNarrative | null, wrong: WrongField[]) {
  if (!expected) {
    return { narrativeNumbers: { correct: 0, total: 0 }, narrativePrecision: { correct: 0, total: 0 }, grounded: { correct: 0, total: 0 }, textItems: { score: 0, total: 0 } };
  }
  const wanted = numberKeys(expected);
  const extracted = got ? numberKeys(got) : [];
  const { recalled, precise } = matchKeys(wanted, extracted, wrong);
  // Claims carry no number: a wrong one makes the fixture inexact without a rate of its own.
  matchKeys(claimKeys(expected), got ? claimKeys(got) : [], wrong);
  const items = [...expected.problems, ...expected.improvements];
  const candidates = got ? [...got.problems, ...got.improvements] : [];
  const similarity = items.reduce((sum, item) => sum + Math.max(0, ...candidates.map((candidate) => textSimilarity(item, candidate))), 0);
  return {
    narrativeNumbers: { correct: recalled, total: wanted.length },
    narrativePrecision: { correct: precise, total: extracted.length },
    grounded: { correct: extracted.filter((entry) => entry.grounded).length, total: extracted.length },
    textItems: { score: items.length === 0 ? 0 : similarity / items.length, total: items.length },
  };
}

function scoreClean(expected: Expected, result: Result): Tally {
  if (expected.findings.some((finding) => FINDING_SEVERITIES[finding.id] === 'error')) return { correct: 0, total: 0 };
  return { correct: result.findings.some((finding) => finding.severity === 'error') ? 0 : 1, total: 1 };
}

function scoreFindings(expected: Expected, result: Result, wrong: WrongField[]): Record<string, FindingTally> {
  const tallies: Record<string, { truePositives: number; falsePositives: number; falseNegatives: number }> = {};
  const tally = (id: string) => (tallies[id] ??= { truePositives: 0, falsePositives: 0, falseNegatives: 0 });
  const got = result.findings.map((finding) => `${finding.id}@${finding.path}`);
  for (const finding of expected.findings) {
    const key = `${finding.id}@${finding.path}`;
    const at = got.indexOf(key);
    if (at === -1) {
      tally(finding.id).falseNegatives += 1;
      wrong.push({ field: `findings.${key}`, expected: 'raised', actual: 'missing', span: null });
    } else {
      tally(finding.id).truePositives += 1;
      got.splice(at, 1);
    }
  }
  for (const key of got) {
    tally(key.split('@')[0]!).falsePositives += 1;
    const finding = result.findings.find((candidate) => `${candidate.id}@${candidate.path}` === key);
    wrong.push({ field: `findings.${key}`, expected: 'not raised', actual: 'raised', span: finding?.spans[0] ?? null });
  }
  return tallies;
}
