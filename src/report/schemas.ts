import { z } from 'zod';
import { createNarrativeSchema, narrativeSchema, statedClaimSchema, statedNumberSchema } from './narrative.js';
import {
  APPLICATION_COLUMNS,
  DOCUMENT_COLUMNS,
  OUTCOME_COLUMNS,
  SECTION_KEYS,
} from './template.js';
import { FEE_COLUMNS, ITEM_COLUMNS, PROCUREMENT_COLUMNS, PUBLISHED_COLUMNS } from './template-2019.js';

// A cell is a non-negative number or null (blank or unreadable). Never 0 for a blank.
export const cellValueSchema = z.number().nonnegative().nullable();
/** The 2019 template's 本年增/减 may be negative; findings about any cell use this wider shape. */
export const signedCellValueSchema = z.number().nullable();

function cellsOf<const Keys extends readonly string[]>(keys: Keys) {
  const shape = Object.fromEntries(keys.map((key) => [key, cellValueSchema])) as {
    [Key in Keys[number]]: typeof cellValueSchema;
  };
  return z.strictObject(shape);
}

const documentRow = cellsOf(DOCUMENT_COLUMNS);
const decisionsRow = cellsOf(['decisions'] as const);

export const activeDisclosureSchema = z.strictObject({
  regulations: documentRow,
  normativeDocuments: documentRow,
  licensing: decisionsRow,
  punishment: decisionsRow,
  enforcement: decisionsRow,
  fees: cellsOf(['amountWanYuan'] as const),
});

// The 2019 trial template's table 2 (国办公开办函〔2019〕60号). 本年增/减 is signed.
const itemsRow = z.strictObject({ previousYear: cellValueSchema, change: signedCellValueSchema, decisions: cellValueSchema });

export const activeDisclosure2019Schema = z.strictObject({
  regulations: cellsOf(PUBLISHED_COLUMNS),
  normativeDocuments: cellsOf(PUBLISHED_COLUMNS),
  licensing: itemsRow,
  otherServices: itemsRow,
  punishment: itemsRow,
  enforcement: itemsRow,
  fees: z.strictObject({ previousYear: cellValueSchema, change: signedCellValueSchema }),
  procurement: cellsOf(PROCUREMENT_COLUMNS),
});

const applicationRow = cellsOf(APPLICATION_COLUMNS);

export const applicationsSchema = z.strictObject({
  newReceived: applicationRow,
  carriedOver: applicationRow,
  granted: applicationRow,
  partiallyGranted: applicationRow,
  denied: z.strictObject({
    stateSecret: applicationRow,
    lawForbidden: applicationRow,
    securityStability: applicationRow,
    thirdPartyRights: applicationRow,
    internalAffairs: applicationRow,
    processInfo: applicationRow,
    enforcementFiles: applicationRow,
    queryMatters: applicationRow,
  }),
  unavailable: z.strictObject({
    notHeld: applicationRow,
    needsCreation: applicationRow,
    unclear: applicationRow,
  }),
  notProcessed: z.strictObject({
    complaint: applicationRow,
    duplicate: applicationRow,
    publication: applicationRow,
    excessive: applicationRow,
    confirmation: applicationRow,
  }),
  otherHandling: z.strictObject({
    overdueCorrection: applicationRow,
    overdueFee: applicationRow,
    other: applicationRow,
  }),
  totalHandled: applicationRow,
  carriedForward: applicationRow,
});

/** Table 3 of the 2019 template: （六）其他处理 is one row. */
export const applications2019Schema = applicationsSchema.extend({ otherHandling: applicationRow });

const outcomeRow = cellsOf(OUTCOME_COLUMNS);
export const reviewLitigationSchema = z.strictObject({
  review: outcomeRow,
  litigationDirect: outcomeRow,
  litigationAfterReview: outcomeRow,
});

export const tables2021Schema = z.strictObject({
  activeDisclosure: activeDisclosureSchema.nullable(),
  applications: applicationsSchema.nullable(),
  reviewLitigation: reviewLitigationSchema.nullable(),
});

export const tables2019Schema = z.strictObject({
  activeDisclosure: activeDisclosure2019Schema.nullable(),
  applications: applications2019Schema.nullable(),
  reviewLitigation: reviewLitigationSchema.nullable(),
});

/** The tables in the keys of the template the report follows (`template.format` says which). */
export const tablesSchema = z.union([tables2021Schema, tables2019Schema]);

export const metaSchema = z.strictObject({
  agency: z.string().min(1).nullable(),
  year: z.number().int().min(1990).max(2100).nullable(),
});

export const reportFormatSchema = z.enum(['2021', '2019', 'pre2019', 'unknown']);

export const spanSchema = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const FINDING_IDS = [
  'structure.missingSection',
  'structure.tableShape',
  'table.missingCell',
  'table.ambiguousRow',
  'applications.rowTotal',
  'applications.handledTotal',
  'applications.balance',
  'reviewLitigation.total',
  'narrative.applicationsMismatch',
  'narrative.reviewLitigationMismatch',
  'narrative.sumMismatch',
  'narrative.conflictingFigures',
  'narrative.outcomeMismatch',
  'narrative.reviewOutcomeClaim',
  'narrative.yearMismatch',
  'narrative.ungrounded',
  'crossYear.carryOver',
  'crossYear.inForce',
] as const;
export const findingIdSchema = z.enum(FINDING_IDS);

/** Each id has one severity: `error` for a broken rule, `warning` for a doubtful one. */
export const FINDING_SEVERITIES: Readonly<Record<(typeof FINDING_IDS)[number], 'error' | 'warning'>> = {
  'structure.missingSection': 'error',
  'structure.tableShape': 'error',
  'table.missingCell': 'warning',
  'table.ambiguousRow': 'warning',
  'applications.rowTotal': 'error',
  'applications.handledTotal': 'error',
  'applications.balance': 'error',
  'reviewLitigation.total': 'error',
  'narrative.applicationsMismatch': 'error',
  'narrative.reviewLitigationMismatch': 'error',
  'narrative.sumMismatch': 'error',
  'narrative.conflictingFigures': 'error',
  'narrative.outcomeMismatch': 'error',
  'narrative.reviewOutcomeClaim': 'error',
  'narrative.yearMismatch': 'warning',
  'narrative.ungrounded': 'warning',
  'crossYear.carryOver': 'error',
  'crossYear.inForce': 'warning',
};

export const findingCellSchema = z.strictObject({
  path: z.string(),
  rowLabel: z.string(),
  columnLabel: z.string(),
  value: signedCellValueSchema,
  span: spanSchema.nullable(),
});

export const findingSchema = z.strictObject({
  id: findingIdSchema,
  severity: z.enum(['error', 'warning']),
  path: z.string(),
  message: z.string(),
  cells: z.array(findingCellSchema),
  /** For a broken sum: the printed total, the sum of the parts and their difference. */
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  difference: z.number().nullable(),
  /** One cell change that would satisfy every broken rule at once. */
  suggestion: z.strictObject({ path: z.string(), value: z.number(), message: z.string() }).nullable(),
  /** For table.ambiguousRow: the readings that satisfy the row rule (cell values in printed order). */
  candidates: z.array(z.array(signedCellValueSchema)).nullable(),
  spans: z.array(spanSchema),
});

export const cellSourceSchema = z.strictObject({
  raw: z.string(),
  span: spanSchema,
  rowLabel: z.string(),
  columnLabel: z.string(),
  /** How the cell was placed: as printed, or recovered from glued digits / dropped blanks. */
  placement: z.enum(['printed', 'recovered']),
});

export const sectionSchema = z.strictObject({
  key: z.enum(SECTION_KEYS),
  heading: z.string(),
  headingSpan: spanSchema,
  span: spanSchema,
});

/** A stated number after its quote was checked against the report. */
export const groundedNumberSchema = statedNumberSchema.extend({
  /** The quote occurs in the report (after width/whitespace normalisation) and contains the number. */
  grounded: z.boolean(),
  /** Where the quote is in the document; null when ungrounded. */
  span: spanSchema.nullable(),
});

/** A stated claim after its quote was checked against the report. */
export const groundedClaimSchema = statedClaimSchema.extend({
  /** The quote occurs in the report (after width/whitespace normalisation) and says what the claim says. */
  grounded: z.boolean(),
  span: spanSchema.nullable(),
});

export const groundedNarrativeSchema = createNarrativeSchema(groundedNumberSchema, groundedClaimSchema);

export const narrativeBlockSchema = z.strictObject({
  extractor: z.strictObject({
    provider: z.string(),
    model: z.string().nullable(),
    promptVersion: z.string().nullable(),
    promptHash: z.string().nullable(),
    schemaHash: z.string(),
  }),
  facts: groundedNarrativeSchema,
  usage: z.strictObject({
    inputTokens: z.number().int().nonnegative(),
    outputTokens: z.number().int().nonnegative(),
    attempts: z.number().int().nonnegative(),
    latencyMs: z.number().nonnegative(),
    cached: z.boolean(),
    /** USD the calls cost (when made, if served from the cache); null when the model has no price ("unpriced"). */
    costUsd: z.number().nonnegative().nullable(),
  }),
  input: z.strictObject({
    characters: z.number().int().nonnegative(),
    /** o200k_base tokens of what is sent (the narrative only); null when nothing is sent (rules). */
    tokens: z.number().int().nonnegative().nullable(),
    /** o200k_base tokens of the whole document, for comparison; null when nothing is sent. */
    wholeReportTokens: z.number().int().nonnegative().nullable(),
  }),
  /** Which reading of the stated 收到 matched table 3: new only, or new + carried over. */
  receivedReading: z.enum(['new', 'newAndCarriedOver']).nullable(),
});

/** One line about the document as a whole, for a person: why it is not read, or not fully. */
export const noticeSchema = z.strictObject({
  code: z.enum(['not-a-report', 'other-template', 'truncated', 'narrative-failed', 'damaged-text', 'implausible-year']),
  message: z.string(),
});

export const resultSchema = z.strictObject({
  source: z.strictObject({
    path: z.string(),
    sha256: z.string(),
    format: z.enum(['txt', 'md', 'html', 'pdf', 'docx']),
    encoding: z.string(),
    characters: z.number().int(),
    /** For PDFs: where each page's text starts and ends in the extracted text (spans → pages). */
    pages: z.array(z.strictObject({ number: z.number().int().positive(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })).nullable(),
  }),
  template: z.strictObject({
    format: reportFormatSchema,
    reason: z.string(),
  }),
  meta: metaSchema,
  sections: z.array(sectionSchema),
  tables: tablesSchema,
  cells: z.record(z.string(), cellSourceSchema),
  narrative: narrativeBlockSchema.nullable(),
  findings: z.array(findingSchema),
  notices: z.array(noticeSchema),
});

export const expectedFindingSchema = z.strictObject({
  id: findingIdSchema,
  path: z.string(),
});

/** A hand-labelled fixture's expected.json: the same schemas as the result for what they share. */
export const expectedSchema = z.strictObject({
  id: z.string().min(1),
  document: z.string().min(1),
  origin: z.string().min(1),
  constructed: z.boolean(),
  format: reportFormatSchema,
  meta: metaSchema,
  tables: z
    .union([
      z.strictObject({
        activeDisclosure: activeDisclosureSchema,
        applications: applicationsSchema,
        reviewLitigation: reviewLitigationSchema,
      }),
      z.strictObject({
        activeDisclosure: activeDisclosure2019Schema,
        applications: applications2019Schema,
        reviewLitigation: reviewLitigationSchema,
      }),
    ])
    .nullable(),
  /** The narrative facts as the report states them; null where not labelled. */
  narrative: narrativeSchema.nullable(),
  findings: z.array(expectedFindingSchema),
}).superRefine((expected, context) => {
  // The tables are labelled in the keys of the format the label names, never the other's.
  if (!expected.tables) return;
  const has2019Keys = 'procurement' in expected.tables.activeDisclosure;
  if (has2019Keys !== (expected.format === '2019')) {
    context.addIssue({ code: 'custom', path: ['tables'], message: `tables are not in the keys of the ${expected.format} template` });
  }
});

export type Span = z.infer<typeof spanSchema>;
export type CellValue = z.infer<typeof cellValueSchema>;
export type ActiveDisclosure = z.infer<typeof activeDisclosureSchema>;
export type ActiveDisclosure2019 = z.infer<typeof activeDisclosure2019Schema>;
export type Applications2019 = z.infer<typeof applications2019Schema>;
export type Applications = z.infer<typeof applicationsSchema>;
export type ReviewLitigation = z.infer<typeof reviewLitigationSchema>;
export type Tables = z.infer<typeof tablesSchema>;
export type Meta = z.infer<typeof metaSchema>;
export type ReportFormat = z.infer<typeof reportFormatSchema>;
export type FindingId = z.infer<typeof findingIdSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type FindingCell = z.infer<typeof findingCellSchema>;
export type CellSource = z.infer<typeof cellSourceSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Result = z.infer<typeof resultSchema>;
export type Notice = z.infer<typeof noticeSchema>;
export type GroundedNumber = z.infer<typeof groundedNumberSchema>;
export type GroundedClaim = z.infer<typeof groundedClaimSchema>;
export type GroundedNarrative = z.infer<typeof groundedNarrativeSchema>;
export type NarrativeBlock = z.infer<typeof narrativeBlockSchema>;
export type Expected = z.infer<typeof expectedSchema>;
