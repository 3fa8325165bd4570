import type { OrgRoleName } from '@scs/api/core';

/** Everyone of a chamber may read its campaigns and branding; owners and admins change them. */
export const CHAMBER_ROLES: OrgRoleName[] = ['owner', 'admin', 'member'];
export const CHAMBER_ADMINS: OrgRoleName[] = ['owner', 'admin'];
