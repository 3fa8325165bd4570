import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

export const IS_PUBLIC = 'scs:public';
export const ACCESS_RULE = 'scs:access';

export type OrgRoleName = 'owner' | 'admin' | 'member' | 'researcher';
export type OrgKind = 'firm' | 'chamber' | 'research';

/**
 * How a route is authorised. Every route declares exactly one rule (or @Public); the route-audit test fails otherwise.
 * - `org`: the user holds one of `roles` in the organisation named by the route parameter `param` (default `orgId`),
 *   optionally restricted to organisations of `kind`.
 * - `resource`: the route's resource id is resolved to its owning organisation by the named resolver, then as `org`.
 * - `user`: any signed-in user, acting only on their own account.
 * - `platformAdmin`: operators only.
 */
export type AccessRule =
  | { type: 'org'; roles: OrgRoleName[]; kind?: OrgKind; param: string }
  | { type: 'resource'; resolver: string; roles: OrgRoleName[]; kind?: OrgKind; param: string }
  | { type: 'user' }
  | { type: 'platformAdmin' };

const documented = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiCookieAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
    ApiForbiddenResponse({ description: 'No access' }),
  );

/** Anyone may call this route. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Signed-in users acting on their own account. */
export const Authenticated = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { type: 'user' } satisfies AccessRule), documented());

/** Operators (platform admin flag). */
export const PlatformAdmin = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { type: 'platformAdmin' } satisfies AccessRule), documented());

/** Members of the organisation in route parameter `param` with one of `roles`. */
export const OrgAccess = (roles: OrgRoleName[], options: { kind?: OrgKind; param?: string } = {}) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, {
      type: 'org',
      roles,
      kind: options.kind,
      param: options.param ?? 'orgId',
    } satisfies AccessRule),
    documented(),
  );

/** Members (with `roles`) of the organisation that owns the resource in route parameter `param`. */
export const ResourceAccess = (
  resolver: string,
  roles: OrgRoleName[],
  options: { kind?: OrgKind; param?: string } = {},
) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, {
      type: 'resource',
      resolver,
      roles,
      kind: options.kind,
      param: options.param ?? 'id',
    } satisfies AccessRule),
    documented(),
  );

export const FIRM_ROLES: OrgRoleName[] = ['owner', 'admin', 'member'];
export const FIRM_ADMINS: OrgRoleName[] = ['owner', 'admin'];
