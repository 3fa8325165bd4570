import type { OrgRole } from '@scs/web/core';

export { firmContext, type FirmContext } from '@scs/web/core';

export const isManager = (role: OrgRole): boolean => role === 'owner' || role === 'admin';
