/**
 * CSV as spreadsheets read it (RFC 4180, CRLF line ends). A cell that starts
 * with = + - @, a tab, a line break, or their full-width forms (＝＋－＠, which
 * some spreadsheets in East Asian locales treat as the same operators) could
 * run as a formula in Excel or LibreOffice; it is prefixed with an apostrophe,
 * since boards hold text typed by anyone with a link.
 */
export const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
