import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

// Reading uploaded lists (CSV in any of the encodings and separators Excel and CRMs write, or an XLSX workbook) into
// rows. Shared by the chamber member import and the partner import, so both understand the same files.

/** The list as a whole cannot be used (nothing is imported); `status` is the HTTP status to answer with. */
export class TableError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const NOTHING_IMPORTED = 'nothing was imported';
const NOTHING = NOTHING_IMPORTED;

/** Formats that people upload by mistake, recognised by their first bytes. */
function binaryFormat(b: Buffer): string | null {
  const ascii = b.subarray(0, 8).toString('latin1');
  if (ascii.startsWith('PK')) return 'an Excel workbook or ZIP archive; in Excel use "Save as" → "CSV UTF-8"';
  if (b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    return 'an old Excel (.xls) workbook; in Excel use "Save as" → "CSV UTF-8"';
  if (ascii.startsWith('%PDF')) return 'a PDF document';
  if (ascii.startsWith('MZ') || ascii.startsWith('\x7fELF')) return 'a program';
  if (ascii.startsWith('\x89PNG') || ascii.startsWith('\xff\xd8\xff') || ascii.startsWith('GIF8')) return 'an image';
  return null;
}

/** Decodes an uploaded file as text (UTF-8, UTF-16 with BOM, or Windows-1252 as Excel writes it); refuses binary files. */
export function decodeUpload(b: Buffer): string {
  if (b.length === 0) throw new TableError('The file is empty: upload a CSV file with one email address per line');
  const known = binaryFormat(b);
  if (known) throw new TableError(`This file is not a CSV file but ${known}; ${NOTHING}`);
  let text: string;
  if (b[0] === 0xff && b[1] === 0xfe) text = new TextDecoder('utf-16le').decode(b.subarray(2));
  else if (b[0] === 0xfe && b[1] === 0xff) text = new TextDecoder('utf-16be').decode(b.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      text = new TextDecoder('windows-1252').decode(b);
    }
  }
  text = text.replace(/^\uFEFF/, '');
  // eslint-disable-next-line no-control-regex
  const control = (text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g) ?? []).length;
  if (control > 0 && control / text.length > 0.001)
    throw new TableError(`This file is not a text (CSV) file; ${NOTHING}`);
  return text;
}

export interface TableRow {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
}

const DELIMITERS = [';', ',', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

/**
 * The separator of the list: for each of `;`, `,` and tab, how often it occurs outside quotes on each of the first
 * lines. One that occurs equally often on every line wins (the most frequent such); else the most frequent on the first
 * (header) line. German Excel writes `;`, so an unquoted "Co., Ltd." does not make `,` the separator.
 */
function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number>[] = [];
  let current: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length && counts.length < 20; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (content) counts.push(current);
      current = { ';': 0, ',': 0, '\t': 0 };
      content = false;
    } else if (!quoted && (c === ';' || c === ',' || c === '\t')) current[c]++;
    if (c.trim() !== '') content = true;
  }
  if (content) counts.push(current);
  if (counts.length === 0) return ',';
  const consistent = DELIMITERS.filter((d) => counts[0][d] > 0 && counts.every((l) => l[d] === counts[0][d])).sort(
    (a, b) => counts[0][b] - counts[0][a],
  );
  if (consistent.length) return consistent[0];
  return [...DELIMITERS].sort((a, b) => counts[0][b] - counts[0][a])[0];
}

function lineOf(text: string, index: number): number {
  return (text.slice(0, index).match(/\r\n|\r|\n/g) ?? []).length + 1;
}

/** The records of the CSV text (csv-parse), each with the line it starts on; blank records are dropped. */
export function csvRows(raw: string): TableRow[] {
  const text = raw.replace(/\r\n?/g, '\n'); // pastes mix line endings; csv-parse would take the first for all
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each record comes as { record, info } (the typings describe plain string arrays).
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      const consumed = Buffer.from(text)
        .subarray(0, Number(e['bytes_records'] ?? 0))
        .toString().length;
      if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
        const quote = text.indexOf('"', consumed);
        throw new TableError(
          `Malformed CSV: the quote opened on line ${lineOf(text, quote >= 0 ? quote : consumed)} is never closed; ${NOTHING}`,
        );
      }
      const line = Number(e['lines'] ?? lineOf(text, consumed));
      throw new TableError(
        `Malformed CSV on line ${line}: a quoted field must be followed by the separator "${delimiter === '\t' ? 'tab' : delimiter}" or the end of the line; ${NOTHING}`,
      );
    }
    throw e;
  }
  return records
    .map(({ record, info }) => ({
      line: info.lines - record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g) ?? []).length, 0),
      cells: record,
    }))
    .filter((r) => r.cells.some((x) => x.trim() !== ''));
}

/** The index of the first header cell that is one of `names` (compared without case, spaces, hyphens, dots, underscores). */
export function columnOf(header: string[], names: string[]): number | null {
  const index = header.findIndex((h) => names.includes(h.toLowerCase().replace(/[\s_\-.]/g, '')));
  return index >= 0 ? index : null;
}

/** The first worksheet of an XLSX workbook as rows (cell text as shown; blank rows dropped). */
export async function xlsxRows(b: Buffer): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(b as unknown as ArrayBuffer); // exceljs types name ArrayBuffer; it reads a Buffer
  } catch {
    throw new TableError(`This file is not a readable Excel (.xlsx) workbook; ${NOTHING}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableError(`The workbook has no worksheet; ${NOTHING}`);
  const out: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(row.getCell(i).text ?? '');
    if (cells.some((c) => c.trim() !== '')) out.push({ line, cells });
  });
  return out;
}

/** A CSV file (any encoding or separator decodeUpload and csvRows understand) or an XLSX workbook, as rows. */
export async function readTableFile(b: Buffer): Promise<TableRow[]> {
  if (b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return xlsxRows(b);
  return csvRows(decodeUpload(b));
}
