import { Injectable } from '@nestjs/common';
import { RateLimitedError } from '@scs/api/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { sha256 } from './crypto';

// Failed sign-ins per (account, client IP) that cost nothing; each further one doubles the wait, up to 15 minutes.
const FREE_FAILURES = 5;
const MAX_DELAY_MS = 15 * 60 * 1000;
// A (account, IP) pair forgets its failures a day after the last one.
const MEMORY_MS = 24 * 60 * 60 * 1000;

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private key(email: string, ip: string | null | undefined): string {
    return `login-backoff:${accountKey(email)}:${ip ?? 'unknown'}`;
  }

  /** 429 while this (account, IP) has to wait. */
  async assertAllowed(email: string, ip: string | null | undefined): Promise<void> {
    const rows: { wait_ms: string }[] = await this.dataSource.query(
      `SELECT (extract(epoch FROM ("blocked_until" - now())) * 1000)::bigint AS wait_ms FROM "rate_limit" WHERE "key" = $1 AND "blocked_until" > now()`,
      [this.key(email, ip)],
    );
    if (rows[0]) {
      const seconds = Math.max(1, Math.ceil(Number(rows[0].wait_ms) / 1000));
      throw new RateLimitedError('errors.auth.backoff', { seconds }, { details: { retryAfterSeconds: seconds } });
    }
  }

  async failed(email: string, ip: string | null | undefined): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "rate_limit" AS r ("key", "hits", "window_ends_at", "blocked_until") VALUES ($1, 1, now() + $2 * interval '1 millisecond', NULL)
       ON CONFLICT ("key") DO UPDATE SET
         "hits" = CASE WHEN r."window_ends_at" <= now() THEN 1 ELSE r."hits" + 1 END,
         "window_ends_at" = EXCLUDED."window_ends_at",
         "blocked_until" = CASE WHEN r."window_ends_at" > now() AND r."hits" + 1 > $3
                                THEN now() + LEAST($4::bigint, (1000 * 2 ^ LEAST(r."hits" + 1 - $3, 30))::bigint) * interval '1 millisecond' END`,
      [this.key(email, ip), MEMORY_MS, FREE_FAILURES, MAX_DELAY_MS],
    );
  }

  async succeeded(email: string, ip: string | null | undefined): Promise<void> {
    await this.dataSource.query(`DELETE FROM "rate_limit" WHERE "key" = $1`, [this.key(email, ip)]);
  }

  /** Clears every counter of the account (backoff and request throttles, from every address): after a password reset. */
  async forgetAccount(email: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM "rate_limit" WHERE position($1 in "key") > 0`, [accountKey(email)]);
  }
}
