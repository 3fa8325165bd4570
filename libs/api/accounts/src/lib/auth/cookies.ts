import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '@scs/api/core';

export const ACCESS_COOKIE = 'scs_access';
export const REFRESH_COOKIE = 'scs_refresh';
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  csrfToken: string;
  expiresIn: number;
}

/** Sets the session cookies: httpOnly access (path /api) and refresh (path /api/auth), readable XSRF-TOKEN. */
export function writeSessionCookies(res: Response, config: AppConfig, s: IssuedSession): void {
  const base: CookieOptions = { sameSite: 'lax', secure: config.cookieSecure };
  const refreshMaxAge = config.refreshTokenTtlDays * 86_400_000;
  res.cookie(ACCESS_COOKIE, s.accessToken, {
    ...base,
    httpOnly: true,
    path: '/api',
    maxAge: config.accessTokenTtlSeconds * 1000,
  });
  res.cookie(REFRESH_COOKIE, s.refreshToken, { ...base, httpOnly: true, path: '/api/auth', maxAge: refreshMaxAge });
  res.cookie(XSRF_COOKIE, s.csrfToken, { ...base, httpOnly: false, path: '/', maxAge: refreshMaxAge });
}

export function clearSessionCookies(res: Response, config: AppConfig): void {
  const base: CookieOptions = { sameSite: 'lax', secure: config.cookieSecure };
  res.clearCookie(ACCESS_COOKIE, { ...base, httpOnly: true, path: '/api' });
  res.clearCookie(REFRESH_COOKIE, { ...base, httpOnly: true, path: '/api/auth' });
  res.clearCookie(XSRF_COOKIE, { ...base, path: '/' });
}

export function cookie(req: Request, name: string): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The access token of a request: the Authorization header wins over the cookie. */
export function accessTokenOf(req: Request): { token: string; via: 'bearer' | 'cookie' } | { malformed: true } | null {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(header);
    return match ? { token: match[1], via: 'bearer' } : { malformed: true };
  }
  const fromCookie = cookie(req, ACCESS_COOKIE);
  return fromCookie ? { token: fromCookie, via: 'cookie' } : null;
}
