import type { Locale } from '@scs/shared/catalogue';
import type { DisclosedTable } from './tables';

// CSV as researchers' tools read it: RFC 4180, comma-separated, "." as decimal point, UTF-8, CRLF line ends.

export const CSV_DELIMITER = ',';

/** One field: quoted when it holds a delimiter, quote or line break; a leading = + @ is neutralised (formula injection). */
export function csvField(value: string): string {
  const safe = /^[=+@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(CSV_DELIMITER)}\r\n`;
}

/** A disclosed table as CSV: suppression marks as displayed ("." suppressed, "<3", "–" none). */
export function tableCsv(table: DisclosedTable, locale: Locale = 'en'): string {
  const header = ['row', locale === 'de' ? 'Zeile' : 'label', 'n', ...table.columns.map((c) => c.label[locale])];
  const lines = [csvLine(header)];
  for (const r of table.rows)
    lines.push(csvLine([r.key, r.label[locale], r.n.display, ...r.cells.map((c) => c.display)]));
  return lines.join('');
}
