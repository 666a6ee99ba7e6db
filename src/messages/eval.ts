import type { Measure } from '../eval/aggregate.js';
import { text } from './text.js';

/** The field families of the per-fixture heatmap, each a tally of one fixture's score. */
export type FamilyKey = 'tableCells' | 'meta' | 'narrativeNumbers' | 'narrativePrecision' | 'grounded' | 'findings';

/**
 * The words of `nianbao eval`'s reports (terminal matrix, progress, Markdown, HTML page), per
 * language. Measure keys, check ids, field keys, provider labels and fixture ids stay as they are.
 */
export type EvalWords = {
  readonly measures: Readonly<Record<Measure, string>>;
  // Notes every report carries.
  readonly intervalNote: (fixtures: number) => string;
  readonly notIndependent: string;
  readonly indistinguishable: (measure: string) => string;
  // Rows and columns of the comparison.
  readonly measure: string;
  readonly finding: string;
  readonly provider: string;
  readonly fixture: string;
  readonly textItems: string;
  readonly tokens: string;
  readonly cost: string;
  readonly latency: string;
  readonly failures: string;
  readonly seconds: (value: string) => string;
  readonly failedOf: (failures: number, fixtures: number) => string;
  readonly unpriced: string;
  readonly offlineFree: string;
  readonly perFindingCell: (precision: string, recall: string, truePositives: number, falsePositives: number, falseNegatives: number) => string;
  readonly precisionRecall: (precision: string, recall: string) => string;
  readonly tallies: (truePositives: number, falsePositives: number, falseNegatives: number) => string;
  readonly allFieldsExact: string;
  readonly everyFieldExact: (provider: string) => string;
  readonly worstFields: (provider: string) => string;
  readonly times: (count: number) => string;
  // The run: what was compared, when, with which models.
  /** Between the items of a list (providers, cache counts). */
  readonly listSeparator: string;
  readonly title: (fixtures: number) => string;
  readonly unknown: string;
  readonly noModel: string;
  readonly prompt: (version: string | null, hash: string) => string;
  readonly providerDetail: (model: string, prompt: string | null) => string;
  readonly runLine: (date: string, gitSha: string, schemaHash: string) => string;
  readonly findingsPerId: string;
  // Progress and the gate on stderr.
  readonly progress: (provider: string, fixtureId: string, mark: string) => string;
  readonly exact: string;
  readonly wrongFields: (count: number) => string;
  readonly progressFailed: (reason: string) => string;
  readonly failedBecause: (reason: string) => string;
  readonly resultsWritten: (path: string) => string;
  readonly regression: (message: string) => string;
  readonly belowFloor: (provider: string, measure: string, rate: string, floor: string) => string;
  readonly fellFrom: (provider: string, measure: string, before: string, now: string, allowedDrop: string) => string;
  // The HTML page.
  readonly pageTitle: (fixtures: number, providers: string) => string;
  readonly nav: Readonly<Record<'matrix' | 'heatmap' | 'cost' | 'drillDown', string>>;
  readonly comparison: string;
  readonly comparisonNote: string;
  readonly usage: string;
  readonly worstFieldsHeading: string;
  readonly perFixture: string;
  readonly perFixtureNote: string;
  readonly accuracyAndCost: string;
  readonly wrongFieldsHeading: string;
  readonly wrongFieldsNote: string;
  readonly nothingToScore: string;
  readonly intervalTitle: (rate: string, low: string, high: string, correct: number, total: number) => string;
  readonly noFinding: string;
  readonly families: Readonly<Record<FamilyKey, { readonly label: string; readonly explain: string }>>;
  readonly findingsDetail: (matched: number, missed: number, spurious: number) => string;
  readonly heatTitle: (fixtureId: string, family: string, correct: number, total: number, rate: string, detail: string) => string;
  readonly heatEmptyTitle: (fixtureId: string, family: string) => string;
  readonly wrongFieldsColumn: string;
  readonly notRun: string;
  readonly noScore: string;
  readonly legendEmpty: string;
  // The cost chart.
  readonly yAxis: string;
  readonly meanOfRates: string;
  readonly costAxis: string;
  readonly noPricedModel: string;
  /** The cost chart's bands for the providers off the USD scale: a name and what it means. */
  readonly bands: Readonly<Record<'offline' | 'unpriced', readonly [name: string, detail: string]>>;
  readonly offlineNoCost: string;
  readonly fromCache: (cached: number, answers: number) => string;
  readonly pointTooltip: (provider: string, rate: string, cost: string) => string;
  readonly chartTitle: (measure: string) => string;
  readonly chartDescription: (points: readonly string[], yStart: number) => string;
  readonly chartPoint: (provider: string, rate: string, place: string) => string;
  /** The chart's key: the three markers (markup, passed in) with what each means, then the whiskers. */
  readonly chartNote: (offline: string, priced: string, unpriced: string, cacheNote: string) => string;
  readonly cacheNote: (entries: readonly string[]) => string;
  readonly cacheEntry: (provider: string, cached: number, answers: number) => string;
  // The drill-down.
  readonly nullValue: string;
  readonly nullTitle: string;
  /** A finding's expected and actual state in the drill-down (the results JSON keeps the English). */
  readonly findingStates: Readonly<Record<'raised' | 'not raised' | 'missing', string>>;
  readonly noPosition: Readonly<Record<'meta' | 'cellNotRead' | 'cell' | 'numberNotExtracted' | 'numberNotGrounded' | 'findingNotRaised' | 'finding' | 'other', string>>;
  readonly characters: (start: number, end: number) => string;
  readonly textNotInFile: (start: number, end: number) => string;
  readonly outsideText: (start: number, end: number, length: number) => string;
  readonly notRunForProvider: string;
  readonly wrongFieldsCaption: (count: number) => string;
  readonly fieldColumns: readonly [field: string, expected: string, actual: string, where: string];
  readonly badgeWrong: (count: number) => string;
  readonly badgeFailed: string;
  readonly providerPrefix: (provider: string) => string;
};

export const EVAL_WORDS: Record<'zh' | 'en', EvalWords> = {
  zh: {
    measures: {
      tableCells: '表格单元格完全一致',
      meta: '基本信息完全一致',
      narrativeNumbers: '正文数字（召回率）',
      narrativePrecision: '正文数字（精确率）',
      grounded: '数字有出处（引文在原文中找到）',
      tableFindingRecall: '表格发现召回率',
      tableFindingPrecision: '表格发现精确率',
      narrativeFindingRecall: '正文发现召回率',
      narrativeFindingPrecision: '正文发现精确率',
      cleanWithoutErrors: '干净样例无错误',
      fixturesExact: '样例完全一致',
    },
    intervalNote: (fixtures) => `各比率附 95 % Wilson 区间。只有 ${fixtures} 个样例，区间以内的差异没有意义：相差一个百分点只是噪声。`,
    notIndependent: '同一份报告的单元格、数字和发现并非相互独立的抽样，因此这些区间若有偏差，也只会偏窄。',
    indistinguishable: (measure) => `${measure}：区间相互重叠，在这一指标上分不出这些提供方的高下。`,
    measure: '指标',
    finding: '发现',
    provider: '提供方/模型',
    fixture: '样例',
    textItems: '文字条目（重合度）',
    tokens: '输入 / 输出词元',
    cost: '费用',
    latency: '延迟 p50 / p95',
    failures: '失败',
    seconds: (value) => `${value} 秒`,
    failedOf: (failures, fixtures) => `${failures} / ${fixtures}`,
    unpriced: '未定价',
    offlineFree: '离线，$0',
    perFindingCell: (precision, recall, truePositives, falsePositives, falseNegatives) =>
      `精确率 ${precision} · 召回率 ${recall}（命中 ${truePositives}，误报 ${falsePositives}，漏报 ${falseNegatives}）`,
    precisionRecall: (precision, recall) => `精确率 ${precision} · 召回率 ${recall}`,
    tallies: (truePositives, falsePositives, falseNegatives) => `（命中 ${truePositives}，误报 ${falsePositives}，漏报 ${falseNegatives}）`,
    allFieldsExact: '所有标注字段均一致',
    everyFieldExact: (provider) => `${provider}：所有标注字段均一致`,
    worstFields: (provider) => `${provider}，最常出错的字段：`,
    times: (count) => `${count} 次`,
    listSeparator: '、',
    title: (fixtures) => `nianbao 评测 — ${fixtures} 个样例`,
    unknown: '未知',
    noModel: '无模型',
    prompt: (version, hash) => ['提示词', version, hash].filter(Boolean).join(' '),
    providerDetail: (model, prompt) => `（${model}${prompt ? `，${prompt}` : ''}）`,
    runLine: (date, gitSha, schemaHash) => `${date} · git 提交 ${gitSha} · 数据结构 ${schemaHash}`,
    findingsPerId: '各项发现',
    progress: (provider, fixtureId, mark) => `nianbao eval：${provider} ${fixtureId}：${mark}`,
    exact: '完全一致',
    wrongFields: (count) => `${count} 个字段有误`,
    progressFailed: (reason) => `失败：${reason}`,
    failedBecause: (reason) => `失败：${reason}`,
    resultsWritten: (path) => `nianbao eval：结果已写入 ${path}`,
    regression: (message) => `nianbao eval：${message}`,
    belowFloor: (provider, measure, rate, floor) => `${provider}：${measure}为 ${rate}%，低于下限 ${floor}%`,
    fellFrom: (provider, measure, before, now, allowedDrop) => `${provider}：${measure}从 ${before}% 降到 ${now}%（最多允许下降 ${allowedDrop} 个百分点）`,
    pageTitle: (fixtures, providers) => `nianbao 评测 — ${fixtures} 个样例 · ${providers}`,
    nav: { matrix: '对比', heatmap: '逐个样例', cost: '准确率与费用', drillDown: '错误字段' },
    comparison: '对比',
    comparisonNote: '每个比率附 95 % Wilson 区间（条形表示 0–100 %）及其背后的计数。',
    usage: '用量',
    worstFieldsHeading: '最常出错的字段',
    perFixture: '逐个样例',
    perFixtureNote: '各类字段与标注一致的比例。点击一行，查看该样例的错误字段。',
    accuracyAndCost: '准确率与费用',
    wrongFieldsHeading: '错误字段',
    wrongFieldsNote: '每个与标注不一致的字段，附结果给出的位置前后的报告原文。',
    nothingToScore: '无可评分项',
    intervalTitle: (rate, low, high, correct, total) => `${rate}，95 % Wilson 区间 ${low} 至 ${high}，${total} 项中 ${correct} 项正确`,
    noFinding: '没有标注也没有报出任何发现。',
    families: {
      tableCells: { label: '表格单元格', explain: '与标注一致的单元格' },
      meta: { label: '基本信息', explain: '机关、年度和格式与标注一致' },
      narrativeNumbers: { label: '正文数字召回率', explain: '标注中的陈述数字被提取出来且数值相同' },
      narrativePrecision: { label: '正文数字精确率', explain: '提取出的陈述数字在标注之中' },
      grounded: { label: '数字有出处', explain: '提取出的数字，其引文在原文中找到' },
      findings: { label: '发现', explain: '匹配的发现占（匹配＋漏报＋未标注而报出）的比例' },
    },
    findingsDetail: (matched, missed, spurious) => `匹配 ${matched}，漏报 ${missed}，未标注而报出 ${spurious}`,
    heatTitle: (fixtureId, family, correct, total, rate, detail) => `${fixtureId} · ${family}：${total} 项中 ${correct} 项（${rate}）——${detail}`,
    heatEmptyTitle: (fixtureId, family) => `${fixtureId} · ${family}：无可评分项`,
    wrongFieldsColumn: '错误字段',
    notRun: '未运行',
    noScore: '无评分',
    legendEmpty: '— 无可评分项',
    yAxis: '纵轴',
    meanOfRates: '各指标比率的平均值',
    costAxis: '整次运行的费用（美元）',
    noPricedModel: '本次运行没有已定价的模型',
    bands: { offline: ['离线', '不调用 API，$0'], unpriced: ['未定价', '费用未知'] },
    offlineNoCost: '离线，无费用',
    fromCache: (cached, answers) => `，${answers} 个回答中 ${cached} 个取自缓存（$0）`,
    pointTooltip: (provider, rate, cost) => `${provider}：${rate} · ${cost}`,
    chartTitle: (measure) => `${measure}与费用对照（按提供方）`,
    chartDescription: (points, yStart) => `${points.length === 0 ? '没有提供方在这一指标上有数据' : points.join('；')}。纵轴从 ${yStart} % 开始。`,
    chartPoint: (provider, rate, place) => `${provider}：${rate}，${place}`,
    chartNote: (offline, priced, unpriced, cacheNote) =>
      `${offline} 离线提供方（不调用 API，无费用） · ${priced} 已定价模型，按整次运行的费用标出 · ${unpriced} 未定价模型（费用未知，并非 $0）。误差线：该指标的 95 % Wilson 区间。各点都很高时，纵轴不从 0 开始。${cacheNote}`,
    cacheNote: (entries) => `从缓存重放的回答费用为 $0：${entries.join('、')}。`,
    cacheEntry: (provider, cached, answers) => `${provider} ${answers} 个中 ${cached} 个`,
    nullValue: '空',
    nullTitle: '空白、未读到或未陈述',
    findingStates: { raised: '报出', 'not raised': '不报出', missing: '未报出' },
    noPosition: {
      meta: '无位置：结果没有记录机关、年度和格式是从哪里读到的',
      cellNotRead: '无位置：该单元格没有读到',
      cell: '该单元格没有记录位置',
      numberNotExtracted: '无位置：该数字没有提取出来，标注也没有记录位置',
      numberNotGrounded: '无位置：该数字在原文中找不到出处',
      findingNotRaised: '无位置：该发现没有报出，标注也没有记录位置',
      finding: '该发现没有记录位置',
      other: '没有记录位置',
    },
    characters: (start, end) => `第 ${start}–${end} 个字符`,
    textNotInFile: (start, end) => `第 ${start}–${end} 个字符；本文件不含报告原文`,
    outsideText: (start, end, length) => `第 ${start}–${end} 个字符超出了报告原文（共 ${length} 个字符）`,
    notRunForProvider: '该提供方没有运行这个样例',
    wrongFieldsCaption: (count) => `${count} 个字段有误`,
    fieldColumns: ['字段', '应为', '实为', '在报告中的位置'],
    badgeWrong: (count) => `${count} 处错误`,
    badgeFailed: '失败',
    providerPrefix: (provider) => `${provider}：`,
  },
  en: {
    measures: {
      tableCells: 'table cells exact',
      meta: 'meta exact',
      narrativeNumbers: 'narrative numbers (recall)',
      narrativePrecision: 'narrative numbers (precision)',
      grounded: 'numbers grounded',
      tableFindingRecall: 'table findings recall',
      tableFindingPrecision: 'table findings precision',
      narrativeFindingRecall: 'narrative findings recall',
      narrativeFindingPrecision: 'narrative findings precision',
      cleanWithoutErrors: 'clean fixtures without an error',
      fixturesExact: 'fixtures fully exact',
    },
    intervalNote: (fixtures) => `Rates carry 95 % Wilson intervals. With ${fixtures} fixtures, differences inside the intervals mean nothing: a one-point difference is noise.`,
    notIndependent: 'Cells, numbers and findings of one report are not independent draws, so the intervals are, if anything, too narrow.',
    indistinguishable: (measure) => `${measure}: the intervals overlap — these providers are not distinguishable on this measure.`,
    measure: 'measure',
    finding: 'finding',
    provider: 'provider',
    fixture: 'fixture',
    textItems: 'text items (overlap)',
    tokens: 'tokens in / out',
    cost: 'cost',
    latency: 'latency p50 / p95',
    failures: 'failures',
    seconds: (value) => `${value} s`,
    failedOf: (failures, fixtures) => `${failures} of ${fixtures}`,
    unpriced: 'unpriced',
    offlineFree: 'offline, $0',
    perFindingCell: (precision, recall, truePositives, falsePositives, falseNegatives) =>
      `P ${precision} · R ${recall} (tp ${truePositives}, fp ${falsePositives}, fn ${falseNegatives})`,
    precisionRecall: (precision, recall) => `precision ${precision} · recall ${recall}`,
    tallies: (truePositives, falsePositives, falseNegatives) => `(tp ${truePositives}, fp ${falsePositives}, fn ${falseNegatives})`,
    allFieldsExact: 'every labelled field exact',
    everyFieldExact: (provider) => `${provider}: every labelled field exact`,
    worstFields: (provider) => `${provider}, worst fields:`,
    times: (count) => `${count}×`,
    listSeparator: ', ',
    title: (fixtures) => `nianbao eval — ${fixtures} fixtures`,
    unknown: 'unknown',
    noModel: 'no model',
    prompt: (version, hash) => ['prompt', version, hash].filter(Boolean).join(' '),
    providerDetail: (model, prompt) => ` (${model}${prompt ? `, ${prompt}` : ''})`,
    runLine: (date, gitSha, schemaHash) => `${date} · git ${gitSha} · schema ${schemaHash}`,
    findingsPerId: 'Findings per id',
    progress: (provider, fixtureId, mark) => `nianbao eval: ${provider} ${fixtureId}: ${mark}`,
    exact: 'exact',
    wrongFields: (count) => `${count} wrong field(s)`,
    progressFailed: (reason) => `FAILED ${reason}`,
    failedBecause: (reason) => `failed: ${reason}`,
    resultsWritten: (path) => `nianbao eval: results written to ${path}`,
    regression: (message) => `nianbao eval: ${message}`,
    belowFloor: (provider, measure, rate, floor) => `${provider}: ${measure} is ${rate}%, below the floor of ${floor}%`,
    fellFrom: (provider, measure, before, now, allowedDrop) => `${provider}: ${measure} fell from ${before}% to ${now}% (allowed drop ${allowedDrop} points)`,
    pageTitle: (fixtures, providers) => `nianbao eval — ${fixtures} fixtures · ${providers}`,
    nav: { matrix: 'comparison', heatmap: 'per fixture', cost: 'accuracy and cost', drillDown: 'wrong fields' },
    comparison: 'Comparison',
    comparisonNote: 'Each rate with its 95 % Wilson interval (the bar spans 0–100 %) and the counts behind it.',
    usage: 'Usage',
    worstFieldsHeading: 'Worst fields',
    perFixture: 'Per fixture',
    perFixtureNote: 'Share of each field family that matches the label. Click a row for its wrong fields.',
    accuracyAndCost: 'Accuracy and cost',
    wrongFieldsHeading: 'Wrong fields',
    wrongFieldsNote: 'Every field that differs from its label, with the report text around the position the result gives for it.',
    nothingToScore: 'nothing to score',
    intervalTitle: (rate, low, high, correct, total) => `${rate}, 95 % Wilson interval ${low} to ${high}, ${correct} of ${total}`,
    noFinding: 'No finding was labelled or raised.',
    families: {
      tableCells: { label: 'table cells', explain: 'cells equal to the label' },
      meta: { label: 'meta', explain: 'agency, year and template equal to the label' },
      narrativeNumbers: { label: 'narrative numbers recall', explain: 'labelled stated numbers extracted with the same value' },
      narrativePrecision: { label: 'narrative numbers precision', explain: 'extracted stated numbers that are in the label' },
      grounded: { label: 'grounded', explain: 'extracted numbers whose quote was found in the report' },
      findings: { label: 'findings', explain: 'findings matched, out of matched + missed + raised but not labelled' },
    },
    findingsDetail: (matched, missed, spurious) => `${matched} matched, ${missed} missed, ${spurious} raised but not labelled`,
    heatTitle: (fixtureId, family, correct, total, rate, detail) => `${fixtureId} · ${family}: ${correct} of ${total} (${rate}) — ${detail}`,
    heatEmptyTitle: (fixtureId, family) => `${fixtureId} · ${family}: nothing to score`,
    wrongFieldsColumn: 'wrong fields',
    notRun: 'not run',
    noScore: 'no score',
    legendEmpty: '— nothing to score',
    yAxis: 'y axis',
    meanOfRates: 'mean of the measure rates',
    costAxis: 'cost of the whole run (USD)',
    noPricedModel: 'no priced model in this run',
    bands: { offline: ['offline', 'no API, $0'], unpriced: ['unpriced', 'cost unknown'] },
    offlineNoCost: 'offline, no cost',
    fromCache: (cached, answers) => `, ${cached} of ${answers} answers from the cache at $0`,
    pointTooltip: (provider, rate, cost) => `${provider}: ${rate} · ${cost}`,
    chartTitle: (measure) => `${measure} against cost, per provider`,
    chartDescription: (points, yStart) => `${points.length === 0 ? 'No provider has data on this measure' : points.join('; ')}. The y axis starts at ${yStart} %.`,
    chartPoint: (provider, rate, place) => `${provider}: ${rate}, ${place}`,
    chartNote: (offline, priced, unpriced, cacheNote) =>
      `${offline} offline provider (no API, no cost) · ${priced} priced model, at its cost for the whole run · ${unpriced} unpriced model (cost unknown, not $0). Whiskers: 95 % Wilson interval of the measure. The y axis does not start at 0 when every point is high.${cacheNote ? ` ${cacheNote}` : ''}`,
    cacheNote: (entries) => `Answers replayed from the cache cost $0: ${entries.join(', ')}.`,
    cacheEntry: (provider, cached, answers) => `${provider} ${cached} of ${answers}`,
    nullValue: 'null',
    nullTitle: 'blank, unread or not stated',
    findingStates: { raised: 'raised', 'not raised': 'not raised', missing: 'missing' },
    noPosition: {
      meta: 'no position: the result does not record where agency, year and template were read',
      cellNotRead: 'no position: the cell was not read',
      cell: 'no position recorded for this cell',
      numberNotExtracted: 'no position: the number was not extracted, and the label records none',
      numberNotGrounded: 'no position: the number is not grounded in the text',
      findingNotRaised: 'no position: the finding was not raised, and the label records none',
      finding: 'no position recorded for this finding',
      other: 'no position recorded',
    },
    characters: (start, end) => `characters ${start}–${end}`,
    textNotInFile: (start, end) => `characters ${start}–${end}; the report text is not in this file`,
    outsideText: (start, end, length) => `characters ${start}–${end} lie outside the report text (${length} characters)`,
    notRunForProvider: 'not run for this provider',
    wrongFieldsCaption: (count) => `${count} wrong field(s)`,
    fieldColumns: ['field', 'expected', 'got', 'where in the report'],
    badgeWrong: (count) => `${count} wrong`,
    badgeFailed: 'failed',
    providerPrefix: (provider) => `${provider}: `,
  },
};

/** Failures of `nianbao eval` to write what it made, in both languages. */
export const EVAL_ERRORS = {
  cannotWriteResults: (directory: string) => text(`无法把评测结果写入 ${directory}`, `cannot write the eval results into ${directory}`),
  cannotWriteReport: (path: string) => text(`无法写入 ${path}`, `cannot write ${path}`),
};
