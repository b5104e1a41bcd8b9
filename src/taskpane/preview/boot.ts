// The standalone preview: outside Office, the pane runs against an in-memory Excel
// holding the bundled sample rosters. A separate chunk, loaded only outside Office
// (or by a browser test's stand-in Excel), never by the add-in inside Excel.
import { createExcel, MemoryWorkbook } from './memory-excel';
import { sampleWorkbook } from './sample';

export { createExcel, sampleWorkbook };

/** What the page exposes as globalThis.CPD_preview. */
export interface PreviewHandle {
  workbook: MemoryWorkbook | null;
  load(): Promise<LoadedPreview>;
}

export interface LoadedPreview extends PreviewHandle {
  createExcel: typeof createExcel;
  sampleWorkbook: typeof sampleWorkbook;
  installPreview: typeof installPreview;
}

/** The real adapter over an in-memory Excel holding the sample rosters, as the global Excel. */
export function installPreview(handle: PreviewHandle): void {
  handle.workbook = sampleWorkbook();
  (globalThis as unknown as { Excel: unknown }).Excel = createExcel(handle.workbook);
}
