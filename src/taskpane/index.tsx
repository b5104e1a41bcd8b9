// The shared runtime's page: registers the custom functions and the ribbon
// commands, loads the workbook's settings, and renders the task pane.
/* global Office */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import '../functions/functions';
import { registerCommands } from '../commands/commands';
import { setLangFromLocale, setSettings, onSettings } from '../functions/state';
import { clearCache } from '../functions/logic';
import { readWorkbookSettings } from './excel/settings';

function App(): React.ReactElement {
  return <div style={{ padding: 16 }}>教师培训学分助手</div>;
}

Office.onReady(async (info) => {
  setLangFromLocale(Office.context?.displayLanguage);
  onSettings(() => clearCache());
  if (info.host === Office.HostType.Excel) {
    registerCommands();
    try {
      setSettings(await readWorkbookSettings());
    } catch {
      // an older Excel without custom properties: functions then need a region argument
    }
  }
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<App />);
});
