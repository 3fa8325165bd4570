import { isEmail } from 'class-validator';
import { columnOf, readTableFile, TableError, type TableRow } from '@scs/api/core';
import { usccProblemKey } from '@scs/api/accounts';
import { provinceLabel } from '@scs/shared/catalogue';
import type {
  PartnerImportProblem,
  PartnerImportResult,
  PartnerImportRow,
  PartnerLanguage,
  PartnerRole,
} from '@scs/shared/contracts';
import { PARTNER_ROLES } from './partner.entity';
import { EXPORT_HEAD, ROLE_LABELS } from './texts';

/** Most partners one file may hold. */
export const PARTNER_IMPORT_LIMIT = 2000;

// Column names (German, English, Chinese), compared without case, spaces, hyphens, dots and underscores.
const COLUMNS = {
  name: [
    'name',
    'firma',
    'unternehmen',
    'company',
    'companyname',
    'partner',
    'firmenname',
    '名称',
    '企业名称',
    '公司名称',
  ],
  nameZh: ['chinesischername', 'chinesename', 'namezh', 'namechinesisch', '中文名称', '中文名'],
  uscc: ['uscc', 'usci', 'creditcode', 'unifiedsocialcreditcode', 'sozialkreditcode', '统一社会信用代码', '信用代码'],
  role: ['rolle', 'role', 'type', 'art', 'partnertyp', '角色', '类型'],
  province: ['provinz', 'province', 'region', '省份', '省'],
  contactName: ['ansprechpartner', 'kontakt', 'contact', 'contactname', 'contactperson', 'kontaktperson', '联系人'],
  contactEmail: ['email', 'emailadresse', 'mail', 'contactemail', 'kontaktemail', '邮箱', '电子邮件', '电子邮箱'],
  contactLanguage: ['sprache', 'language', 'lang', '语言'],
};

const ROLE_WORDS: Record<string, PartnerRole> = Object.fromEntries(
  PARTNER_ROLES.flatMap((role) => [
    [role, role],
    ...Object.values(ROLE_LABELS[role]).map((label) => [label.toLowerCase().replace(/[\s_\-.]/g, ''), role] as const),
  ]),
);
const norm = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');
const LANGUAGES: Record<string, PartnerLanguage> = {
  zh: 'zh',
  chinese: 'zh',
  chinesisch: 'zh',
  中文: 'zh',
  cn: 'zh',
  en: 'en',
  english: 'en',
  englisch: 'en',
  英文: 'en',
  英语: 'en',
  de: 'de',
  german: 'de',
  deutsch: 'de',
  德文: 'de',
  德语: 'de',
};

/**
 * Reads a partner list (CSV as the chamber member import reads it, or XLSX) into rows to store. The first row is the
 * header; columns are found by name. Rows without a name, with an invalid USCC, address, role or language, or
 * repeating a USCC are rejected with line and reason. An empty role means "other", an empty language Chinese.
 */
export async function readPartnerList(file: Buffer): Promise<Omit<PartnerImportResult, 'imported'>> {
  const all: TableRow[] = await readTableFile(file);
  if (all.length < 2) throw new TableError('The list has no rows below its header; nothing was imported');
  const header = all[0].cells.map((c) => c.trim());
  const col = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, columnOf(header, names)])) as Record<
    keyof typeof COLUMNS,
    number | null
  >;
  if (col.name === null) throw new TableError('The list has no name column (Name, Firma, 名称); nothing was imported');
  if (all.length - 1 > PARTNER_IMPORT_LIMIT)
    throw new TableError(`The list has more than ${PARTNER_IMPORT_LIMIT} rows; nothing was imported`, 413);
  const rows: PartnerImportRow[] = [];
  const rejected: PartnerImportResult['rejected'] = [];
  const seen = new Set<string>();
  for (const r of all.slice(1)) {
    const cell = (i: number | null) => (i === null ? '' : (r.cells[i] ?? '').trim());
    const reject = (problem: PartnerImportProblem, value: string) =>
      rejected.push({ line: r.line, value: value.slice(0, 200), problem });
    const name = cell(col.name);
    if (!name) {
      reject('noName', r.cells.join(', '));
      continue;
    }
    const uscc = cell(col.uscc).replace(/\s+/g, '').toUpperCase() || null;
    if (uscc && usccProblemKey(uscc)) {
      reject('badUscc', uscc);
      continue;
    }
    if (uscc && seen.has(uscc)) {
      reject('repeated', uscc);
      continue;
    }
    const email = cell(col.contactEmail).toLowerCase() || null;
    if (email && (email.length > 254 || !isEmail(email))) {
      reject('badEmail', email);
      continue;
    }
    const roleText = cell(col.role);
    const role = roleText ? ROLE_WORDS[norm(roleText)] : 'other';
    if (!role) {
      reject('badRole', roleText);
      continue;
    }
    const languageText = cell(col.contactLanguage);
    const language = languageText ? LANGUAGES[norm(languageText)] : 'zh';
    if (!language) {
      reject('badLanguage', languageText);
      continue;
    }
    if (uscc) seen.add(uscc);
    rows.push({
      line: r.line,
      name: name.slice(0, 200),
      nameZh: cell(col.nameZh).slice(0, 200) || null,
      uscc,
      role,
      province: cell(col.province).slice(0, 60) || null,
      contactName: cell(col.contactName).slice(0, 200) || null,
      contactEmail: email,
      contactLanguage: language,
    });
  }
  return { rows, rejected };
}

export interface ExportRow {
  name: string;
  nameZh: string | null;
  uscc: string | null;
  role: PartnerRole;
  province: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactLanguage: PartnerLanguage;
  state: string;
  level: string | null;
  flagCount: number;
  answeredAt: string | null;
  recheckDue: string | null;
  recheckMonths: number;
}

const STATE: Record<'de' | 'en', Record<string, string>> = {
  de: {
    none: 'Nicht gesendet',
    sent: 'Gesendet',
    opened: 'Geöffnet',
    answered: 'Beantwortet',
    expired: 'Abgelaufen',
    revoked: 'Zurückgezogen',
  },
  en: {
    none: 'Not sent',
    sent: 'Sent',
    opened: 'Opened',
    answered: 'Answered',
    expired: 'Expired',
    revoked: 'Withdrawn',
  },
};
const LEVEL: Record<'de' | 'en', Record<string, string>> = {
  de: { low: 'Niedrig', moderate: 'Mittel', high: 'Hoch', critical: 'Kritisch' },
  en: { low: 'Low', moderate: 'Moderate', high: 'High', critical: 'Critical' },
};
const LANGUAGE_NAME: Record<'de' | 'en', Record<PartnerLanguage, string>> = {
  de: { zh: 'Chinesisch', en: 'Englisch', de: 'Deutsch' },
  en: { zh: 'Chinese', en: 'English', de: 'German' },
};

/** Quotes a text cell and neutralises spreadsheet formulas (CSV injection), as the campaign export does. */
function cell(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The partner list with status as CSV (`;`, UTF-8 with BOM, CRLF; German decimal comma). No answers, no evidence. */
export function partnerListCsv(rows: ExportRow[], locale: 'de' | 'en'): Buffer {
  const years = (months: number) => {
    const s = (months / 12)
      .toFixed(months % 12 === 0 ? 0 : 2)
      .replace(/0+$/, '')
      .replace(/\.$/, '');
    return locale === 'de' ? s.replace('.', ',') : s;
  };
  const lines = [
    EXPORT_HEAD[locale].map(cell).join(';'),
    ...rows.map((r) =>
      [
        r.name,
        r.nameZh ?? '',
        r.uscc ?? '',
        ROLE_LABELS[r.role][locale],
        r.province ? provinceLabel(r.province, locale) : '',
        r.contactName ?? '',
        r.contactEmail ?? '',
        LANGUAGE_NAME[locale][r.contactLanguage],
        STATE[locale][r.state] ?? r.state,
        r.level ? LEVEL[locale][r.level] : '',
        r.flagCount,
        r.answeredAt ? r.answeredAt.slice(0, 16).replace('T', ' ') : '',
        r.recheckDue ?? '',
        years(r.recheckMonths),
      ]
        .map((v) => (typeof v === 'string' && /^\d+,\d+$/.test(v) ? v : cell(v)))
        .join(';'),
    ),
  ];
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}
