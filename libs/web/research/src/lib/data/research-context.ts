import { computed, inject } from '@angular/core';
import { SessionService } from '@scs/web/core';

export type ResearchContext =
  | { state: 'loading' }
  | { state: 'signedOut' }
  | { state: 'notResearcher' }
  | { state: 'researcher'; orgId: string; name: string };

/** The research organisation the signed-in user acts for (the dashboard shows a gate otherwise). */
export function researchContext() {
  const session = inject(SessionService);
  return computed<ResearchContext>(() => {
    if (!session.loaded()) return { state: 'loading' };
    if (!session.user()) return { state: 'signedOut' };
    const org = session.activeOrg();
    if (!org || org.kind !== 'research' || org.role !== 'researcher') return { state: 'notResearcher' };
    return { state: 'researcher', orgId: org.orgId, name: org.orgName };
  });
}
