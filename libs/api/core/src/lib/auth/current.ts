import { UnauthenticatedError } from '../errors/domain-errors';
import { requestLocale } from '../i18n/request-locale';
import type { Locale } from '../i18n/translate';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthUser, OrgContext } from './resource-owners';

/** The signed-in user of the request (routes behind the global guard always have one). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
  if (!user) throw new UnauthenticatedError('errors.auth.signInFirst');
  return user;
});

/** The organisation context the access guard resolved for this route. */
export const CurrentOrg = createParamDecorator((_: unknown, ctx: ExecutionContext): OrgContext => {
  const org = ctx.switchToHttp().getRequest<{ org?: OrgContext }>().org;
  if (!org) throw new Error('CurrentOrg used on a route without an org or resource access rule');
  return org;
});

/** The language of the request (`Accept-Language`, else English), for texts a route returns on success. */
export const RequestLocale = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Locale =>
    requestLocale(ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>()),
);
