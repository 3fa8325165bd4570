import { isEmail } from 'class-validator';

/** Most addresses one paste or upload may hold (documented in the API and the UI). Beyond it nothing is imported. */
export const INVITE_LIMIT = 5000;
export const EMAIL_MAX = 254;

export interface RejectedEntry {
  /** 1-based line of the pasted text or file. */
  line: number;
  value: string;
  reason: string;
}

export interface AddressList {
  /** Valid, normalised (lower-case) addresses, each once, in the order they appeared. */
  addresses: string[];
  /** Valid entries that repeated an earlier address of the same list. */
  duplicates: number;
  rejected: RejectedEntry[];
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
  if (b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'an old Excel (.xls) workbook; in Excel use "Save as" → "CSV UTF-8"';
  if (ascii.startsWith('%PDF')) return 'a PDF document';
  if (ascii.startsWith('MZ') || ascii.startsWith('\x7fELF')) return 'a program';
  if (ascii.startsWith('\x89PNG') || ascii.startsWith('\xff\xd8\xff') || ascii.startsWith('GIF8')) return 'an image';
  return null;
}

/** Decodes an uploaded file as text (UTF-8, UTF-16 with BOM, or Windows-1252 as Excel writes it); refuses binary files. */
export function decodeUpload(b: Buffer): string {
  if (b.length === 0) throw new AddressListError('The file is empty: upload a CSV file with one email address per line');
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
  if (control > 0 && control / text.length > 0.001) throw new AddressListError(`This file is not a text (CSV) file; ${NOTHING}`);
  return text;
}

interface Row {
  line: number;
  cells: string[];
}

/**
 * Splits CSV text into rows of cells. Accepts `,`, `;` and tabs as separators (Excel in German writes `;`), quoted
 * cells with `""` escapes and line breaks inside quotes; an unclosed quote makes the whole list unusable.
 */
function rows(text: string): Row[] {
  const out: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (c === ',' || c === ';' || c === '\t') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      out.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (quoted) throw new AddressListError(`Malformed CSV: the quote opened on line ${quoteLine} is never closed; ${NOTHING}`);
  cells.push(cell);
  out.push({ line: rowLine, cells });
  return out.filter((r) => r.cells.some((x) => x.trim() !== ''));
}

const HEADER = /^(e-?mail|e-?mail[ -]?(address|adresse)|mail|email_address|address|adresse|kontakt-?e-?mail|contact email)$/i;

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
 * Reads pasted text or a CSV file into addresses to invite. A first line without any @ is a header; when it names an
 * email column only that column is read. Otherwise every cell's address counts, other cells (names, firms) are
 * ignored. Lines without an address and invalid addresses are rejected with their line and the reason.
 */
export async function parseAddressList(text: string, limit = INVITE_LIMIT): Promise<AddressList> {
  const all = rows(text);
  if (all.length === 0) throw new AddressListError('The list is empty: paste email addresses or upload a CSV file with one address per line');
  let column: number | null = null;
  let body = all;
  if (!all[0].cells.some((c) => c.includes('@'))) {
    const index = all[0].cells.findIndex((c) => HEADER.test(c.trim()));
    column = index >= 0 ? index : null;
    body = all.slice(1);
  }
  const entries: { line: number; value: string }[] = [];
  const rejected: RejectedEntry[] = [];
  for (const row of body) {
    const cells = column === null ? row.cells : [row.cells[column] ?? ''];
    const found = cells.flatMap(tokens);
    if (found.length === 0) {
      const value = (column === null ? row.cells.join(', ') : (row.cells[column] ?? '')).trim();
      rejected.push({ line: row.line, value: value.slice(0, 200), reason: value ? 'Not an email address' : 'No email address in the email column' });
    } else for (const value of found) entries.push({ line: row.line, value });
  }
  const total = entries.length + rejected.length;
  if (total > limit) {
    throw new AddressListError(
      `This list has ${total.toLocaleString('en')} entries; at most ${limit.toLocaleString('en')} can be invited at once. Split it into smaller lists; ${NOTHING}.`,
      413,
    );
  }
  const seen = new Set<string>();
  const addresses: string[] = [];
  let duplicates = 0;
  for (const [i, e] of entries.entries()) {
    if (i % 250 === 249) await new Promise((r) => setImmediate(r)); // thousands of checks: let other requests through
    const email = e.value.trim().toLowerCase();
    const why = problem(email);
    if (why) rejected.push({ line: e.line, value: e.value.slice(0, 200), reason: why });
    else if (seen.has(email)) duplicates++;
    else {
      seen.add(email);
      addresses.push(email);
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  return { addresses, duplicates, rejected };
}
