// An in-memory stand-in for the part of the Excel JavaScript API the add-in uses,
// faithful to its request model: proxies queue work, context.sync runs it in one
// batch, a property is readable only once loaded and synced, `isNullObject` only
// after a sync, and Excel's own rules apply (cell input, dimension checks, sheet
// names, conditional formats, charts, tables, data validation, the 5 MB request cap
// of Excel on the web). Every sync is recorded with its payload. The standalone
// preview installs it as the global `Excel`, so the preview runs the real adapter;
// the adapter tests and the browser tests use it as their Excel.
export {
  largestPayload,
  memoryWorkbook,
  newSheet,
  ExcelApiError,
  type Batch,
  type Box,
  type Cf,
  type Fmt,
  type MemoryChart,
  type MemoryOptions,
  type MemorySheet,
  type MemoryTable,
  type MemoryValidation,
  type MemoryWorkbook,
  type Value,
  type Write,
} from './model';
export { createExcel, RequestContext } from './workbook';
