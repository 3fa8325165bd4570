import { computed } from '@angular/core';
import { actingFor } from '@scs/web/core';

export type ResearchContext =
  | { state: 'loading' }
  | { state: 'signedOut' }
  | { state: 'notResearcher' }
  | { state: 'researcher'; orgId: string; name: string };

/** The research organisation the signed-in user acts for (the dashboard shows a gate otherwise). */
export function researchContext() {
  const acting = actingFor((org) => org.kind === 'research' && org.role === 'researcher');
  return computed<ResearchContext>(() => {
    const a = acting();
    if (a.state === 'other') return { state: 'notResearcher' };
    if (a.state !== 'acting') return a;
    return { state: 'researcher', orgId: a.org.orgId, name: a.org.orgName };
  });
}
