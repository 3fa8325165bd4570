import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

export type OrgKind = 'firm' | 'chamber' | 'research';
export type OrgRole = 'owner' | 'admin' | 'member' | 'researcher';

export interface SessionMembership {
  orgId: string;
  orgName: string;
  kind: OrgKind;
  role: OrgRole;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  platformAdmin: boolean;
  memberships: SessionMembership[];
}

const ACTIVE_ORG_KEY = 'scs.activeOrg';

/**
 * Who is signed in and which organisation they act for. The single source of session state for every web feature:
 * pages call `load()` after signing in and `clear()` after signing out.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly http = inject(HttpClient);
  readonly user = signal<SessionUser | null>(null);
  readonly loaded = signal(false);
  private readonly activeOrgId = signal<string | null>(null);

  readonly activeOrg = computed<SessionMembership | null>(() => {
    const u = this.user();
    if (!u || u.memberships.length === 0) return null;
    return u.memberships.find((m) => m.orgId === this.activeOrgId()) ?? u.memberships[0] ?? null;
  });
  readonly signedIn = computed(() => this.user() !== null);

  async load(): Promise<SessionUser | null> {
    try {
      const me = await firstValueFrom(this.http.get<SessionUser>('/api/auth/me'));
      this.user.set(me);
      this.activeOrgId.set(readActiveOrg());
    } catch (e) {
      if (!(e instanceof HttpErrorResponse) || (e.status !== 401 && e.status !== 404))
        console.warn('Could not load the session', e);
      this.user.set(null);
    } finally {
      this.loaded.set(true);
    }
    return this.user();
  }

  selectOrg(orgId: string): void {
    this.activeOrgId.set(orgId);
    try {
      localStorage.setItem(ACTIVE_ORG_KEY, orgId);
    } catch {
      // storage disabled: the choice lasts for this page
    }
  }

  clear(): void {
    this.user.set(null);
  }
}

function readActiveOrg(): string | null {
  try {
    return localStorage.getItem(ACTIVE_ORG_KEY);
  } catch {
    return null;
  }
}
