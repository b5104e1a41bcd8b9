// The shared runtime's page: registers the custom functions and the ribbon
// commands, loads the workbook's settings, and renders the task pane. Opened in an
// ordinary browser (no Office host), it runs the same pane against an in-memory
// sample workbook: the standalone preview.
/* global Office */
import { createRoot } from 'react-dom/client';
import '../functions/functions';
import { registerCommands } from '../commands/commands';
import { getLang, setLangFromLocale, setSettings, onSettings } from '../functions/state';
import { clearCache } from '../functions/logic';
import { setPort } from './controller';
import { ExcelWorkbook } from './excel/workbook';
import { createExcel, MemoryWorkbook } from './preview/memory-excel';
import { sampleWorkbook } from './preview/sample';
import { App } from './App';

// The preview's workbook, reachable for browser tests (it holds only the bundled samples).
const preview: { createExcel: typeof createExcel; sampleWorkbook: typeof sampleWorkbook; workbook: MemoryWorkbook | null } = { createExcel, sampleWorkbook, workbook: null };
(globalThis as unknown as { CPD_preview: typeof preview }).CPD_preview = preview;

const hasOffice = typeof Office !== 'undefined';

async function start(info: { host: Office.HostType | null }): Promise<void> {
  setLangFromLocale((hasOffice && Office.context?.displayLanguage) || navigator.language);
  onSettings(() => clearCache());
  const inExcel = hasOffice && info.host === Office.HostType.Excel;
  if (inExcel) {
    registerCommands();
  } else {
    // Outside Office: the real adapter over an in-memory Excel holding the sample rosters.
    preview.workbook = sampleWorkbook();
    (globalThis as unknown as { Excel: unknown }).Excel = createExcel(preview.workbook);
  }
  const port = new ExcelWorkbook(inExcel ? 'excel' : 'preview');
  setPort(port);
  try {
    setSettings(await port.readSettings());
  } catch {
    // an Excel without custom document properties: functions then need a region argument
  }
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<App preview={!inExcel} initialLang={getLang()} />);
}

if (hasOffice) {
  Office.onReady((info) => void start(info));
} else {
  void start({ host: null });
}
