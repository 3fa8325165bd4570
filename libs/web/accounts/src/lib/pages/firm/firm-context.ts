import { computed, inject } from '@angular/core';
import { type OrgRole, SessionService } from '@scs/web/core';

export type FirmContext =
  | { state: 'loading' }
  | { state: 'signedOut' }
  | { state: 'notFirm'; orgName: string | null }
  | { state: 'firm'; orgId: string; orgName: string; role: OrgRole; userId: string };

/** The firm the signed-in user acts for, with their role (firm pages show a gate otherwise). */
export function firmContext() {
  const session = inject(SessionService);
  return computed<FirmContext>(() => {
    if (!session.loaded()) return { state: 'loading' };
    const user = session.user();
    if (!user) return { state: 'signedOut' };
    const org = session.activeOrg();
    if (!org || org.kind !== 'firm') return { state: 'notFirm', orgName: org?.orgName ?? null };
    return { state: 'firm', orgId: org.orgId, orgName: org.orgName, role: org.role, userId: user.id };
  });
}

export const isManager = (role: OrgRole): boolean => role === 'owner' || role === 'admin';
