// Ribbon commands, registered in the shared runtime. "校验本表 / Validate sheet"
// validates the active sheet without the pane being open, then shows the pane on
// the summary. The validation code is a chunk of its own, loaded on the first click:
// the runtime entry stays small so the custom functions register at once.
/* global Office */

export function registerCommands(): void {
  Office.actions.associate('validateSheet', async (event: Office.AddinCommands.Event) => {
    try {
      const [{ getPort, setPort, validateFromRibbon }, { ExcelWorkbook }] = await Promise.all([
        import(/* webpackChunkName: "validate" */ '../taskpane/controller'),
        import(/* webpackChunkName: "validate" */ '../taskpane/excel/workbook'),
      ]);
      if (!getPort()) setPort(new ExcelWorkbook('excel'));
      await validateFromRibbon();
      await Office.addin.showAsTaskpane();
      // the runtime entry loads the pane now if it has not yet (src/addin/entry.ts, PANE_SHOWN)
      window.dispatchEvent(new Event('cpd-pane-shown'));
    } finally {
      event.completed();
    }
  });
}
