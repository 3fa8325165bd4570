import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, type ThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '@scs/api/core';
import { accountKey } from './login-backoff.service';

export const LOGIN_THROTTLE_STORAGE = Symbol('LOGIN_THROTTLE_STORAGE');
const WINDOW_MS = 15 * 60 * 1000;
// Offices and chamber events share one public IP, so the per-IP budget is wider than the per-account one.
const IP_FACTOR = 5;

function emailOf(req: Record<string, unknown>): string | undefined {
  const email = (req['body'] as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : undefined;
}

/**
 * Rate limit for login, registration and password-reset requests: LOGIN_RATE_LIMIT attempts per (account, client IP)
 * and 5× that per client IP, each per 15 minutes and per route. Never per account alone: whoever knows an address
 * could otherwise lock its owner out. Wrong passwords add an exponential backoff (LoginBackoffService). Keys name
 * the route and a hash of the address, so a password reset can clear them. Counters live in PostgreSQL
 * (DatabaseThrottlerStorage), so all API replicas share one budget.
 */
@Injectable()
export class LoginThrottleGuard extends ThrottlerGuard {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGIN_THROTTLE_STORAGE) storage: ThrottlerStorage,
    reflector: Reflector,
  ) {
    super(
      {
        errorMessage: 'errors.rateLimited.login', // a message key: the exception filter translates it
        throttlers: [
          { name: 'per-ip', ttl: WINDOW_MS, limit: config.loginRateLimit * IP_FACTOR },
          {
            name: 'per-account-ip',
            ttl: WINDOW_MS,
            limit: config.loginRateLimit,
            getTracker: (req) => `${accountKey(emailOf(req) ?? '')}:${String(req['ip'])}`,
          },
        ],
      },
      storage,
      reflector,
    );
  }

  protected override generateKey(context: ExecutionContext, suffix: string): string {
    return `${context.getHandler().name}:${suffix}`;
  }
}
