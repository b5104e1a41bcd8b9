// What an annotated copy says about itself, in its custom properties: the sheets and marks the tool added,
// so that checking the copy again skips them and writing a copy of the copy replaces them rather than
// piling up "周期汇总 (2)". A summary workbook (汇总.xlsx) says it is one, so a folder walk leaves it out.
import type * as Zod from 'zod';

export const COPY_PROPERTY = 'CPD.copy';
export const SUMMARY_PROPERTY = 'CPD.summary';

const copyRecordSchema = (z: typeof Zod) =>
  z.object({
    v: z.literal(1),
    /** names of the sheets the tool added (results and hidden mark sheets) */
    sheets: z.array(z.string()),
    /** roster sheets that carry the tool's conditional formats */
    marked: z.array(z.string()),
    /** indices of the dxf styles the tool appended: [error, warning] */
    dxf: z.array(z.number().int().nonnegative()),
  });
export type CopyRecord = Zod.infer<ReturnType<typeof copyRecordSchema>>;

let schema: ReturnType<typeof copyRecordSchema> | undefined;

/**
 * The schema, made when a workbook first carries the property: zod's ~90 modules took 35–40 ms of every
 * `check`'s start (a third of a small CSV's), and only a copy the tool wrote has anything for it to read.
 */
function copyRecordSchemaOnce(): ReturnType<typeof copyRecordSchema> {
  // a require on first use is what makes the load lazy (as in sheetjs.ts); an import would load it with this module
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (schema ??= copyRecordSchema(require('zod') as typeof Zod));
}

/** The record of an earlier copy, or null (absent, or not ours to trust). */
export function copyRecord(props: Record<string, string>): CopyRecord | null {
  const raw = props[COPY_PROPERTY];
  if (raw === undefined) return null;
  try {
    const parsed = copyRecordSchemaOnce().safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
