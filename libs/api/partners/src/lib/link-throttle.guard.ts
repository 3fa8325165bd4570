import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, type ThrottlerStorage } from '@nestjs/throttler';
import { createHash } from 'node:crypto';

export const PARTNER_LINK_THROTTLE_STORAGE = Symbol('PARTNER_LINK_THROTTLE_STORAGE');
const WINDOW_MS = 15 * 60 * 1000;
/** Requests per link (and client IP) per 15 minutes: a partner filling in the page needs a few dozen. */
export const LINK_REQUESTS_PER_WINDOW = 60;
/** Requests per client IP per 15 minutes over all links (guessing tokens or addresses). */
export const IP_REQUESTS_PER_WINDOW = 300;

function linkOf(req: Record<string, unknown>): string {
  const params = (req['params'] ?? {}) as Record<string, unknown>;
  const token = params['token'] ?? params['receiptToken'];
  // Keys carry a hash: the token never reaches the rate-limit table.
  return createHash('sha256')
    .update(String(token ?? ''))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Rate limit of the login-free partner-check routes, in the login throttle's way: counters in PostgreSQL
 * (DatabaseThrottlerStorage), shared by every API replica; per link and IP, and per IP over all links.
 */
@Injectable()
export class PartnerLinkThrottleGuard extends ThrottlerGuard {
  // Both explicit: ThrottlerGuard's own parameter metadata (options, storage, reflector) would fill the gaps.
  constructor(
    @Inject(Reflector) reflector: Reflector,
    @Inject(PARTNER_LINK_THROTTLE_STORAGE) storage: ThrottlerStorage,
  ) {
    super(
      {
        errorMessage: 'errors.partner.link.rateLimited',
        throttlers: [
          { name: 'partner-link-ip', ttl: WINDOW_MS, limit: IP_REQUESTS_PER_WINDOW },
          {
            name: 'partner-link',
            ttl: WINDOW_MS,
            limit: LINK_REQUESTS_PER_WINDOW,
            getTracker: (req) => `${linkOf(req)}:${String(req['ip'])}`,
          },
        ],
      },
      storage,
      reflector,
    );
  }

  // One budget for all routes of a link (opening, uploading, submitting).
  protected override generateKey(_context: ExecutionContext, suffix: string): string {
    return `partner-link:${suffix}`;
  }
}
