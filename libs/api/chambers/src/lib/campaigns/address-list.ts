import { isEmail } from 'class-validator';
import { CsvError, parse } from 'csv-parse/sync';

/** Most addresses one paste or upload may hold (documented in the API and the UI). Beyond it nothing is imported. */
export const INVITE_LIMIT = 5000;
export const EMAIL_MAX = 254;

export interface RejectedEntry {
  /** 1-based line of the pasted text or file. */
  line: number;
  value: string;
  reason: string;
}

/** One address to invite, with the firm and contact of its row (empty when the list does not name them). */
export interface InviteeRow {
  line: number;
  company: string;
  contact: string;
  email: string;
}

export interface DuplicateRow {
  line: number;
  email: string;
  /** Line where the address appeared first. */
  firstLine: number;
}

export interface AddressList {
  /** Valid, normalised (lower-case) addresses, each once, in the order they appeared. */
  addresses: string[];
  /** Valid entries that repeated an earlier address of the same list. */
  duplicates: number;
  rejected: RejectedEntry[];
  /** The rows behind `addresses` (same order). */
  rows: InviteeRow[];
  /** The entries counted in `duplicates`. */
  duplicateRows: DuplicateRow[];
}

/** The list as a whole cannot be used (nothing is imported); `status` is the HTTP status to answer with. */
export class AddressListError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const NOTHING = 'nothing was imported';

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
  if (b.length === 0)
    throw new AddressListError('The file is empty: upload a CSV file with one email address per line');
  const known = binaryFormat(b);
  if (known) throw new AddressListError(`This file is not a CSV file but ${known}; ${NOTHING}`);
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
    throw new AddressListError(`This file is not a text (CSV) file; ${NOTHING}`);
  return text;
}

interface Row {
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
function rows(raw: string): Row[] {
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
        throw new AddressListError(
          `Malformed CSV: the quote opened on line ${lineOf(text, quote >= 0 ? quote : consumed)} is never closed; ${NOTHING}`,
        );
      }
      const line = Number(e['lines'] ?? lineOf(text, consumed));
      throw new AddressListError(
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

/** Known column names (compared without case, spaces, hyphens, dots and underscores). */
const COLUMNS = {
  email: [
    'email',
    'emailadresse',
    'emailaddress',
    'emailadress',
    'mail',
    'mailadresse',
    'address',
    'adresse',
    'kontaktemail',
    'contactemail',
  ],
  company: [
    'firma',
    'unternehmen',
    'company',
    'firm',
    'name',
    'companyname',
    'firmenname',
    'organisation',
    'organization',
  ],
  contact: [
    'ansprechpartner',
    'ansprechpartnerin',
    'kontakt',
    'contact',
    'namedesansprechpartners',
    'contactperson',
    'contactname',
    'ansprechperson',
    'kontaktperson',
  ],
};

function columnOf(header: string[], names: string[]): number | null {
  const index = header.findIndex((h) => names.includes(h.toLowerCase().replace(/[\s_\-.]/g, '')));
  return index >= 0 ? index : null;
}

/** The column whose values look like email addresses (most cells with an @), or null. */
function addressColumn(body: Row[]): number | null {
  const hits: number[] = [];
  for (const row of body) row.cells.forEach((c, i) => (hits[i] = (hits[i] ?? 0) + (c.includes('@') ? 1 : 0)));
  let best: number | null = null;
  hits.forEach((n, i) => {
    if (n > 0 && (best === null || n > hits[best])) best = i;
  });
  return best;
}
/** The candidate addresses of one cell: `Name <a@b.de>`, `mailto:a@b.de`, or whitespace-separated tokens with an @. */
function tokens(cell: string): string[] {
  const angle = [...cell.matchAll(/<([^<>]*@[^<>]*)>/g)].map((m) => m[1]);
  if (angle.length) return angle;
  return cell
    .split(/\s+/)
    .map((t) => t.replace(/^mailto:/i, '').replace(/^[<("'[]+|[>)"'\]]+$/g, ''))
    .filter((t) => t.includes('@'));
}

function problem(email: string): string | null {
  if (email.length > EMAIL_MAX) return `Longer than ${EMAIL_MAX} characters`;
  if ((email.match(/@/g) ?? []).length > 1) return 'More than one @';
  const [local, domain = ''] = email.split('@');
  if (!local) return 'Nothing before the @';
  if (!domain) return 'No domain after the @';
  if (!domain.includes('.')) return 'The domain has no dot (e.g. example.com)';
  if (!isEmail(email, { allow_utf8_local_part: false })) return 'Not a valid email address';
  return null;
}

/**
 * Reads pasted text or a CSV file into addresses to invite. The separator (`;`, `,` or tab) is detected, quoted fields
 * and a BOM are understood (csv-parse). A first line without any @ is a header: its columns are mapped by their German
 * or English names (E-Mail, Firma, Ansprechpartner …); without a known email column, the column whose values look like
 * addresses is read. Without a header every address of a row counts and its other cells are taken as company and
 * contact. Rows without an address and invalid addresses are rejected with their line and the reason.
 */
export async function parseAddressList(text: string, limit = INVITE_LIMIT): Promise<AddressList> {
  const all = rows(text);
  if (all.length === 0)
    throw new AddressListError(
      'The list is empty: paste email addresses or upload a CSV file with one address per line',
    );
  const header = !all[0].cells.some((c) => c.includes('@'));
  const body = header ? all.slice(1) : all;
  let email: number | null = null;
  let company: number | null = null;
  let contact: number | null = null;
  if (header) {
    const names = all[0].cells.map((c) => c.trim());
    email = columnOf(names, COLUMNS.email) ?? addressColumn(body);
    company = columnOf(names, COLUMNS.company);
    contact = columnOf(names, COLUMNS.contact);
  }
  const cell = (row: Row, i: number | null) => (i === null ? '' : (row.cells[i] ?? '').trim());
  const entries: { line: number; value: string; company: string; contact: string }[] = [];
  const rejected: RejectedEntry[] = [];
  for (const row of body) {
    if (email !== null) {
      const value = cell(row, email);
      const found = value.split(/[;,]/).flatMap(tokens); // "a@x.de; b@x.de" in one quoted cell: both
      if (found.length === 0)
        rejected.push({
          line: row.line,
          value: value.slice(0, 200),
          reason: value ? 'Not an email address' : 'No email address in the email column',
        });
      for (const v of found)
        entries.push({ line: row.line, value: v, company: cell(row, company), contact: cell(row, contact) });
      continue;
    }
    // No email column: every address of the row counts (a paste may mix separators); the other cells name the firm.
    const found = row.cells.flatMap((c) => c.split(/[;,\t]/)).flatMap(tokens);
    const others = row.cells.map((c) => c.trim()).filter((c) => c !== '' && !c.includes('@'));
    if (found.length === 0) {
      const value = row.cells.join(', ').trim();
      rejected.push({
        line: row.line,
        value: value.slice(0, 200),
        reason: value ? 'Not an email address' : 'No email address in the email column',
      });
    } else {
      const [co, ct] = header || found.length > 1 ? ['', ''] : [others[0] ?? '', others[1] ?? ''];
      for (const value of found) entries.push({ line: row.line, value, company: co, contact: ct });
    }
  }
  const total = entries.length + rejected.length;
  if (total > limit) {
    throw new AddressListError(
      `This list has ${total.toLocaleString('en')} entries; at most ${limit.toLocaleString('en')} can be invited at once. Split it into smaller lists; ${NOTHING}.`,
      413,
    );
  }
  const seen = new Map<string, number>();
  const valid: InviteeRow[] = [];
  const duplicateRows: DuplicateRow[] = [];
  for (const [i, e] of entries.entries()) {
    if (i % 250 === 249) await new Promise((r) => setImmediate(r)); // thousands of checks: let other requests through
    const address = e.value.trim().toLowerCase();
    const why = problem(address);
    const first = seen.get(address);
    if (why) rejected.push({ line: e.line, value: e.value.slice(0, 200), reason: why });
    else if (first !== undefined) duplicateRows.push({ line: e.line, email: address, firstLine: first });
    else {
      seen.set(address, e.line);
      valid.push({ line: e.line, company: e.company.slice(0, 200), contact: e.contact.slice(0, 200), email: address });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  return {
    addresses: valid.map((r) => r.email),
    duplicates: duplicateRows.length,
    rejected,
    rows: valid,
    duplicateRows,
  };
}
