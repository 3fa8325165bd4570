import { bilingual as t } from '@scs/shared/catalogue';
import type { Locale, Text } from '@scs/shared/catalogue';
import type { DisclosedTable, MeanSpread, TableCell } from './tables';

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

/** What a column of a table CSV holds (the codebook of the table describes each). */
export type TableCsvColumnKind = 'row' | 'label' | 'n' | 'value' | 'spreadN' | 'sd' | 'ciLow' | 'ciHigh';

export interface TableCsvColumn {
  /** Machine name (the table's codebook and scripts use it): `row`, `label`, `n`, `c_<column>`, `c_<column>_sd` … */
  name: string;
  kind: TableCsvColumnKind;
  /** Header text in the CSV (the language asked for) and the label in the codebook (both languages). */
  label: Text;
  /** The table column a value or spread column belongs to. */
  column?: number;
}

const SPREAD_PARTS: readonly { kind: TableCsvColumnKind; suffix: string; label: Text }[] = [
  { kind: 'spreadN', suffix: 'n', label: t('n', 'n') },
  { kind: 'sd', suffix: 'sd', label: t('SD', 'SD') },
  { kind: 'ciLow', suffix: 'ci_low', label: t('95% CI lower bound', '95-%-KI untere Grenze') },
  { kind: 'ciHigh', suffix: 'ci_high', label: t('95% CI upper bound', '95-%-KI obere Grenze') },
];

const machine = (key: string) => key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'x';

/**
 * The columns of a table's CSV: row key, row label, n, the published figure of every table column, then for each
 * column with means that carry a spread four columns n, SD and the 95 % CI bounds (numbers, or empty where the mean
 * has no spread: suppressed, empty, or its SD withheld).
 */
export function tableCsvColumns(table: DisclosedTable): TableCsvColumn[] {
  const out: TableCsvColumn[] = [
    { name: 'row', kind: 'row', label: t('row', 'row') },
    { name: 'label', kind: 'label', label: t('label', 'Zeile') },
    { name: 'n', kind: 'n', label: t('n', 'n') },
  ];
  const used = new Set<string>();
  const names = table.columns.map((c, i) => {
    let name = `c_${machine(c.key)}`.slice(0, 24);
    if (used.has(name)) name = `c${i + 1}_${machine(c.key)}`.slice(0, 24);
    used.add(name);
    out.push({ name, kind: 'value', label: c.label, column: i });
    return name;
  });
  // The spread columns follow all figures, so the columns a reader knows keep their places.
  table.columns.forEach((c, i) => {
    if (!table.rows.some((r) => r.cells[i]?.spread)) return;
    for (const p of SPREAD_PARTS)
      out.push({
        name: `${names[i]}_${p.suffix}`,
        kind: p.kind,
        label: { en: `${c.label.en} ${p.label.en}`, de: `${c.label.de} ${p.label.de}` },
        column: i,
      });
  });
  return out;
}

const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

function spreadField(spread: MeanSpread | undefined, kind: TableCsvColumnKind): string {
  if (!spread) return '';
  if (kind === 'spreadN') return num(spread.n);
  if (kind === 'sd') return num(spread.sd);
  return num(kind === 'ciLow' ? spread.ciLow : spread.ciHigh);
}

/** A disclosed table as CSV: suppression marks as displayed ("." suppressed, "<3", "–" none), spreads as numbers. */
export function tableCsv(table: DisclosedTable, locale: Locale = 'en'): string {
  const columns = tableCsvColumns(table);
  const lines = [csvLine(columns.map((c) => c.label[locale]))];
  for (const r of table.rows) {
    const cell = (c: TableCsvColumn): TableCell | undefined => r.cells[c.column ?? -1];
    lines.push(
      csvLine(
        columns.map((c) => {
          switch (c.kind) {
            case 'row':
              return r.key;
            case 'label':
              return r.label[locale];
            case 'n':
              return r.n.display;
            case 'value':
              return cell(c)?.display ?? '';
            default:
              return spreadField(cell(c)?.spread, c.kind);
          }
        }),
      ),
    );
  }
  return lines.join('');
}
