import { z } from 'zod';

// The facts the prose states, as the model must return them. OpenAI strict structured outputs
// want every key present, so "may be absent" is `.nullable()`, never `.optional()`.

/** A number the report states, with the verbatim words it came from. */
export const statedNumberSchema = z
  .object({
    value: z.number().nonnegative().describe('the number as stated; 未收到 / 未收取 / 无 mean 0'),
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

export const UNITS = ['条', '篇', '件', '个', '项', '期', '次'] as const;

export const CHANNEL_KINDS = ['政府网站', '微信公众号', '微博', '客户端', '政务新媒体', '公开栏', '其他'] as const;

function createChannelSchema<Number extends z.ZodType>(number: Number) {
  return z
  .object({
    kind: z.enum(CHANNEL_KINDS).describe('the kind of platform'),
    name: z.string().nullable().describe('the platform’s own name as printed inside quotes, e.g. 法治灵武; null when unnamed'),
    count: number
      .nullable()
      .describe('how many items of information the report says were published on this platform; null when only a breakdown is stated'),
    unit: z.enum(UNITS).nullable(),
    parts: z
      .array(
        z
          .object({ label: z.string().describe('the category, e.g. 工作动态信息'), count: number })
          .strict(),
      )
      .describe('a breakdown of this count that the report states (其中 …), in printed order; empty when none'),
  })
  .strict();
}

export const RECEIVED_SCOPES = ['new', 'newAndCarriedOver', 'unspecified'] as const;

/** The narrative facts, with numbers of the given shape (as the model states them, or grounded). */
export function createNarrativeSchema<Number extends z.ZodType>(number: Number) {
  return z
  .object({
    activeDisclosure: z
      .object({
        total: number
          .nullable()
          .describe('a stated overall total of proactively disclosed information across platforms (共公开信息 N 条); null when none'),
        totalUnit: z.enum(UNITS).nullable(),
        channels: z
          .array(createChannelSchema(number))
          .describe('every statement of a count per platform, in printed order; a platform stated twice appears twice'),
      })
      .strict(),
    applications: z
      .object({
        received: number
          .nullable()
          .describe('applications the report says it received (收到 / 受理 / 未收到 = 0); null when not stated'),
        receivedScope: z
          .enum(RECEIVED_SCOPES)
          .nullable()
          .describe('whether the wording counts new applications only, new plus carried over (含上年结转), or does not say'),
        answered: number.nullable().describe('applications the report says it answered or concluded (办结 / 答复)'),
        carriedForward: number.nullable().describe('applications carried into next year (结转下年度)'),
      })
      .strict(),
    reviewLitigation: z
      .object({
        reviews: number
          .nullable()
          .describe('administrative reviews about this agency’s information disclosure (因政府信息公开 … 行政复议); not reviews the agency itself decided'),
        lawsuits: number.nullable().describe('administrative lawsuits about its information disclosure'),
      })
      .strict(),
    fee: number
      .nullable()
      .describe('the information-processing fee (信息处理费) charged, in 元; 未收取 / 未产生 = 0; null when not stated. Not 行政事业性收费.'),
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

export const narrativeSchema = createNarrativeSchema(statedNumberSchema);

export type StatedNumber = z.infer<typeof statedNumberSchema>;
export type Narrative = z.infer<typeof narrativeSchema>;
