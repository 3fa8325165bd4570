import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import {
  ACCESS_RULE,
  type AccessRule,
  type AuthUser,
  IS_PUBLIC,
  type OrgContext,
  ResourceOwners,
  UUID_RE,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
} from '@scs/api/core';
import { accessTokenOf } from './cookies';
import { CsrfService } from './csrf.service';
import { SessionsService } from './sessions.service';
import { TokenService } from './tokens.service';

export type AccessRequest = Request & { user?: AuthUser; org?: OrgContext };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads a route's access declaration (method first, then controller). */
export function accessDeclaration(
  reflector: Reflector,
  targets: (object | ((...args: never[]) => unknown))[],
): { isPublic: boolean; rule?: AccessRule } {
  const t = targets as Parameters<Reflector['getAllAndOverride']>[1];
  return {
    isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, t) === true,
    rule: reflector.getAllAndOverride<AccessRule>(ACCESS_RULE, t),
  };
}

/**
 * The global guard (secure by default). A route must declare @Public() or exactly one access rule; one that declares
 * neither is refused. Otherwise: authenticate (Bearer header or the httpOnly access cookie), check that the session is
 * still active, require the CSRF header on cookie-authenticated writes, then apply the rule. Organisations the caller
 * does not belong to answer 404, so ids of other tenants cannot be probed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsService,
    private readonly owners: ResourceOwners,
    private readonly csrf: CsrfService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { isPublic, rule } = accessDeclaration(this.reflector, [context.getHandler(), context.getClass()]);
    if (isPublic && rule) throw new ForbiddenError('errors.auth.routeBothRules');
    if (isPublic) return true;
    if (!rule) throw new ForbiddenError('errors.auth.routeNoRule');

    const req = context.switchToHttp().getRequest<AccessRequest>();
    if (rule.type === 'org' || rule.type === 'resource') {
      req.org = await this.authoriseInOrg(req, rule);
      return true;
    }
    req.user = await this.authenticate(req);
    if (rule.type === 'platformAdmin' && !req.user.platformAdmin)
      throw new ForbiddenError('errors.auth.platformAdminsOnly');
    return true;
  }

  /** The verified token of the request (no database access yet). */
  private async claimsOf(
    req: AccessRequest,
  ): Promise<{ claims: { sub: string; sid: string }; via: 'cookie' | 'bearer' }> {
    const found = accessTokenOf(req);
    if (!found) throw new UnauthenticatedError('errors.auth.signInFirst');
    if ('malformed' in found) throw new UnauthenticatedError('errors.auth.malformedAuthorization');
    const claims = await this.tokens.verifyAccess(found.token);
    if (!claims) throw new UnauthenticatedError('errors.auth.sessionExpired');
    return { claims, via: found.via };
  }

  private async authenticate(req: AccessRequest): Promise<AuthUser> {
    const { claims, via } = await this.claimsOf(req);
    const user = await this.sessions.activeUser(claims.sid, claims.sub);
    if (!user) throw new UnauthenticatedError('errors.auth.sessionEnded');
    if (via === 'cookie' && !SAFE_METHODS.has(req.method)) await this.csrf.assert(req, claims.sid);
    return user;
  }

  /**
   * Organisation and resource routes: the session check and the caller's membership come from one query (the owner of
   * a resource is usually remembered by ResourceOwners), with the same answers in the same order as checking them one
   * by one: 401 before CSRF before a malformed id before 404 (unknown or foreign) before 403 (role).
   */
  private async authoriseInOrg(
    req: AccessRequest,
    rule: Extract<AccessRule, { type: 'org' | 'resource' }>,
  ): Promise<OrgContext> {
    const { claims, via } = await this.claimsOf(req);
    const id = req.params[rule.param];
    if (typeof id !== 'string')
      throw new Error(`Access rule names route parameter '${rule.param}', which the route does not have`);
    const wellFormed = UUID_RE.test(id);
    const orgId = !wellFormed ? null : rule.type === 'org' ? id : await this.owners.ownerOf(rule.resolver, id);
    const found = orgId
      ? await this.sessions.activeUserIn(claims.sid, claims.sub, orgId)
      : { user: await this.sessions.activeUser(claims.sid, claims.sub), membership: null };
    if (!found?.user) throw new UnauthenticatedError('errors.auth.sessionEnded');
    req.user = found.user;
    if (via === 'cookie' && !SAFE_METHODS.has(req.method)) await this.csrf.assert(req, claims.sid);
    if (!wellFormed)
      throw new InvalidInputError(
        'errors.auth.malformedId',
        { param: rule.param },
        { fields: { [rule.param]: 'validation.uuid' } },
      );
    const membership = found.membership;
    if (!orgId || !membership || (rule.kind && membership.kind !== rule.kind))
      throw new NotFoundError(rule.type === 'org' ? 'errors.notFound.organisation' : 'errors.notFound.generic');
    if (!rule.roles.includes(membership.role)) throw new ForbiddenError('errors.auth.roleNotAllowed');
    return { orgId, kind: membership.kind, role: membership.role };
  }
}
