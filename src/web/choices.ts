// The settings form of the web page against the workbooks' own settings: the form starts as the files say
// (CPD.region, CPD.cycleStart …); what the user leaves as it was stays the workbook's setting, what they
// change is given for this run — as the CLI's --region, --cycle-start, --as-of and --set are — so that an
// untouched form gives exactly the report `cpd-credits check` gives for the same files.
import type { WorkbookSettings } from '../present/settings';
import type { RegionId } from '../rules';
import type { BookChoices } from '../files/check';

const key = (o: Record<string, number> | undefined) =>
  JSON.stringify(Object.entries(o ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)));

/** What to check under: the form's region; the workbooks' settings; whatever the form changed, for this run. */
export function runChoices(form: WorkbookSettings & { region: RegionId }, files: WorkbookSettings): BookChoices {
  const settings: WorkbookSettings = { ...files };
  const c: BookChoices = { region: form.region, settings };
  if (form.cycleStart !== files.cycleStart) {
    // a blank cycle means "the region's, or from the records": the workbook's is then not used either
    delete settings.cycleStart;
    if (form.cycleStart !== undefined) c.cycleStart = form.cycleStart;
  }
  if (form.asOf !== files.asOf) {
    delete settings.asOf;
    if (form.asOf !== undefined) c.asOf = form.asOf;
  }
  if (key(form.overrides) !== key(files.overrides)) {
    delete settings.overrides;
    c.overrides = { ...(form.overrides ?? {}) };
  }
  return c;
}

/** The form after new files are read: theirs where they say, else what the form held (a region chosen for a CSV). */
export function formAfterRead(form: WorkbookSettings, files: WorkbookSettings, conflict: boolean): WorkbookSettings {
  const next: WorkbookSettings = { ...files };
  const region = files.region ?? (conflict ? undefined : form.region);
  if (region) next.region = region;
  else delete next.region;
  return next;
}
