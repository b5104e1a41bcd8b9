// The workbook's CPD.* custom document properties, read and written through Excel.
// Part of the only code that calls Excel.run (src/taskpane/excel/).
/* global Excel */
import { parseSettings, settingsToProps, SETTING_KEYS, WorkbookSettings } from '../../present/settings';

export async function readWorkbookSettings(): Promise<WorkbookSettings> {
  return Excel.run(async (context) => {
    const props = context.workbook.properties.custom;
    props.load('items/key,items/value');
    await context.sync();
    const raw: Record<string, unknown> = Object.create(null);
    for (const p of props.items) raw[p.key] = p.value;
    return parseSettings(raw).settings;
  });
}

/**
 * Store the settings in the workbook (so they travel with the file). The CPD formulas
 * are recalculated by the runtime once the shared state holds the new settings
 * (recalc.ts): recalculating here, before the state changed, would let them race it.
 */
export async function writeWorkbookSettings(s: WorkbookSettings): Promise<void> {
  await Excel.run(async (context) => {
    const props = context.workbook.properties.custom;
    props.load('items/key');
    await context.sync();
    const existing = new Set(props.items.map((p) => p.key));
    const values = settingsToProps(s);
    for (const key of Object.values(SETTING_KEYS)) {
      if (values[key] !== undefined) props.add(key, values[key]);
      else if (existing.has(key)) props.getItem(key).delete();
    }
    await context.sync();
  });
}
