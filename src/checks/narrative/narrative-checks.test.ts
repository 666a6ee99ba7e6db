import { describe, expect, it } from 'vitest';
import { claim, createNarrativeInput, stated, statement, weibo } from './__fixtures__/create-facts.js';
import { matchedReceivedReading, runNarrativeChecks, type NarrativeCheckInput } from './index.js';

const keys = (input: NarrativeCheckInput) => runNarrativeChecks(input).map((finding) => `${finding.id}@${finding.path}`);
const site = { kind: '政府网站', name: null } as const;
const account = { kind: '微信公众号', name: '法治额敏' } as const;

describe('narrative.sumMismatch: a statement against its own parts', () => {
  const total = (value: number, parts: readonly number[], options: Parameters<typeof statement>[2] = {}) =>
    statement('published', stated(value), { parts: parts.map((part, index) => ({ label: `类别${index}`, count: stated(part) })), ...options });

  it.each([
    ['a complete breakdown that adds up', [total(33, [1, 32])], []],
    ['a complete breakdown that does not', [total(35, [1, 32])], ['narrative.sumMismatch@narrative.activeDisclosure.published']],
    ['a platform’s own breakdown', [total(2139, [1744, 393, 21, 2], { platform: { kind: '政府网站', name: '上海科技' } })], ['narrative.sumMismatch@narrative.activeDisclosure.published.政府网站“上海科技”']],
    ['parts that are only some of it (其中 …等)', [total(95, [42, 16], { partsComplete: false })], []],
    ['a single 其中', [total(1640, [294])], []],
    ['an approximate total', [total(1000, [300, 400], { approximate: true })], []],
  ] as const)('%s', (_name, statements, expected) => {
    expect(keys(createNarrativeInput({ activeDisclosure: statements }))).toEqual(expected);
  });

  it('says by how much, with both sides', () => {
    const [finding] = runNarrativeChecks(createNarrativeInput({ activeDisclosure: [total(2602, [82, 80, 2441])] }));
    expect(finding).toMatchObject({ severity: 'error', expected: 2603, actual: 2602, difference: -1 });
    expect(finding!.message).toContain('相差 -1');
    expect(finding!.spans).toHaveLength(4);
  });

  it('outcomes given as the parts of 办结 are summed too', () => {
    const answered = statement('answered', stated(81), {
      parts: [
        { label: '予以公开', measure: 'granted', count: stated(22) },
        { label: '不予公开', measure: 'denied', count: stated(6) },
      ],
    });
    expect(keys(createNarrativeInput({ applications: [answered] }, { 'applications.totalHandled.total': 81, 'applications.granted.total': 22, 'applications.denied.stateSecret.total': 6 }))).toEqual([
      'narrative.sumMismatch@narrative.applications.answered',
    ]);
  });

  it('an ungrounded part is no evidence of a broken sum', () => {
    const statements = [statement('published', stated(35), { parts: [{ label: '网站', count: stated(1) }, { label: '公众号', count: stated(30, 'x', { grounded: false }) }] })];
    expect(keys(createNarrativeInput({ activeDisclosure: statements }))).toEqual(['narrative.ungrounded@narrative.activeDisclosure.published']);
  });
});

describe('narrative.conflictingFigures: one quantity, two values', () => {
  it.each([
    ['a named account twice with the same count', [statement('published', stated(89), { platform: weibo() }), statement('published', stated(89), { platform: weibo() })], []],
    ['a named account with another count', [statement('published', stated(89), { platform: weibo() }), statement('published', stated(92), { platform: weibo() })], ['narrative.conflictingFigures@narrative.activeDisclosure.published.微博“灵武民政”']],
    ['a part of a total and a later statement of the account', [statement('published', stated(33), { parts: [{ label: '网站', platform: site, count: stated(1) }, { label: '公众号', platform: account, count: stated(32) }] }), statement('published', stated(30), { platform: account })], ['narrative.conflictingFigures@narrative.activeDisclosure.published.微信公众号“法治额敏”']],
    ['two unnamed sites (a county portal, its departments’ pages)', [statement('published', stated(4511), { platform: site }), statement('published', stated(3044), { platform: site })], []],
    ['two measures through one account (published, views)', [statement('published', stated(461), { platform: weibo() }), statement('visits', stated(82056), { platform: weibo() })], []],
    ['two subjects of one account (短视频, 直播)', [statement('visits', stated(1924252), { platform: weibo(), subject: '短视频' }), statement('visits', stated(303855), { platform: weibo(), subject: '直播' })], []],
    ['a year’s count and a running total', [statement('followers', stated(2056), { platform: weibo(), period: 'cumulative' }), statement('followers', stated(300), { platform: weibo() })], []],
    ['an approximate count', [statement('visits', stated(842400), { platform: weibo(), approximate: true }), statement('visits', stated(842000), { platform: weibo() })], []],
    ['counts without a platform (often one department’s or one topic’s)', [statement('published', stated(2599)), statement('published', stated(77))], []],
  ] as const)('%s', (_name, statements, expected) => {
    expect(keys(createNarrativeInput({ activeDisclosure: statements }))).toEqual(expected);
  });

  it('names both values and both quotes', () => {
    const [finding] = runNarrativeChecks(createNarrativeInput({ activeDisclosure: [statement('published', stated(89, '政务微博发布信息89条'), { platform: weibo() }), statement('published', stated(92, '政务微博发布信息92条'), { platform: weibo() })] }));
    expect(finding!.message).toBe('微博“灵武民政”发布信息前后不一：89 与 92（「政务微博发布信息89条」；「政务微博发布信息92条」）；同一数量只应有一个数字，请核对哪一处有误');
  });

  it.each([
    ['收到 stated twice with two values', [statement('received', stated(10)), statement('received', stated(12))], ['narrative.conflictingFigures@narrative.applications.received']],
    ['收到 and 收到（含上年结转）', [statement('received', stated(10)), statement('receivedWithCarriedOver', stated(12))], []],
    ['收到 with its carried over given as a part', [statement('received', stated(10)), statement('received', stated(12), { parts: [{ label: '上年结转', measure: 'carriedOver', count: stated(2) }], partsComplete: false })], []],
    ['an ungrounded second value', [statement('received', stated(10)), statement('received', stated(12, 'x', { grounded: false }))], ['narrative.ungrounded@narrative.applications.received']],
  ] as const)('%s', (_name, statements, expected) => {
    const cells = { 'applications.newReceived.total': 10, 'applications.carriedOver.total': 2 };
    expect(keys(createNarrativeInput({ applications: statements }, cells))).toEqual(expected);
  });
});

describe('narrative against table 3', () => {
  const cells = { 'applications.newReceived.total': 70, 'applications.carriedOver.total': 5, 'applications.totalHandled.total': 74, 'applications.carriedForward.total': 1 };

  it.each([
    ['收到 = new', statement('received', stated(70)), []],
    ['收到 = new + carried over', statement('received', stated(75)), []],
    ['收到 that is neither', statement('received', stated(72)), ['narrative.applicationsMismatch@narrative.applications.received']],
    ['收到（含上年结转） must be new + carried over', statement('receivedWithCarriedOver', stated(70)), ['narrative.applicationsMismatch@narrative.applications.received']],
    ['收到 of another year names it instead', statement('received', stated(72, '2023年收到申请72件', { year: 2023 })), ['narrative.yearMismatch@narrative.applications.received']],
    ['an approximate 收到', statement('received', stated(72), { approximate: true }), []],
    ['an ungrounded 收到', statement('received', stated(72, 'x', { grounded: false })), ['narrative.ungrounded@narrative.applications.received']],
    ['办结 = (七)总计', statement('answered', stated(74)), []],
    ['办结 that is not', statement('answered', stated(73)), ['narrative.outcomeMismatch@narrative.applications.answered']],
    ['结转下年度 that is not', statement('carriedForward', stated(2)), ['narrative.outcomeMismatch@narrative.applications.carriedForward']],
  ] as const)('%s', (_name, figure, expected) => {
    expect(keys(createNarrativeInput({ applications: [figure] }, cells))).toEqual(expected);
  });

  it('says which reading of 收到 matched', () => {
    expect(matchedReceivedReading(createNarrativeInput({ applications: [statement('received', stated(70))] }, cells))).toBe('new');
    expect(matchedReceivedReading(createNarrativeInput({ applications: [statement('received', stated(75))] }, cells))).toBe('newAndCarriedOver');
    expect(matchedReceivedReading(createNarrativeInput({ applications: [statement('received', stated(72))] }, cells))).toBeNull();
  });

  it('an applicant’s share of 收到 is not compared with the total', () => {
    const received = statement('received', stated(70), { parts: [{ label: '自然人', count: stated(64) }, { label: '企业', count: stated(6) }] });
    expect(keys(createNarrativeInput({ applications: [received] }, cells))).toEqual([]);
  });

  const outcomes = {
    'applications.granted.total': 22,
    'applications.partiallyGranted.total': 20,
    'applications.denied.processInfo.total': 3,
    'applications.denied.queryMatters.total': 2,
    'applications.otherHandling.overdueCorrection.total': 1,
    'applications.otherHandling.other.total': 1,
  };
  it.each([
    ['予以公开', 'granted', 22, []],
    ['予以公开 wrong', 'granted', 24, ['narrative.outcomeMismatch@narrative.applications.granted']],
    ['予以公开及部分公开 against both rows', 'grantedOrPartial', 42, []],
    ['不予公开 against its eight rows', 'denied', 5, []],
    ['其他处理 against its three rows', 'otherHandling', 2, []],
    ['其他处理 wrong', 'otherHandling', 3, ['narrative.outcomeMismatch@narrative.applications.otherHandling']],
  ] as const)('%s', (_name, measure, value, expected) => {
    expect(keys(createNarrativeInput({ applications: [statement(measure, stated(value))] }, outcomes))).toEqual(expected);
  });

  it('a blank cell is not compared', () => {
    expect(keys(createNarrativeInput({ applications: [statement('granted', stated(24))] }, { 'applications.granted.total': null }))).toEqual([]);
  });
});

describe('narrative against table 4', () => {
  const cells = {
    'reviewLitigation.review.upheld': 1,
    'reviewLitigation.review.corrected': 1,
    'reviewLitigation.review.total': 2,
    'reviewLitigation.litigationDirect.upheld': 4,
    'reviewLitigation.litigationDirect.pending': 1,
    'reviewLitigation.litigationDirect.total': 5,
    'reviewLitigation.litigationAfterReview.upheld': 2,
    'reviewLitigation.litigationAfterReview.total': 2,
  };

  it.each([
    ['复议 2', [statement('reviews', stated(2))], []],
    ['复议 3', [statement('reviews', stated(3))], ['narrative.reviewLitigationMismatch@narrative.reviewLitigation.reviews']],
    ['诉讼 7: both kinds of lawsuit', [statement('lawsuits', stated(7))], []],
    ['复议和诉讼 9 in one number', [statement('reviewsAndLawsuits', stated(9))], []],
    ['复议和诉讼 0 when there were some', [statement('reviewsAndLawsuits', stated(0, '未发生'))], ['narrative.reviewLitigationMismatch@narrative.reviewLitigation.reviewsAndLawsuits']],
  ] as const)('%s', (_name, statements, expected) => {
    expect(keys(createNarrativeInput({ reviewLitigation: statements }, cells))).toEqual(expected);
  });

  it.each([
    ['复议 均获维持, one corrected', claim('reviews', 'allUpheld'), ['narrative.reviewOutcomeClaim@narrative.reviewLitigation.reviews.allUpheld']],
    ['复议 无被纠错, one corrected', claim('reviews', 'noneCorrected'), ['narrative.reviewOutcomeClaim@narrative.reviewLitigation.reviews.noneCorrected']],
    ['复议 均已审结, none pending', claim('reviews', 'allConcluded'), []],
    ['诉讼 无败诉, none corrected (one pending is no defeat)', claim('lawsuits', 'noneCorrected'), []],
    ['诉讼 均已审结, one pending', claim('lawsuits', 'allConcluded'), ['narrative.reviewOutcomeClaim@narrative.reviewLitigation.lawsuits.allConcluded']],
    ['诉讼 均获维持, one pending', claim('lawsuits', 'allUpheld'), ['narrative.reviewOutcomeClaim@narrative.reviewLitigation.lawsuits.allUpheld']],
    ['an ungrounded claim raises only its own warning', claim('reviews', 'allUpheld', false), ['narrative.ungrounded@narrative.reviewLitigation.reviews.allUpheld']],
  ] as const)('%s', (_name, stated, expected) => {
    expect(keys(createNarrativeInput({ claims: [stated] }, cells))).toEqual(expected);
  });

  it('a claim says what refutes it', () => {
    const [finding] = runNarrativeChecks(createNarrativeInput({ claims: [claim('reviewsAndLawsuits', 'allUpheld')] }, cells));
    expect(finding!.message).toBe('正文说行政复议和行政诉讼「均获维持」，但表四行政复议和行政诉讼有结果纠正 1 件、尚未审结 1 件');
  });
});

describe('narrative.yearMismatch', () => {
  it.each([
    ['a fee of another year', { fee: [statement('amount', stated(0, '2021年未收取信息处理费', { year: 2021 }))] }, ['narrative.yearMismatch@narrative.fee.amount']],
    ['the report’s own year', { fee: [statement('amount', stated(0, '2024年未收取信息处理费', { year: 2024 }))] }, []],
    ['上年结转 naming the year before', { applications: [statement('carriedOver', stated(1, '2023年结转1件', { year: 2023 }))] }, []],
  ] as const)('%s', (_name, facts, expected) => {
    expect(keys(createNarrativeInput(facts))).toEqual(expected);
  });
});
