import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';

/** The lists of the admin area (one API route each, all under /api/admin, platform admins only). */
export type AdminListKind = 'organisations' | 'users' | 'mails' | 'catalogue' | 'audit' | 'exports';

export const ADMIN_LIST_PATHS: Record<AdminListKind, string> = {
  organisations: '/api/admin/organisations',
  users: '/api/admin/users',
  mails: '/api/admin/mails',
  catalogue: '/api/admin/catalogue-versions',
  audit: '/api/admin/audit-log',
  exports: '/api/admin/research-export-log',
};

export type AdminRow = Record<string, string | number | boolean | null>;

export interface AdminPage {
  items: AdminRow[];
  total: number;
  offset: number;
  limit: number;
}

export interface AdminListQuery {
  q?: string;
  offset: number;
  limit: number;
  /** Extra filter parameters (e.g. `kind`, `status`); empty values are left out. */
  filters?: Record<string, string>;
}

@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  page(kind: AdminListKind, query: AdminListQuery): Promise<AdminPage> {
    let params = new HttpParams().set('offset', query.offset).set('limit', query.limit);
    const q = query.q?.trim();
    if (q) params = params.set('q', q);
    for (const [key, value] of Object.entries(query.filters ?? {})) if (value) params = params.set(key, value);
    return firstValueFrom(this.http.get<AdminPage>(ADMIN_LIST_PATHS[kind], { params }));
  }
}
