/** The words of overview.html, per language. Check ids, agencies and paths stay as they are. */
export type OverviewWords = {
  readonly title: string;
  readonly meta: (directory: string, at: string) => string;
  readonly read: string;
  readonly withErrors: string;
  readonly skipped: string;
  readonly failed: string;
  readonly rankedTitle: string;
  readonly rankedNote: string;
  readonly rankedHeaders: readonly string[];
  readonly nothingFlagged: string;
  readonly moreFlagged: (count: number) => string;
  readonly findingsTitle: string;
  readonly findingsChart: string;
  readonly noFindings: string;
  readonly figuresTitle: string;
  readonly figuresNote: string;
  readonly figureHeaders: readonly string[];
  readonly trendsTitle: string;
  readonly noTrends: string;
  readonly noCrossYear: string;
  readonly receivedByYear: (agency: string) => string;
};

export const OVERVIEW_WORDS: Record<'zh' | 'en', OverviewWords> = {
  zh: {
    title: 'nianbao 批处理概览',
    meta: (directory, at) => `${directory} · 生成于 ${at}`,
    read: '份报告已读取',
    withErrors: '份有错误',
    skipped: '个文件不是年报（已跳过）',
    failed: '个文件无法读取',
    rankedTitle: '先看这些报告',
    rankedNote: '按错误数排序（其次按警告数）；点机关名打开该报告的核对页：原文中每个数字、每条发现都有标注。',
    rankedHeaders: ['序号', '机关', '年度', '错误', '警告', '发现', '文件'],
    nothingFlagged: '没有报告有错误或警告。',
    moreFlagged: (count) => `另有 ${count} 份有发现的报告未列出，见 findings.csv。`,
    findingsTitle: '各类发现的条数',
    findingsChart: '各检查项的发现条数',
    noFindings: '没有发现。',
    figuresTitle: '各机关各年度的主要数字',
    figuresNote: '新收 = 表三“本年新收”总计；办结 = “（七）总计”；予以公开率 = “（一）予以公开”÷ 办结；复议、诉讼取自表四（诉讼含未经复议和复议后起诉），纠错 = “结果纠正”。— 表示报告中为空白或未能确定地读出。',
    figureHeaders: ['机关', '年度', '新收', '办结', '予以公开率', '行政复议', '复议纠错', '行政诉讼', '诉讼纠错', '错误'],
    trendsTitle: '多个年度的机关：趋势与跨年度核对',
    noTrends: '没有机关有多个年度的报告。',
    noCrossYear: '相邻年度之间没有不一致。',
    receivedByYear: (agency) => `${agency}各年度新收申请数`,
  },
  en: {
    title: 'nianbao batch overview',
    meta: (directory, at) => `${directory} · made ${at}`,
    read: 'reports read',
    withErrors: 'with errors',
    skipped: 'files that are not reports (skipped)',
    failed: 'files that could not be read',
    rankedTitle: 'Look at these reports first',
    rankedNote: 'By errors, then warnings; an agency opens its evidence view: every number and finding marked in the text.',
    rankedHeaders: ['#', 'agency', 'year', 'errors', 'warnings', 'findings', 'file'],
    nothingFlagged: 'No report has an error or a warning.',
    moreFlagged: (count) => `${count} more report(s) with findings not listed: see findings.csv.`,
    findingsTitle: 'Findings by check',
    findingsChart: 'findings per check id',
    noFindings: 'No findings.',
    figuresTitle: 'Key figures per agency and year',
    figuresNote: 'received = table 3 new applications, total; handled = (七) total; granted share = (一) granted ÷ handled; reviews and lawsuits from table 4 (lawsuits of both kinds), corrected = the corrected outcome. — is blank or not read with certainty.',
    figureHeaders: ['agency', 'year', 'received', 'handled', 'granted share', 'reviews', 'reviews corrected', 'lawsuits', 'lawsuits corrected', 'errors'],
    trendsTitle: 'Agencies with several years: trend and cross-year checks',
    noTrends: 'No agency has reports of several years.',
    noCrossYear: 'No disagreement between consecutive years.',
    receivedByYear: (agency) => `${agency}: applications received per year`,
  },
};
