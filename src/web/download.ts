// A file the page made, saved through the browser's own download: a Blob, an object URL and <a download>.
// Nothing is sent anywhere; the URL is given back once the browser has taken the file.
export function saveFile(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSM_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.12';
export const JSON_TYPE = 'application/json';

/** The name without its extension: 花名册.xls → 花名册. */
export const baseName = (name: string): string => name.replace(/\.[^.\\/]*$/, '') || name;
