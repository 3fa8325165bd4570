import { computed } from '@angular/core';
import { actingFor, type OrgRole } from '@scs/web/core';

export type ChamberContext =
  | { state: 'loading' }
  | { state: 'signedOut' }
  | { state: 'notChamber' }
  | { state: 'chamber'; chamberId: string; name: string; role: OrgRole; canManage: boolean };

/** The chamber the signed-in user acts for (chamber pages show a gate otherwise). */
export function chamberContext() {
  const acting = actingFor((org) => org.kind === 'chamber');
  return computed<ChamberContext>(() => {
    const a = acting();
    if (a.state === 'other') return { state: 'notChamber' };
    if (a.state !== 'acting') return a;
    const { orgId, orgName, role } = a.org;
    return { state: 'chamber', chamberId: orgId, name: orgName, role, canManage: role === 'owner' || role === 'admin' };
  });
}

/** Start of the given local calendar day (YYYY-MM-DD) as an ISO timestamp. */
export function startOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 0, 0, 0, 0).toISOString();
}

/** End of the given local calendar day as an ISO timestamp: a campaign closing "on" a day stays open all of it. */
export function endOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59, 999).toISOString();
}

/** Today (or today + `days`) as a local YYYY-MM-DD. */
export function localDay(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
