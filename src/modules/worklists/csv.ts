/**
 * Writing CSV per RFC 4180 (comma, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break, quotes doubled), safe to open in a spreadsheet: a cell that starts with = + - @,
 * a tab or a carriage return is prefixed with an apostrophe so it is never run as a formula
 * (OWASP "CSV injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
