// Excel error values arriving as arguments. functions.json sets
// allowErrorForDataTypeAny, so a range holding one #N/A cell still reaches the
// function instead of Excel answering #N/A with no word of where it came from: the
// function names the cell (row and column of the range, the field when the header or
// the header-less order tells it) and the error. A scalar argument that is an error
// is reported the same way.
import { detectHeader, FIELD_LABELS, HEADERLESS_ORDER, Field } from '../core/fields';
import { t, Text } from '../core/text';
import type { ErrorCode } from './logic';

/**
 * The error code ("#N/A", "#DIV/0!" …) if `v` is an error value as Excel passes it:
 * a CustomFunctions.Error ({ code }), or an error cell value ({ type: "Error",
 * basicValue }). Text that merely looks like an error is text, left to the engine.
 */
export function errorCode(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as { code?: unknown; type?: unknown; basicValue?: unknown; errorType?: unknown };
  if (typeof o.code === 'string' && o.code.startsWith('#')) return o.code;
  if (o.type === 'Error' || o.type === 'error') {
    if (typeof o.basicValue === 'string') return o.basicValue;
    return typeof o.errorType === 'string' ? `#${o.errorType}` : '#VALUE!';
  }
  return undefined;
}

/** The code the function answers with: #N/A stays #N/A (IFNA still works); any other error is #VALUE!. */
function answer(code: string): ErrorCode {
  return code.toUpperCase() === '#N/A' ? '#N/A' : '#VALUE!';
}

export interface ErrorCell {
  code: ErrorCode;
  text: Text;
}

/** The first error among scalar arguments, named by the argument it came in. */
export function scalarError(args: ReadonlyArray<readonly [Text, unknown]>): ErrorCell | undefined {
  for (const [name, raw] of args) {
    const v = Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1 ? raw[0][0] : raw;
    const code = errorCode(v);
    if (code) {
      return {
        code: answer(code),
        text: t(`参数「${name.zh}」是错误值 ${code}`, `the argument "${name.en}" is the error ${code}`),
      };
    }
  }
  return undefined;
}

/**
 * The first error cell of a range, reading row by row. The field of its column is
 * named from the range's header row when there is one, else from the header-less
 * order (year, level, mode, hours, grade, category).
 */
export function rangeError(range: unknown): ErrorCell | undefined {
  if (!Array.isArray(range)) return undefined;
  const rows = range as unknown[][];
  if (rows.length === 1 && Array.isArray(rows[0]) && rows[0].length === 1) {
    const code = errorCode(rows[0][0]);
    // a single error for the whole range: typically FILTER that matched nothing (#CALC!)
    if (code)
      return { code: answer(code), text: t(`区域参数是错误值 ${code}`, `the range argument is the error ${code}`) };
  }
  let count = 0;
  let first: { r: number; c: number; code: string } | undefined;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const code = errorCode(row[c]);
      if (!code) continue;
      count++;
      first ??= { r, c, code };
    }
  }
  if (!first) return undefined;
  // the header row is read without its error cells, so that it is still recognised
  const header = detectHeader(
    rows.slice(0, 1).map((row) => row.map((v) => (errorCode(v) ? '' : v))),
    1,
  );
  let field: Field | undefined;
  if (header) {
    field = (Object.entries(header.columns) as Array<[Field, number]>).find(([, c]) => c === first!.c)?.[0];
  } else {
    field = HEADERLESS_ORDER[first.c];
  }
  const isHeader = header !== null && first.r === 0;
  const label = field && !isHeader ? FIELD_LABELS[field] : undefined;
  const more = count > 1 ? t(`（区域中共有 ${count} 个错误值）`, ` (${count} error values in the range)`) : t('', '');
  const zhField = label ? `（${label.zh}）` : isHeader ? '（表头）' : '';
  const enField = label ? ` (${label.en})` : isHeader ? ' (the header)' : '';
  return {
    code: answer(first.code),
    text: t(
      `区域第 ${first.r + 1} 行第 ${first.c + 1} 列${zhField}是错误值 ${first.code}${more.zh}；请先修正该单元格`,
      `row ${first.r + 1}, column ${first.c + 1} of the range${enField} holds the error ${first.code}${more.en}; fix that cell first`,
    ),
  };
}
