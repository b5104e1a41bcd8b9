// The formats the reader tells apart, and how the user knows each: apart from the reader (read.ts), so
// that a page can name a file's format without loading the spreadsheet library.
export type Format = 'xlsx' | 'xlsm' | 'xlsb' | 'xls' | 'ods' | 'csv' | 'html' | 'xml';

const FORMAT_WORDS: Record<Format, string> = {
  xlsx: '.xlsx',
  xlsm: '.xlsm',
  xlsb: '.xlsb',
  xls: '.xls / .et',
  ods: '.ods',
  csv: '.csv',
  html: 'HTML',
  xml: 'XML 2003',
};

export const formatWord = (f: Format): string => FORMAT_WORDS[f];
