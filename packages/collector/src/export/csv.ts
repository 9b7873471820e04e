/**
 * One CSV cell (RFC 4180). Text starting with = + - @ or a control character gets a leading
 * apostrophe: answers are typed by end users, and a spreadsheet would run `=HYPERLINK(…)` as a
 * formula, also behind a leading tab or line break (a CR, or an LF as OWASP lists since 2025),
 * which it may drop. Text holding a semicolon or a tab is quoted too: Excel set to a locale whose
 * list separator is `;` (most of Europe), or reading tabs, splits an unquoted cell there, and
 * `ok;=HYPERLINK(…)` would start a cell of its own, a formula. Numbers and booleans are written
 * as they are.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  let text = typeof value === 'string' ? value : JSON.stringify(value)
  if (/^[=+\-@\p{Cc}]/u.test(text)) text = `'${text}`
  return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV line, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}
