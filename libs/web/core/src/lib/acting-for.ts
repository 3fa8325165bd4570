import { computed, inject, type Signal } from '@angular/core';
import { type OrgRole, type SessionMembership, type SessionUser, SessionService } from './session.service';

/**
 * Which organisation the signed-in user acts for, if it is of the kind a page needs: the one answer to "may I show
 * this firm / chamber / research page, or a gate?" (loading, signed out, or another kind of organisation active).
 */
export type ActingFor =
  | { state: 'loading' }
  | { state: 'signedOut' }
  | { state: 'other'; org: SessionMembership | null }
  | { state: 'acting'; org: SessionMembership; user: SessionUser };

export function actingFor(accepts: (org: SessionMembership) => boolean): Signal<ActingFor> {
  const session = inject(SessionService);
  return computed<ActingFor>(() => {
    if (!session.loaded()) return { state: 'loading' };
    const user = session.user();
    if (!user) return { state: 'signedOut' };
    const org = session.activeOrg();
    if (!org || !accepts(org)) return { state: 'other', org };
    return { state: 'acting', org, user };
  });
}

export type FirmContext =
  | { state: 'loading' }
  | { state: 'signedOut' }
  | { state: 'notFirm'; orgName: string | null }
  | { state: 'firm'; orgId: string; orgName: string; role: OrgRole; userId: string };

/** The firm the signed-in user acts for, with their role (firm pages show a gate otherwise). */
export function firmContext(): Signal<FirmContext> {
  const acting = actingFor((org) => org.kind === 'firm');
  return computed<FirmContext>(() => {
    const a = acting();
    if (a.state === 'other') return { state: 'notFirm', orgName: a.org?.orgName ?? null };
    if (a.state !== 'acting') return a;
    return { state: 'firm', orgId: a.org.orgId, orgName: a.org.orgName, role: a.org.role, userId: a.user.id };
  });
}
