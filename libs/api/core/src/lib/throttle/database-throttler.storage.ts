import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

// Expired rows are removed now and then (every this many increments of a process), not on every request.
const SWEEP_EVERY = 500;

/**
 * Rate-limit counters in PostgreSQL (table `rate_limit`), so that every API replica counts against the same budget.
 * A fixed window per key: the first hit opens a window of `ttl`; the hit that exceeds `limit` blocks the key for
 * `blockDuration`; hits while blocked are not counted; after the block a new window starts. One upsert per hit, atomic
 * per key across processes. The limit is part of the stored key: changing the configured limit starts new counters.
 */
@Injectable()
export class DatabaseThrottlerStorage implements ThrottlerStorage {
  private increments = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (++this.increments % SWEEP_EVERY === 0) void this.sweep().catch(() => undefined);
    const stored = `${throttlerName}:${limit}:${key}`;
    const rows: { hits: number; window_ms: string; blocked_ms: string | null }[] = await this.dataSource.query(
      `INSERT INTO "rate_limit" AS r ("key", "hits", "window_ends_at", "blocked_until")
       VALUES ($1, 1, now() + $2 * interval '1 millisecond', NULL)
       ON CONFLICT ("key") DO UPDATE SET
         "hits" = CASE WHEN r."blocked_until" > now() THEN r."hits"
                       WHEN r."blocked_until" IS NOT NULL OR r."window_ends_at" <= now() THEN 1
                       ELSE r."hits" + 1 END,
         "window_ends_at" = CASE WHEN r."blocked_until" > now() THEN r."window_ends_at"
                                 WHEN r."blocked_until" IS NOT NULL OR r."window_ends_at" <= now() THEN EXCLUDED."window_ends_at"
                                 ELSE r."window_ends_at" END,
         "blocked_until" = CASE WHEN r."blocked_until" > now() THEN r."blocked_until" END
       RETURNING "hits",
                 (extract(epoch FROM ("window_ends_at" - now())) * 1000)::bigint AS window_ms,
                 (extract(epoch FROM ("blocked_until" - now())) * 1000)::bigint AS blocked_ms`,
      [stored, ttl],
    );
    const windowMs = rows[0].window_ms;
    let blockedMs = rows[0].blocked_ms;
    if (blockedMs === null && Number(rows[0].hits) > limit && blockDuration > 0) {
      // This hit exceeded the limit: block the key (unless another process just did).
      const blocked: { blocked_ms: string }[] = await this.dataSource.query(
        `UPDATE "rate_limit" SET "blocked_until" = COALESCE("blocked_until", now() + $2 * interval '1 millisecond')
         WHERE "key" = $1 RETURNING (extract(epoch FROM ("blocked_until" - now())) * 1000)::bigint AS blocked_ms`,
        [stored, blockDuration],
      );
      blockedMs = blocked[0]?.blocked_ms ?? String(blockDuration);
    }
    const isBlocked = blockedMs !== null && Number(blockedMs) > 0;
    return {
      totalHits: Number(rows[0].hits),
      timeToExpire: Math.max(0, Math.ceil(Number(windowMs) / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(Number(blockedMs) / 1000) : 0,
    };
  }

  /** Removes counters whose window and block are over. */
  async sweep(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM "rate_limit" WHERE "window_ends_at" < now() AND ("blocked_until" IS NULL OR "blocked_until" < now())`,
    );
  }
}
