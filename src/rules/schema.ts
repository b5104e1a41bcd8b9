// The shape every region's tables must have, as zod schemas: the test suite parses each region's parameters
// and readings with them (test/rules/schema.test.ts). They are not loaded at run time (params.ts says why).
import * as z from 'zod/mini';
import { UNITS, PARAM_DEFAULTS, type ParamDef, type Reading } from './params';
import type { Cite } from '../core/types';

const text = () => z.string().check(z.minLength(1));

export const CiteSchema: z.ZodMiniType<Cite> = z.strictObject({
  doc: text(),
  article: text(),
  quote: z.optional(z.string()),
});

// zod 4's numbers are finite: Infinity and NaN are refused without asking
export const ParamSchema: z.ZodMiniType<ParamDef> = z
  .strictObject({
    value: z.nullable(z.number().check(z.nonnegative())),
    unit: z.enum(UNITS),
    label: z.strictObject({ zh: text(), en: text() }),
    cite: CiteSchema,
    overridable: z._default(z.boolean(), PARAM_DEFAULTS.overridable),
    min: z._default(z.number().check(z.nonnegative()), PARAM_DEFAULTS.min),
    max: z._default(z.number().check(z.positive()), PARAM_DEFAULTS.max),
    reading: z.optional(z.string().check(z.regex(/^R-[A-Z]{2}\d+$/))),
  })
  .check(
    z.refine((p) => p.value !== null || p.overridable, {
      message: 'an UNDEFINED parameter must be overridable, or it could never be used',
    }),
    z.refine((p) => p.min <= p.max, { message: 'min must not exceed max' }),
  );

export const ParamTableSchema = z.record(z.string().check(z.regex(/^[a-zA-Z][\w.]*$/)), ParamSchema);

export const ReadingSchema: z.ZodMiniType<Reading> = z.strictObject({
  id: z.string().check(z.regex(/^R-[A-Z]{2}\d+$/)),
  article: text(),
  question: text(),
  chosen: text(),
  alternatives: z.array(z.string()).check(z.minLength(1)),
  summary: z.strictObject({ zh: text(), en: text() }),
});
