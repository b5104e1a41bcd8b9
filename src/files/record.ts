// What an annotated copy says about itself, in its custom properties: the sheets and marks the tool added,
// so that checking the copy again skips them and writing a copy of the copy replaces them rather than
// piling up "周期汇总 (2)". A summary workbook (汇总.xlsx) says it is one, so a folder walk leaves it out.
import { z } from 'zod';

export const COPY_PROPERTY = 'CPD.copy';
export const SUMMARY_PROPERTY = 'CPD.summary';

const CopyRecordSchema = z.object({
  v: z.literal(1),
  /** names of the sheets the tool added (results and hidden mark sheets) */
  sheets: z.array(z.string()),
  /** roster sheets that carry the tool's conditional formats */
  marked: z.array(z.string()),
  /** indices of the dxf styles the tool appended: [error, warning] */
  dxf: z.array(z.number().int().nonnegative()),
});
export type CopyRecord = z.infer<typeof CopyRecordSchema>;

/** The record of an earlier copy, or null (absent, or not ours to trust). */
export function copyRecord(props: Record<string, string>): CopyRecord | null {
  const raw = props[COPY_PROPERTY];
  if (raw === undefined) return null;
  try {
    const parsed = CopyRecordSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
