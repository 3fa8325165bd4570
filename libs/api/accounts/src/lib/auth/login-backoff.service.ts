import { Injectable } from '@nestjs/common';
import { BackoffCounters, type BackoffRule, RateLimitedError } from '@scs/api/core';
import type { EntityManager } from 'typeorm';
import { sha256 } from './crypto';

// Failed sign-ins per (account, client IP) that cost nothing; each further one doubles the wait, up to 15 minutes.
// A (account, IP) pair forgets its failures a day after the last one.
const RULE: BackoffRule = { free: 5, maxDelayMs: 15 * 60 * 1000, memoryMs: 24 * 60 * 60 * 1000 };

/** The part of a rate_limit key that names an account (hashed: the table is not a list of addresses). */
export function accountKey(email: string): string {
  return `acct-${sha256(email.trim().toLowerCase()).slice(0, 32)}`;
}

/**
 * Exponential backoff for wrong passwords, per (account, client IP), in the shared `rate_limit` table. An attacker
 * slows down only their own address: the owner signing in from elsewhere is never locked out, and a password reset
 * clears every counter of the account (`forgetAccount`).
 */
@Injectable()
export class LoginBackoffService {
  constructor(private readonly counters: BackoffCounters) {}

  private key(email: string, ip: string | null | undefined): string {
    return `login-backoff:${accountKey(email)}:${ip ?? 'unknown'}`;
  }

  /** 429 while this (account, IP) has to wait. */
  async assertAllowed(email: string, ip: string | null | undefined): Promise<void> {
    const waitMs = await this.counters.waitMs(this.key(email, ip));
    if (waitMs !== null) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new RateLimitedError('errors.auth.backoff', { seconds }, { details: { retryAfterSeconds: seconds } });
    }
  }

  async failed(email: string, ip: string | null | undefined): Promise<void> {
    await this.counters.failed(this.key(email, ip), RULE);
  }

  async succeeded(email: string, ip: string | null | undefined): Promise<void> {
    await this.counters.clear(this.key(email, ip));
  }

  /** Clears every counter of the account (backoff and request throttles, from every address): after a password reset. */
  async forgetAccount(email: string, manager?: EntityManager): Promise<void> {
    await this.counters.clearContaining(accountKey(email), manager);
  }
}
