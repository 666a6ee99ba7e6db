import { listNumbers } from '../report/map-numbers.js';
import type { Narrative } from '../report/narrative.js';
import type { Expected, GroundedNarrative, Result, Span } from '../report/schemas.js';
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
  readonly wrong: readonly WrongField[];
};

export function scoreFixture(expected: Expected, result: Result): FixtureScore {
  const wrong: WrongField[] = [];
  const tableCells = scoreTables(expected, result, wrong);
  const meta = scoreMeta(expected, result, wrong);
  const narrative = scoreNarrative(expected.narrative, result.narrative?.facts ?? null, wrong);
  return { tableCells, meta, ...narrative, findings: scoreFindings(expected, result, wrong), wrong };
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

/**
 * Stated numbers are compared as a multiset of keys that do not depend on list positions: a
 * platform is named by kind and name, a breakdown item by its label ("channels[微博“灵武民政”]=89").
 */
function numberKeys(narrative: Narrative | GroundedNarrative): { key: string; grounded: boolean; span: Span | null }[] {
  const channelNames = narrative.activeDisclosure.channels.map(channelKey);
  return listNumbers(narrative as Narrative).map(({ path, number }) => {
    const grounded = 'grounded' in number ? Boolean((number as { grounded: boolean }).grounded) : true;
    const span = 'span' in number ? ((number as { span: Span | null }).span ?? null) : null;
    const channel = /^activeDisclosure\.channels\.(\d+)\.(count|parts\.(\d+)\.count)$/.exec(path);
    if (!channel) return { key: `${path}=${number.value}`, grounded, span };
    const name = channelNames[Number(channel[1])]!;
    if (channel[2] === 'count') return { key: `channels[${name}]=${number.value}`, grounded, span };
    const part = narrative.activeDisclosure.channels[Number(channel[1])]!.parts[Number(channel[3])]!;
    return { key: `channels[${name}].parts[${part.label.replace(/\s+/g, '')}]=${number.value}`, grounded, span };
  });
}

function scoreNarrative(expected: Narrative | null, got: GroundedNarrative | null, wrong: WrongField[]) {
  if (!expected) {
    return { narrativeNumbers: { correct: 0, total: 0 }, narrativePrecision: { correct: 0, total: 0 }, grounded: { correct: 0, total: 0 }, textItems: { score: 0, total: 0 } };
  }
  const wanted = numberKeys(expected);
  const extracted = got ? numberKeys(got) : [];
  const remaining = extracted.map((entry) => entry.key);
  let recalled = 0;
  for (const entry of wanted) {
    const at = remaining.indexOf(entry.key);
    if (at === -1) wrong.push({ field: `narrative.${entry.key.split('=')[0]}`, expected: Number(entry.key.split('=').at(-1)), actual: null, span: null });
    else {
      recalled += 1;
      remaining.splice(at, 1);
    }
  }
  const labelled = wanted.map((entry) => entry.key);
  let precise = 0;
  for (const entry of extracted) {
    const at = labelled.indexOf(entry.key);
    if (at === -1) wrong.push({ field: `narrative.${entry.key.split('=')[0]}`, expected: null, actual: Number(entry.key.split('=').at(-1)), span: entry.span });
    else {
      precise += 1;
      labelled.splice(at, 1);
    }
  }
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
