import type { AdminListKind } from './admin.api';

/** How a cell is shown: plain text, a date (with time), a number, yes/no, a translated value, or monospace code. */
export type CellKind = 'text' | 'datetime' | 'date' | 'number' | 'bool' | 'enum' | 'code';

export interface AdminColumn {
  /** Field of the API row. */
  key: string;
  kind: CellKind;
  /** Shown on narrow screens too (others fold away below 760 px). */
  primary?: boolean;
}

export interface AdminFilter {
  /** Query parameter of the API. */
  param: string;
  values: string[];
}

export interface AdminListSpec {
  kind: AdminListKind;
  /** Identity of a row (for tracking). */
  id: string;
  columns: AdminColumn[];
  filter?: AdminFilter;
  /** Material icon of the empty state. */
  icon: string;
}

/** The six lists of the admin area. Labels live in the i18n files under `admin.<kind>.columns.<key>`. */
export const ADMIN_LISTS: Record<AdminListKind, AdminListSpec> = {
  organisations: {
    kind: 'organisations',
    id: 'id',
    icon: 'domain',
    columns: [
      { key: 'name', kind: 'text', primary: true },
      { key: 'kind', kind: 'enum', primary: true },
      { key: 'members', kind: 'number' },
      { key: 'createdAt', kind: 'date' },
      { key: 'id', kind: 'code' },
    ],
    filter: { param: 'kind', values: ['firm', 'chamber', 'research'] },
  },
  users: {
    kind: 'users',
    id: 'id',
    icon: 'group',
    columns: [
      { key: 'email', kind: 'text', primary: true },
      { key: 'name', kind: 'text' },
      { key: 'verified', kind: 'bool', primary: true },
      { key: 'platformAdmin', kind: 'bool' },
      { key: 'organisations', kind: 'number' },
      { key: 'createdAt', kind: 'date' },
    ],
  },
  mails: {
    kind: 'mails',
    id: 'id',
    icon: 'mail',
    columns: [
      { key: 'createdAt', kind: 'datetime', primary: true },
      { key: 'to', kind: 'text', primary: true },
      { key: 'subject', kind: 'text' },
      { key: 'status', kind: 'enum', primary: true },
      { key: 'attempts', kind: 'number' },
      { key: 'lastError', kind: 'text' },
    ],
    filter: { param: 'status', values: ['pending', 'sent', 'failed', 'not_sent'] },
  },
  catalogue: {
    kind: 'catalogue',
    id: 'version',
    icon: 'menu_book',
    columns: [
      { key: 'version', kind: 'text', primary: true },
      { key: 'effectiveFrom', kind: 'date', primary: true },
      { key: 'questions', kind: 'number' },
      { key: 'assessments', kind: 'number' },
      { key: 'loadedAt', kind: 'datetime' },
      { key: 'checksum', kind: 'code' },
    ],
  },
  audit: {
    kind: 'audit',
    id: 'id',
    icon: 'policy',
    columns: [
      { key: 'at', kind: 'datetime', primary: true },
      { key: 'action', kind: 'code', primary: true },
      { key: 'actorEmail', kind: 'text' },
      { key: 'orgName', kind: 'text' },
      { key: 'target', kind: 'code' },
      { key: 'ip', kind: 'code' },
    ],
  },
  exports: {
    kind: 'exports',
    id: 'id',
    icon: 'download',
    columns: [
      { key: 'at', kind: 'datetime', primary: true },
      { key: 'userEmail', kind: 'text', primary: true },
      { key: 'orgName', kind: 'text' },
      { key: 'kind', kind: 'code' },
      { key: 'tableId', kind: 'code' },
      { key: 'rowCount', kind: 'number' },
    ],
  },
};
