// The task pane (React + Fluent UI): a chunk of its own, loaded by the runtime entry
// (src/addin/entry.ts) only when the pane is on screen.
import { createRoot } from 'react-dom/client';
import { getLang } from '../runtime/state';
import { getPort, setPort } from './controller';
import { ExcelWorkbook } from './excel/workbook';
import { App } from './App';

export function mountPane(preview: boolean): void {
  // the ribbon command may have made the port already (it validates without the pane)
  if (!getPort()) setPort(new ExcelWorkbook(preview ? 'preview' : 'excel'));
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<App preview={preview} initialLang={getLang()} />);
}
