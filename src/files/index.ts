// The file layer shared by every shell: bytes in → tables out (read, select), report + original bytes →
// annotated bytes (write). No Node APIs inside: the CLI, the task pane and a web page do their own I/O.
export { FileProblem } from './problem';
export { readWorkbook, sniff, decodeText, formatWord, serialDate, mergeIndex } from './read';
export type { Format, ReadOptions, SheetData, WorkbookData, Visibility, Merge } from './read';
export { selectTables, noRoster, sourceWhere } from './select';
export type { Selection, Source, SourceCode, SelectOptions } from './select';
export {
  annotatedCopy,
  annotatedCopyTo,
  rebuild,
  tablesWorkbook,
  toCsv,
  copySheetName,
  csvSheetName,
  keepsPackage,
} from './write';
export type { Copy, CopyKind, CopyMade } from './write';
export { annotatePackage, annotateParts, PackageUnsupported, ZipSource } from './ooxml';
export type { CopyPlan, CopyOutcome, CopyInfo, PartsSource } from './ooxml';
export { COPY_PROPERTY, SUMMARY_PROPERTY, copyRecord } from './record';
export { parseCustomXml, patchCustomXml } from './props';
export { zipEntries, isZip, dataStart } from './zip';
export type { ZipEntry } from './zip';
export { BUDGETS, CELL_TEXT_MAX, budgets, count, bytes } from './budgets';
export type { Budgets } from './budgets';
export { checkBooks, checkBooksResult, mergeSettings, sourceOut } from './check';
export type { BookChoices, CheckedBooks, CheckedRoster, LabelledBook, MergedSettings } from './check';
export { csvCopy, issueLocator, marksByBook, noteText, summaryBook, workbookCopy, workbookCopyTo } from './copies';
export type { CopyInput } from './copies';
