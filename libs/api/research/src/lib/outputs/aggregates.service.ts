import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogueService } from '@scs/api/catalogue';
import { APP_CONFIG, type AppConfig } from '@scs/api/core';
import { AggregateEngine } from './engine';

const REFRESH_LOCK = 764_600_001; // pg advisory lock id: one refresher at a time across replicas
const DEBOUNCE_MS = 2000;
const SWEEP_MS = 60_000;

/**
 * Keeps research.aggregate_cache in step with research.record without slowing down submissions: a write marks its wave
 * dirty (in the writer's transaction); a debounced background refresh (and a periodic sweep, for writes of other
 * replicas) recomputes the dirty waves under an advisory lock.
 */
@Injectable()
export class AggregatesService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AggregatesService.name);
  readonly engine: AggregateEngine;
  private timer?: NodeJS.Timeout;
  private sweep?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    catalogues: CatalogueService,
  ) {
    this.engine = new AggregateEngine(dataSource, {
      k: config.researchK,
      catalogues: { get: async (v) => (await catalogues.get(v))?.catalogue },
    });
  }

  onModuleInit(): void {
    if (this.config.role === 'api' || this.config.env === 'test') return;
    this.sweep = setInterval(() => this.requestRefresh(0), SWEEP_MS);
    this.sweep.unref();
  }

  onApplicationShutdown(): void {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.sweep);
  }

  async markDirty(wave: string, m: EntityManager = this.dataSource.manager): Promise<void> {
    await m.query(
      `INSERT INTO "research"."aggregate_state" ("wave", "dirty", "generation") VALUES ($1, true, 0) ON CONFLICT ("wave") DO UPDATE SET "dirty" = true`,
      [wave],
    );
  }

  /** Schedules a refresh (coalescing bursts of submissions); never throws into the caller. */
  requestRefresh(delay = DEBOUNCE_MS): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.refreshDirty().catch((e: unknown) =>
        this.logger.error({ err: e instanceof Error ? e.message : e }, 'Research aggregate refresh failed'),
      );
    }, delay);
    this.timer.unref();
  }

  /** Recomputes the dirty waves now (tests and the admin CLI await this; the app calls it in the background). */
  async refreshDirty(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.refreshOnce().finally(() => {
      this.running = null;
    });
    await this.running;
    if (this.again) {
      this.again = false;
      await this.refreshDirty();
    }
  }

  private async refreshOnce(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_lock($1) AS "locked"`, [REFRESH_LOCK])) as [
        { locked: boolean },
      ];
      if (!locked) {
        this.requestRefresh(); // another replica is refreshing; look again later
        return;
      }
      try {
        // TypeORM answers an UPDATE … RETURNING with [rows, affected].
        const [rows] = (await this.dataSource.query(
          `UPDATE "research"."aggregate_state" SET "dirty" = false, "generation" = "generation" + 1 WHERE "dirty" RETURNING "wave"`,
        )) as [{ wave: string }[], number];
        if (!rows.length) return;
        const dirty = new Set(rows.map((r) => r.wave));
        try {
          const written = await this.engine.refresh(dirty);
          this.logger.log(`Research aggregates refreshed for ${[...dirty].join(', ')} (${written} outputs)`);
        } catch (e) {
          for (const wave of dirty) await this.markDirty(wave);
          throw e;
        }
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [REFRESH_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }
}
