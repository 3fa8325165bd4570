import { bilingual as t } from '@scs/shared/catalogue';
import type { Text } from '@scs/shared/catalogue';
import { tableCsvColumns, type TableCsvColumn } from '../csv';
import type { DisclosedTable } from '../tables';
import type { Codebook, CodebookVariable, ValueLabel } from './variables';

// The codebook of one predefined table's CSV (tables/:table/csv): the same writers as the microdata codebook (DDI,
// Stata, R, HTML) describe its columns, so a researcher reads the table with its labels, including the spread of
// each mean (n, SD, 95 % CI; docs/research.md).

const MARKS: ValueLabel[] = [
  { code: '.', label: t('Suppressed (disclosure control)', 'Gesperrt (Geheimhaltung)') },
  { code: '<3', label: t('1 or 2 firms', '1 oder 2 Unternehmen') },
  { code: '–', label: t('No firm', 'Kein Unternehmen') },
];
const NO_SPREAD: ValueLabel[] = [
  {
    code: '',
    label: t(
      'No spread: the mean is suppressed or empty, or its standard deviation is withheld (0, or fewer than 2 firms)',
      'Keine Streuungsangabe: Mittelwert gesperrt oder leer, oder Standardabweichung zurückgehalten (0 oder weniger als 2 Unternehmen)',
    ),
  },
];

function universe(table: DisclosedTable): Text {
  return t(
    `Firms of the wave${table.waves.length > 1 ? 's' : ''} ${table.waves.join(', ')} that consented; one line per row of the table`,
    `Einwilligende Unternehmen der Welle${table.waves.length > 1 ? 'n' : ''} ${table.waves.join(', ')}; eine Zeile je Tabellenzeile`,
  );
}

function variableOf(table: DisclosedTable, c: TableCsvColumn): CodebookVariable {
  const base = { name: c.name, label: c.label, universe: universe(table) };
  switch (c.kind) {
    case 'row':
      return { ...base, label: t('Row key', 'Zeilenschlüssel'), type: 'string', missing: [] };
    case 'label':
      return { ...base, label: t('Row label', 'Zeilenbeschriftung'), type: 'string', missing: [] };
    case 'n':
      return { ...base, label: t('Firms in the row', 'Unternehmen in der Zeile'), type: 'string', missing: MARKS };
    case 'value':
      return {
        ...base,
        type: 'string',
        missing: MARKS,
        formula:
          table.valueKind === 'mean'
            ? t(
                'Mean score (0–100), one decimal, as published',
                'Mittlerer Betroffenheitswert (0–100), eine Nachkommastelle, wie veröffentlicht',
              )
            : t('Number of firms, as published', 'Zahl der Unternehmen, wie veröffentlicht'),
      };
    case 'spreadN':
      return {
        ...base,
        type: 'numeric',
        missing: NO_SPREAD,
        formula: t(
          'Firms behind the mean (those of the row with a value in the column)',
          'Unternehmen hinter dem Mittelwert (die der Zeile mit einem Betroffenheitswert in der Spalte)',
        ),
      };
    case 'sd':
      return {
        ...base,
        type: 'numeric',
        range: { min: 0, max: 100 },
        missing: NO_SPREAD,
        formula: t(
          'Sample standard deviation: sqrt((Σx² − (Σx)²/n) / (n − 1)), one decimal',
          'Stichproben-Standardabweichung: sqrt((Σx² − (Σx)²/n) / (n − 1)), eine Nachkommastelle',
        ),
      };
    default:
      return {
        ...base,
        type: 'numeric',
        missing: NO_SPREAD,
        formula: t(
          'mean ± t(0.975, n − 1) · SD / sqrt(n) from the unrounded mean and SD, clipped to the scale, one decimal',
          'Mittelwert ± t(0,975; n − 1) · SD / sqrt(n) aus ungerundetem Mittelwert und SD, auf die Skala begrenzt, eine Nachkommastelle',
        ),
      };
  }
}

/** The codebook of a table CSV named `file` (the name the CSV download carries). */
export function tableCodebook(table: DisclosedTable, file: string): Codebook {
  return {
    title: t(`SCS Check research table: ${table.title.en}`, `SCS Check Forschungstabelle: ${table.title.de}`),
    dataset: {
      file,
      frame: 'scs_table',
      delimiter: ',',
      decimal: '.',
      encoding: 'UTF-8',
      waves: [...table.waves],
      catalogueVersions: table.catalogueVersion ? [table.catalogueVersion] : [],
      k: table.k,
    },
    notes: [
      ...table.notes,
      t(
        'CSV: RFC 4180, comma-separated, "." as decimal point, UTF-8, first row = column headings in the language asked for; the scripts read the columns by position.',
        'CSV: RFC 4180, Komma als Trennzeichen, „.“ als Dezimalzeichen, UTF-8, erste Zeile = Spaltenüberschriften in der gewählten Sprache; die Skripte lesen die Spalten nach Position.',
      ),
    ],
    variables: tableCsvColumns(table).map((c) => variableOf(table, c)),
  };
}
