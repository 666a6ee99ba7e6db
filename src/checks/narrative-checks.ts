import { channelKey } from '../report/channel-key.js';
import { listNumbers } from '../report/map-numbers.js';
import type { Finding, GroundedNarrative, GroundedNumber, Meta, Tables } from '../report/schemas.js';
import { createFinding } from './create-finding.js';
import { cellValue, toScaled } from './equations.js';
import { pick, type Language } from './language.js';

export type NarrativeCheckInput = {
  readonly facts: GroundedNarrative;
  readonly tables: Tables;
  readonly meta: Meta;
  readonly language: Language;
};

type Channel = GroundedNarrative['activeDisclosure']['channels'][number];

const spansOf = (...numbers: (GroundedNumber | null)[]) => numbers.flatMap((number) => (number?.span ? [number.span] : []));
const quoted = (number: GroundedNumber) => `「${number.quote.replace(/\s+/g, '')}」`;


/** narrative.applicationsMismatch: 收到 N 件 must be the new applications, or new + carried over. */
export function checkApplications(input: NarrativeCheckInput): Finding[] {
  const received = input.facts.applications.received;
  const fresh = cellValue(input.tables, 'applications.newReceived.total');
  const carried = cellValue(input.tables, 'applications.carriedOver.total');
  if (!received || fresh === null || fresh === undefined) return [];
  const withCarried = carried === null || carried === undefined ? null : fresh + carried;
  if (received.value === fresh || received.value === withCarried) return [];
  return [
    createFinding({
      id: 'narrative.applicationsMismatch',
      severity: 'error',
      path: 'narrative.applications.received',
      message: pick(
        input.language,
        `正文说收到申请 ${received.value} 件（${quoted(received)}），但表三本年新收为 ${fresh} 件${withCarried === null ? '' : `，新收加上年结转为 ${withCarried} 件`}，两种理解都对不上`,
        `the prose states ${received.value} applications received (${quoted(received)}) but table 3 has ${fresh} new${withCarried === null ? '' : ` and ${withCarried} new + carried over`}: neither reading matches`,
      ),
      expected: fresh,
      actual: received.value,
      difference: received.value - fresh,
      spans: spansOf(received),
    }),
  ];
}

/** Which reading of 收到 matched the table, for the result to say (null when none or no table). */
export function matchedReceivedReading(input: NarrativeCheckInput): 'new' | 'newAndCarriedOver' | null {
  const received = input.facts.applications.received;
  const fresh = cellValue(input.tables, 'applications.newReceived.total');
  const carried = cellValue(input.tables, 'applications.carriedOver.total');
  if (!received || fresh === null || fresh === undefined) return null;
  if (received.value === fresh) return 'new';
  return carried !== null && carried !== undefined && received.value === fresh + carried ? 'newAndCarriedOver' : null;
}

/** narrative.reviewLitigationMismatch: stated reviews and lawsuits against table 4. */
export function checkReviewLitigation(input: NarrativeCheckInput): Finding[] {
  const findings: Finding[] = [];
  const { reviews, lawsuits } = input.facts.reviewLitigation;
  const reviewTotal = cellValue(input.tables, 'reviewLitigation.review.total');
  const direct = cellValue(input.tables, 'reviewLitigation.litigationDirect.total');
  const afterReview = cellValue(input.tables, 'reviewLitigation.litigationAfterReview.total');
  const lawsuitTotal = direct === null || direct === undefined || afterReview === null || afterReview === undefined ? null : direct + afterReview;
  const compare = (stated: GroundedNumber | null, table: number | null | undefined, path: string, zh: string, en: string) => {
    if (!stated || table === null || table === undefined || stated.value === table) return;
    findings.push(
      createFinding({
        id: 'narrative.reviewLitigationMismatch',
        severity: 'error',
        path,
        message: pick(input.language, `正文说${zh} ${stated.value} 件（${quoted(stated)}），表四为 ${table} 件`, `the prose states ${stated.value} ${en} (${quoted(stated)}) but table 4 has ${table}`),
        expected: table,
        actual: stated.value,
        difference: stated.value - table,
        spans: spansOf(stated),
      }),
    );
  };
  compare(reviews, reviewTotal, 'narrative.reviewLitigation.reviews', '行政复议', 'administrative reviews');
  compare(lawsuits, lawsuitTotal, 'narrative.reviewLitigation.lawsuits', '行政诉讼', 'lawsuits');
  return findings;
}

/** narrative.sumMismatch: a stated total against its channels, and a channel against its breakdown. */
export function checkSums(input: NarrativeCheckInput): Finding[] {
  const findings: Finding[] = [];
  const { total, channels } = input.facts.activeDisclosure;
  const distinct = uniqueChannels(channels);
  if (total && distinct.length >= 2 && distinct.every((channel) => channel.count)) {
    const sum = distinct.reduce((running, channel) => running + channel.count!.value, 0);
    if (toScaled(sum) !== toScaled(total.value)) {
      findings.push(
        createFinding({
          id: 'narrative.sumMismatch',
          severity: 'error',
          path: 'narrative.activeDisclosure',
          message: pick(
            input.language,
            `正文说共公开 ${total.value}（${quoted(total)}），但各平台数量合计 ${sum}（${distinct.map((channel) => `${channelKey(channel)} ${channel.count!.value}`).join('、')}）`,
            `the prose states a total of ${total.value} (${quoted(total)}) but its platforms add up to ${sum} (${distinct.map((channel) => `${channelKey(channel)} ${channel.count!.value}`).join(', ')})`,
          ),
          expected: sum,
          actual: total.value,
          difference: total.value - sum,
          spans: spansOf(total, ...distinct.map((channel) => channel.count)),
        }),
      );
    }
  }
  for (const channel of channels) {
    // One item is a subset ("其中原创文章 294 篇"), not a breakdown that should add up.
    if (!channel.count || channel.parts.length < 2) continue;
    const sum = channel.parts.reduce((running, part) => running + part.count.value, 0);
    if (toScaled(sum) === toScaled(channel.count.value)) continue;
    findings.push(
      createFinding({
        id: 'narrative.sumMismatch',
        severity: 'error',
        path: `narrative.activeDisclosure.channels.${channelKey(channel)}`,
        message: pick(
          input.language,
          `${channelKey(channel)}：正文说 ${channel.count.value}（${quoted(channel.count)}），其中各项合计 ${sum}（${channel.parts.map((part) => `${part.label} ${part.count.value}`).join('、')}）`,
          `${channelKey(channel)}: the prose states ${channel.count.value} (${quoted(channel.count)}) but its breakdown adds up to ${sum}`,
        ),
        expected: sum,
        actual: channel.count.value,
        difference: channel.count.value - sum,
        spans: spansOf(channel.count, ...channel.parts.map((part) => part.count)),
      }),
    );
  }
  return findings;
}

function uniqueChannels(channels: readonly Channel[]): Channel[] {
  const seen = new Map<string, Channel>();
  for (const channel of channels) if (!seen.has(channelKey(channel))) seen.set(channelKey(channel), channel);
  return [...seen.values()];
}

/**
 * narrative.conflictingFigures: the same named platform stated twice with different counts.
 * Unnamed platforms of one kind may be different sites (a county portal, its departments' pages).
 */
export function checkConflicts(input: NarrativeCheckInput): Finding[] {
  const findings: Finding[] = [];
  const byKey = new Map<string, Channel[]>();
  for (const channel of input.facts.activeDisclosure.channels) {
    if (channel.count && channel.name) byKey.set(channelKey(channel), [...(byKey.get(channelKey(channel)) ?? []), channel]);
  }
  for (const [key, statements] of byKey) {
    const values = [...new Set(statements.map((channel) => channel.count!.value))];
    if (values.length < 2) continue;
    const quotes = statements.map((channel) => quoted(channel.count!)).join(pick(input.language, '；', '; '));
    findings.push(
      createFinding({
        id: 'narrative.conflictingFigures',
        severity: 'error',
        path: `narrative.activeDisclosure.channels.${key}`,
        message: pick(
          input.language,
          `${key} 的发布数量前后不一：${values.join(' 与 ')}（${quotes}）`,
          `${key} is stated with different counts: ${values.join(' and ')} (${quotes})`,
        ),
        expected: values[0]!,
        actual: values[1]!,
        difference: values[1]! - values[0]!,
        spans: spansOf(...statements.map((channel) => channel.count)),
      }),
    );
  }
  return findings;
}

/** narrative.yearMismatch: a statement about the report's own facts that names another year. */
export function checkYears(input: NarrativeCheckInput): Finding[] {
  const year = input.meta.year;
  if (year === null) return [];
  return listNumbers(input.facts)
    .filter(({ number }) => number.year !== null && number.year !== year)
    .map(({ number, path }) =>
      createFinding({
        id: 'narrative.yearMismatch',
        severity: 'warning',
        path: `narrative.${factPath(path)}`,
        message: pick(
          input.language,
          `这是 ${year} 年的报告，但这句话说的是 ${number.year} 年：${quoted(number)}`,
          `this is a ${year} report but the statement names ${number.year}: ${quoted(number)}`,
        ),
        expected: year,
        actual: number.year,
        difference: null,
        spans: spansOf(number),
      }),
    );
}

/** narrative.ungrounded: a quote not found in the report, or not containing its number. */
export function checkGrounding(input: NarrativeCheckInput): Finding[] {
  return listNumbers(input.facts)
    .filter(({ number }) => !number.grounded)
    .map(({ number, path }) =>
      createFinding({
        id: 'narrative.ungrounded',
        severity: 'warning',
        path: `narrative.${factPath(path)}`,
        message: pick(
          input.language,
          `提取到的数字 ${number.value} 没有出处：引文${quoted(number)}在报告中找不到，或不含这个数字`,
          `the extracted number ${number.value} is not grounded: its quote ${quoted(number)} is not in the report or does not contain it`,
        ),
        actual: number.value,
        spans: [],
      }),
    );
}

// "activeDisclosure.channels.3.count" → "activeDisclosure.channels.3" (the fact, not its field).
function factPath(path: string): string {
  return path.replace(/\.count$/, '');
}

export const NARRATIVE_CHECKS = [checkGrounding, checkApplications, checkReviewLitigation, checkSums, checkConflicts, checkYears];

export function runNarrativeChecks(input: NarrativeCheckInput): Finding[] {
  return NARRATIVE_CHECKS.flatMap((check) => check(input));
}
