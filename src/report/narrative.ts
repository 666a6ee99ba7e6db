import { z } from 'zod';

// The facts the prose states, as the model must return them. OpenAI strict structured outputs
// want every key present, so "may be absent" is `.nullable()`, never `.optional()`.

/** A number the report states, with the verbatim words it came from. */
export const statedNumberSchema = z
  .object({
    value: z.number().nonnegative().describe('the number as stated (536 万 = 5360000); 未收到 / 未收取 / 未发生 / 无 mean 0'),
    quote: z
      .string()
      .describe('the verbatim fragment of the report (at most one sentence) that states this number, copied character for character'),
    year: z
      .number()
      .int()
      .min(1900)
      .max(2100)
      .nullable()
      .describe('the year the statement itself names, e.g. 2021 in “2021 年未收取信息处理费”; null when it names none'),
  })
  .strict();

/** A claim the prose makes without a number ("均获维持"), with the verbatim words it came from. */
export const statedClaimSchema = z
  .object({
    about: z.enum(['reviews', 'lawsuits', 'reviewsAndLawsuits']).describe('whether the claim is about the 行政复议, the 行政诉讼, or both'),
    claim: z
      .enum(['allUpheld', 'noneCorrected', 'allConcluded'])
      .describe('allUpheld: 均获维持 / 全部维持; noneCorrected: 无被纠错 / 未被纠错 / 无败诉; allConcluded: 均已审结 / 均已结案'),
    quote: z.string().describe('the verbatim fragment (at most one sentence) that makes the claim, copied character for character'),
  })
  .strict();

export const UNITS = ['条', '篇', '件', '个', '项', '期', '次', '场', '人', '元', '起', '宗', '家', '份'] as const;

export const PLATFORM_KINDS = ['政府网站', '微信公众号', '微博', '客户端', '短视频', '政务新媒体', '公开栏', '其他'] as const;

/** What a figure counts, per topic: a small closed set, so that two figures can be compared. */
export const MEASURES = {
  activeDisclosure: ['published', 'policyInterpretations', 'regulations', 'normativeDocuments', 'documents', 'pressConferences', 'visits', 'followers'],
  applications: [
    'received',
    'receivedWithCarriedOver',
    'carriedOver',
    'answered',
    'granted',
    'partiallyGranted',
    'grantedOrPartial',
    'denied',
    'unavailable',
    'notProcessed',
    'otherHandling',
    'carriedForward',
  ],
  reviewLitigation: ['reviews', 'lawsuits', 'reviewsAndLawsuits'],
  fee: ['amount'],
} as const;

export type Topic = keyof typeof MEASURES;
export const TOPICS = Object.keys(MEASURES) as readonly Topic[];
export type Measure = (typeof MEASURES)[Topic][number];

const MEASURE_DESCRIPTIONS: Record<Topic, string> = {
  activeDisclosure:
    'published: items of information published or disclosed (发布/公开/推送 信息、文章、内容); policyInterpretations: 政策解读; regulations: 规章; normativeDocuments: 规范性文件; documents: other documents (政策文件、人事任免文件、公文); pressConferences: 新闻发布会; visits: 访问量/浏览量/阅读量/观看量; followers: 关注/粉丝/订阅',
  applications:
    'received: applications received (收到/受理/接收/申请 N 件); receivedWithCarriedOver: a count the text says includes last year’s carried over (共受理 N 件（含上年结转 M 件）); carriedOver: 上年结转; answered: concluded or answered in all (办结/答复/办理 N 件); granted: 予以公开/同意公开; partiallyGranted: 部分公开; grantedOrPartial: 予以公开及部分公开 stated as one number; denied: 不予公开; unavailable: 无法提供; notProcessed: 不予处理; otherHandling: 其他处理; carriedForward: 结转下年度',
  reviewLitigation:
    'reviews: 行政复议 about this agency’s information disclosure; lawsuits: 行政诉讼 about it; reviewsAndLawsuits: both counted as one number (复议诉讼案件 N 件). Not cases the agency decided itself as a review body.',
  fee: 'amount: the information-processing fee (信息处理费) charged, in 元; 未收取 / 未产生 = 0. Not 行政事业性收费.',
};

export const PERIODS = ['year', 'cumulative', 'partial'] as const;

const platformSchema = z
  .object({
    kind: z.enum(PLATFORM_KINDS).describe('the kind of platform'),
    name: z
      .string()
      .nullable()
      .describe('the platform’s own name as printed inside quotes in the same clause or sentence as the count, e.g. 法治灵武; null when unnamed'),
  })
  .strict();

function createStatementSchema<T extends Topic, Number extends z.ZodType>(topic: T, number: Number) {
  const measure = z.enum(MEASURES[topic]);
  const part = z
    .object({
      label: z.string().describe('what the part is, in the report’s words, e.g. 工作动态信息, 自然人, 予以公开'),
      measure: measure.nullable().describe('the part’s own measure when it is one (予以公开 under 办结); null when it is the statement’s'),
      platform: platformSchema.nullable().describe('the platform of this part, when the part is a platform (门户网站 a 条，微信公众号 b 条)'),
      unit: z.enum(UNITS).nullable(),
      count: number,
    })
    .strict();
  return z
    .object({
      measure: measure.describe(MEASURE_DESCRIPTIONS[topic]),
      subject: z
        .string()
        .nullable()
        .describe('what the items are about when the text narrows them (财政预决算信息, 人事任免文件, 短视频); null for the measure in general'),
      platform: platformSchema.nullable().describe('where the figure was published or counted; null when the text names no platform'),
      period: z.enum(PERIODS).describe('year: the report year (全年/今年/本年度, or no period named); cumulative: a running total (累计达, 截至…, 现有, 粉丝总量); partial: part of the year or another span'),
      approximate: z.boolean().describe('true when the text gives the count as approximate: 近, 约, 余, 多, 超过, 突破'),
      unit: z.enum(UNITS).nullable(),
      count: number,
      parts: z
        .array(part)
        .describe('the parts the text itself gives as parts of this count in the same statement (共… 其中… / 包括… / 分别为… / 涉及…), in printed order; empty when none'),
      partsComplete: z
        .boolean()
        .describe('true when the parts are the whole breakdown the text gives (分别为, or a 其中 list where every item has a number); false when the text lists only some (a single 其中, 等, or items without numbers), or there are no parts'),
    })
    .strict();
}

/** The narrative facts, with numbers and claims of the given shape (as the model states them, or grounded). */
export function createNarrativeSchema<Number extends z.ZodType, Claim extends z.ZodType>(number: Number, claim: Claim) {
  const statements = <T extends Topic>(topic: T, description: string) => z.array(createStatementSchema(topic, number)).describe(description);
  return z
    .object({
      activeDisclosure: z
        .object({
          statements: statements(
            'activeDisclosure',
            'every figure about proactive disclosure, in printed order: a total with its parts once, and every later mention again (a platform stated twice appears twice)',
          ),
        })
        .strict(),
      applications: z
        .object({ statements: statements('applications', 'every figure about applications for disclosure (依申请公开), in printed order') })
        .strict(),
      reviewLitigation: z
        .object({
          statements: statements('reviewLitigation', 'every count of reviews and lawsuits about this agency’s information disclosure; 未发生 = 0'),
          claims: z.array(claim).describe('claims about all of them without a number (均获维持, 未被纠错, 均已审结), in printed order'),
        })
        .strict(),
      fee: z.object({ statements: statements('fee', 'the information-processing fee (信息处理费) charged, in 元') }).strict(),
      problems: z.array(z.string()).describe('the problems the report admits, one short item each, in its own words'),
      improvements: z.array(z.string()).describe('the improvements it promises or reports, one short item each'),
      contact: z
        .object({
          phone: z.string().nullable(),
          fax: z.string().nullable(),
          email: z.string().nullable(),
          address: z.string().nullable(),
          website: z.string().nullable(),
        })
        .strict(),
    })
    .strict();
}

export const narrativeSchema = createNarrativeSchema(statedNumberSchema, statedClaimSchema);

export type StatedNumber = z.infer<typeof statedNumberSchema>;
export type StatedClaim = z.infer<typeof statedClaimSchema>;
export type Narrative = z.infer<typeof narrativeSchema>;
export type Platform = z.infer<typeof platformSchema>;
export type Period = (typeof PERIODS)[number];
export type Unit = (typeof UNITS)[number];
