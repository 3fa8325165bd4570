import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '@scs/api/core';
import type { Request } from 'express';
import { cookie, XSRF_COOKIE, XSRF_HEADER } from './cookies';
import { constantTimeEqual } from './crypto';
import { TokenService } from './tokens.service';

/**
 * Double-submit CSRF check for requests authenticated by cookie: the X-XSRF-TOKEN header must equal the XSRF-TOKEN
 * cookie, and that value must be the one derived for this session (a cookie planted by another site cannot match).
 */
@Injectable()
export class CsrfService {
  constructor(private readonly tokens: TokenService) {}

  async assert(req: Request, sessionId: string): Promise<void> {
    const header = req.headers[XSRF_HEADER];
    const fromCookie = cookie(req, XSRF_COOKIE);
    const expected = await this.tokens.csrfToken(sessionId);
    if (
      typeof header !== 'string' ||
      !fromCookie ||
      !constantTimeEqual(header, fromCookie) ||
      !constantTimeEqual(header, expected)
    ) {
      throw new ForbiddenError('errors.auth.csrf');
    }
  }
}
