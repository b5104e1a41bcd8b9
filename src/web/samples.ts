// The bundled sample rosters (assets/samples, "试用样例"), inside the page's own files: a page that may
// fetch nothing (connect-src 'none') still has them, from a web server and from file:// alike. A chunk of
// its own, loaded on the first click; webpack inlines each file as a data: URL.
import { parseRegion, REGIONS, type RegionId } from '../rules';

export interface Sample {
  region: RegionId;
  format: 'xlsx' | 'csv';
  name: string;
  url: string;
}

const context = require.context('../../assets/samples', false, /\.(xlsx|csv)$/);

export const SAMPLES: readonly Sample[] = context
  .keys()
  .map((key) => {
    const name = key.replace(/^.*\//, '');
    const [base, ext] = name.split('.') as [string, 'xlsx' | 'csv'];
    const mod = context(key) as string | { default: string };
    return { region: parseRegion(base)!, format: ext, name, url: typeof mod === 'string' ? mod : mod.default };
  })
  .filter((s) => s.region !== undefined)
  .sort((a, b) => REGIONS.indexOf(a.region) - REGIONS.indexOf(b.region) || (a.format === 'xlsx' ? -1 : 1));

/** A data: URL's bytes, without fetching it (the page's policy forbids every connection). */
function bytesOf(url: string): Uint8Array {
  const bin = atob(url.slice(url.indexOf(',') + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A sample as a file the user might have chosen (hainan.xlsx …). */
export function sampleFile(s: Sample): File {
  const type = s.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return new File([bytesOf(s.url) as BlobPart], s.name, { type, lastModified: 0 });
}
