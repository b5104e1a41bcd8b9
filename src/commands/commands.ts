// Ribbon commands, registered in the shared runtime. "校验本表 / Validate sheet"
// validates the active sheet without the pane being open, then shows the pane on
// the summary.
/* global Office */
import { validateFromRibbon } from '../taskpane/controller';

export function registerCommands(): void {
  Office.actions.associate('validateSheet', async (event: Office.AddinCommands.Event) => {
    try {
      await validateFromRibbon();
      await Office.addin.showAsTaskpane();
    } finally {
      event.completed();
    }
  });
}
