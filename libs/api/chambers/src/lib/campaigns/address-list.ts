import { isEmail } from 'class-validator';
import {
  columnOf,
  NOTHING_IMPORTED as NOTHING,
  csvRows as rows,
  TableError as AddressListError,
  type TableRow as Row,
} from '@scs/api/core';

// The file reading (encodings, separator detection, CSV records) is shared with the partner import: @scs/api/core tabular.
export { decodeUpload, TableError as AddressListError } from '@scs/api/core';

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
