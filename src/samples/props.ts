// Custom properties read from or set in a whole OOXML package: the sample generator's and the tests' helpers
// (JSZip is a development dependency: the product writes its zips with files/zipwrite.ts).
import JSZip from 'jszip';
import { CUSTOM_PART, declareCustomPart, parseCustomXml, patchCustomXml } from '../files/props';

/** Fixed entry dates (the copies' are zipwrite.ts's, the same day): the same content always gives the same bytes. */
const ZIP_DATE = new Date(Date.UTC(2026, 0, 1));

/** A copy of an OOXML package with these custom properties set (the sample generator's helper). */
export async function writeCustomProperties(data: Uint8Array, props: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const custom = zip.file(CUSTOM_PART);
  zip.file(CUSTOM_PART, patchCustomXml(custom ? await custom.async('string') : undefined, props), {
    date: ZIP_DATE,
    createFolders: false,
  });
  const { types, rels } = declareCustomPart(
    await zip.file('[Content_Types].xml')!.async('string'),
    await zip.file('_rels/.rels')!.async('string'),
  );
  zip.file('[Content_Types].xml', types, { date: ZIP_DATE, createFolders: false });
  zip.file('_rels/.rels', rels, { date: ZIP_DATE, createFolders: false });
  zip.forEach((_, entry) => {
    entry.date = ZIP_DATE;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The custom properties of an OOXML package (tests and tools; the reader returns them with the workbook). */
export async function readCustomProperties(data: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const f = zip.file(CUSTOM_PART);
  return f ? parseCustomXml(await f.async('string')) : {};
}
