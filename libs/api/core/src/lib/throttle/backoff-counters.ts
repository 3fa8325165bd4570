import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** How a backoff counter grows: `free` failures cost nothing, each further one doubles the wait up to `maxDelayMs`. */
export interface BackoffRule {
  free: number;
  maxDelayMs: number;
  /** A key forgets its failures this long after the last one. */
  memoryMs: number;
}

/**
 * Exponential backoff counters in the shared `rate_limit` table (the same key space and cleanup as
 * DatabaseThrottlerStorage, which owns the table with it): counted across API replicas, one statement per call.
 */
@Injectable()
export class BackoffCounters {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Milliseconds `key` still has to wait, or null when it may go on. */
  async waitMs(key: string): Promise<number | null> {
    const rows: { wait_ms: string }[] = await this.dataSource.query(
      `SELECT (extract(epoch FROM ("blocked_until" - now())) * 1000)::bigint AS wait_ms FROM "rate_limit" WHERE "key" = $1 AND "blocked_until" > now()`,
      [key],
    );
    return rows[0] ? Number(rows[0].wait_ms) : null;
  }

  /** Counts one failure of `key`; past the free ones it blocks the key for a doubling delay. */
  async failed(key: string, rule: BackoffRule): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "rate_limit" AS r ("key", "hits", "window_ends_at", "blocked_until") VALUES ($1, 1, now() + $2 * interval '1 millisecond', NULL)
       ON CONFLICT ("key") DO UPDATE SET
         "hits" = CASE WHEN r."window_ends_at" <= now() THEN 1 ELSE r."hits" + 1 END,
         "window_ends_at" = EXCLUDED."window_ends_at",
         "blocked_until" = CASE WHEN r."window_ends_at" > now() AND r."hits" + 1 > $3
                                THEN now() + LEAST($4::bigint, (1000 * 2 ^ LEAST(r."hits" + 1 - $3, 30))::bigint) * interval '1 millisecond' END`,
      [key, rule.memoryMs, rule.free, rule.maxDelayMs],
    );
  }

  /** Forgets the counter of `key`. */
  async clear(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM "rate_limit" WHERE "key" = $1`, [key]);
  }

  /** Forgets every counter (backoff and request throttles) whose key contains `part`. */
  async clearContaining(part: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM "rate_limit" WHERE position($1 in "key") > 0`, [part]);
  }
}
