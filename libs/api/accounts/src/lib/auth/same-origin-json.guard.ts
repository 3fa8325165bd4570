import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig, ForbiddenError, UnsupportedMediaTypeError } from '@scs/api/core';

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Login CSRF defence for the routes that start a session (login, register, e-mail verification): JSON bodies only
 * (an HTML form cannot send application/json without CORS), and a browser request must come from the app itself —
 * `Sec-Fetch-Site: cross-site` or an `Origin` other than PUBLIC_URL or the request's own host is refused. API clients
 * that send neither header are unaffected.
 */
@Injectable()
export class SameOriginJsonGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') throw new UnsupportedMediaTypeError('errors.auth.jsonOnly');
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') throw new ForbiddenError('errors.auth.sameOrigin');
    const origin = req.headers['origin'];
    if (origin !== undefined) {
      const allowed = new Set([
        originOf(this.config.publicUrl),
        originOf(`${req.protocol}://${req.get('host') ?? ''}`),
      ]);
      if (!allowed.has(originOf(origin))) throw new ForbiddenError('errors.auth.sameOrigin');
    }
    return true;
  }
}
