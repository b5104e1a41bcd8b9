// The report's zod schema: the contract of `cpd-credits check --json` (roster.md), which the tests validate real
// output against. A module of its own so that what renders the report (report.ts, in the custom functions' small
// entry too) loads no schema library: the type is all it needs from here.
import { z } from 'zod';
import { STATUSES } from '../core/types';
import { ISSUE_CODES, type IssueCode } from '../core/issues';
const IssueSchema = z.strictObject({
  /** a code of the issue catalogue (issues.ts): title, meaning and fix in both languages */
  code: z.enum(ISSUE_CODES as [IssueCode, ...IssueCode[]]),
  severity: z.enum(['error', 'warning', 'info']),
  field: z.string(),
  message: z.string().min(1),
  value: z.string().optional(),
  article: z.string().optional(),
  /** the parameter an override would set (RULE_UNDEFINED) */
  param: z.string().optional(),
  /** the accepted value the cell clearly means (省集 → 省级) */
  suggestion: z.string().optional(),
});

const ShortfallSchema = z.strictObject({
  condition: z.string(),
  label: z.string(),
  unit: z.enum(['hours', 'credits']),
  required: z.number(),
  actual: z.number(),
  missing: z.number().positive(),
  advisory: z.boolean(),
  article: z.string(),
});

const StatusSchema = z.enum(STATUSES);

const UndecidedSchema = z.strictObject({
  count: z.number().int().positive(),
  param: z.string().optional(),
  label: z.string(),
});

/** roster.md: `pass` is true for `pass`, false for `fail` only, null for every other state. */
const period = {
  hours: z.number(),
  credits: z.number(),
  status: StatusSchema,
  pass: z.boolean().nullable(),
  /** the state in plain words: 合格 / 不合格：… / 进行中：截至 … 还差 … / 待定：… / 不考核：… */
  verdict: z.string().min(1),
  reasons: z.array(z.string()),
  /**
   * how the figures and the verdict came about, step by step as a record's explanation: raw totals → caps →
   * totals → offsets → exemptions → conditions, each with its article and the readings it relied on
   */
  explanation: z.string(),
  shortfall: z.array(ShortfallSchema),
  undecided: z.array(UndecidedSchema),
};
const passOf = (status: z.infer<typeof StatusSchema>, pass: boolean | null) =>
  status === 'pass' ? pass === true : status === 'fail' ? pass === false : pass === null;

const YearSchema = z
  .strictObject({ year: z.number().int(), ...period })
  .refine((y) => passOf(y.status, y.pass), { message: 'pass must follow status' });

const CycleSchema = z
  .strictObject({ start: z.number().int(), end: z.number().int(), ...period })
  .refine((c) => passOf(c.status, c.pass), { message: 'pass must follow status' });

export const ReportSchema = z.strictObject({
  region: z.string().min(1),
  /** what the region counts: credits, or hours only (zhengzhou) */
  unit: z.enum(['credits', 'hours']),
  source: z.string(),
  lang: z.enum(['zh', 'en']),
  /** the date the verdicts hold on */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  cycle: z.strictObject({
    source: z.enum(['argument', 'region', 'workbook', 'roster', 'perTeacher']),
    start: z.number().int().optional(),
    note: z.string(),
  }),
  overrides: z.record(z.string(), z.number()),
  readings: z.array(z.strictObject({ id: z.string(), summary: z.string() })),
  records: z.array(
    z.strictObject({
      row: z.number().int().positive(),
      /** the sheet the record is on (workbooks) */
      sheet: z.string().optional(),
      /** the file the record is in, when several files are checked as one roster */
      file: z.string().optional(),
      teacherId: z.string().nullable(),
      name: z.string().nullable(),
      year: z.number().int().nullable(),
      hours: z.number().nonnegative().nullable(),
      credits: z.number().nonnegative().nullable(),
      counted: z.boolean(),
      explanation: z.string(),
      issues: z.array(IssueSchema),
    }),
  ),
  teachers: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string().nullable(),
      school: z.string().nullable(),
      /** sheet rows of the teacher's records */
      rows: z.array(z.number().int().positive()),
      /** why the ID column could not identify this teacher (grouped by name + school instead) */
      idProblem: z.string().optional(),
      years: z.array(YearSchema),
      cycle: CycleSchema,
      issues: z.array(IssueSchema),
    }),
  ),
  /** findings about the roster as a whole (e.g. it looks like another region's) */
  issues: z.array(IssueSchema),
  /** several files checked as one roster: what each contributed */
  files: z
    .array(
      z.strictObject({
        path: z.string(),
        sheets: z.array(z.string()),
        records: z.number().int().nonnegative(),
        errors: z.number().int().nonnegative(),
      }),
    )
    .optional(),
  /** every sheet (and file) looked at: read, or skipped and why (hidden, no roster header …) */
  sources: z
    .array(
      z.strictObject({
        file: z.string().optional(),
        /** absent for a CSV, which has no sheets */
        sheet: z.string().optional(),
        read: z.boolean(),
        code: z.enum([
          'read',
          'hidden',
          'veryHidden',
          'chart',
          'empty',
          'noHeader',
          'missingColumns',
          'notNamed',
          'toolSheet',
          'unreadable',
        ]),
        reason: z.string().optional(),
        /** sheet row of the header, for sheets read */
        headerRow: z.number().int().positive().optional(),
      }),
    )
    .optional(),
  /** the annotated copies written by --out, and what kind each is */
  outputs: z
    .array(
      z.strictObject({
        input: z.string().optional(),
        path: z.string(),
        /** `annotated`: the original package plus the results; `rebuilt`: a new .xlsx with the values (.xls, .ods, .csv …) */
        kind: z.enum(['annotated', 'rebuilt', 'csv', 'summary']),
        note: z.string().optional(),
      }),
    )
    .optional(),
  schools: z.array(
    z.strictObject({
      school: z.string(),
      year: z.number().int(),
      assessed: z.number().int(),
      failed: z.number().int(),
      flagged: z.boolean(),
      article: z.string(),
    }),
  ),
  summary: z.strictObject({
    records: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    teachers: z.number().int().nonnegative(),
    cyclePass: z.number().int().nonnegative(),
    cycleFail: z.number().int().nonnegative(),
    cycleInProgress: z.number().int().nonnegative(),
    cyclePending: z.number().int().nonnegative(),
    cycleNotAssessed: z.number().int().nonnegative(),
    yearsFailed: z.number().int().nonnegative(),
    yearsInProgress: z.number().int().nonnegative(),
    yearsPending: z.number().int().nonnegative(),
    schoolsFlagged: z.number().int().nonnegative(),
  }),
});
export type Report = z.infer<typeof ReportSchema>;
