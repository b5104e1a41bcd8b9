// The benchmark's large rosters, shared by its parts (the command line, the web page).
import { generate } from '../samples/generate';
import { sampleXlsx } from '../samples/write';
import type { RegionId } from '../rules';

/** A roster of `count` generated records (no deliberate mistakes) as an .xlsx with its CPD.region. */
export async function bigXlsx(region: RegionId, count: number, seed = 7): Promise<Uint8Array> {
  let teachers = Math.ceil(count / 15);
  let s = generate(region, { teachers, mistakes: false, seed });
  while (s.rows.length - 2 < count) {
    teachers = Math.ceil(teachers * 1.2 * (count / (s.rows.length - 2)));
    s = generate(region, { teachers, mistakes: false, seed });
  }
  const rows = s.rows.slice(0, count + 2);
  return new Uint8Array(await sampleXlsx({ ...s, rows, properties: { 'CPD.region': region } }));
}
