import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import { Gauge, Histogram } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DATABASE_URL } from '../database/database.module';
import { MetricsRegistry } from '../metrics/metrics.module';

/** How a queue's jobs are retried and expired. Applied when the queue is declared (send or work). */
export interface QueueDefinition {
  /** Retries after the first attempt (default 2). */
  retryLimit?: number;
  /** Seconds before the first retry (default 1); doubled per retry with jitter when `retryBackoff`. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  retryDelayMaxSeconds?: number;
  /** A job active longer than this (its worker died) is failed and retried by the supervisor (default 300). */
  expireInSeconds?: number;
  /** Completed jobs are kept this long (default 7 days). */
  deleteAfterSeconds?: number;
  /** Queue that receives a copy of each job that failed for good (declared automatically). */
  deadLetter?: string;
}

/** A job as a handler sees it. */
export interface QueueJob<T> {
  id: string;
  queue: string;
  data: T;
  /** 1 for the first attempt. */
  attempt: number;
  /** No retry follows if this attempt fails. */
  finalAttempt: boolean;
  /** Aborted when the process shuts down before the handler finished. */
  signal: AbortSignal;
}

export type QueueHandler<T> = (job: QueueJob<T>) => Promise<unknown>;

export interface WorkOptions {
  /** Jobs of this queue processed at the same time by this process (default 1). */
  concurrency?: number;
  /** Idle polling interval (default 0.5 s); a worker that just finished a job fetches again at once. */
  pollingIntervalSeconds?: number;
}

export interface QueueStats {
  queue: string;
  /** Waiting to run now. */
  ready: number;
  /** Waiting for a retry delay or a start time. */
  deferred: number;
  active: number;
  /** Failed for good and still retained. */
  failed: number;
  total: number;
}

const DEFAULTS: Required<Omit<QueueDefinition, 'deadLetter' | 'retryDelayMaxSeconds'>> = {
  retryLimit: 2,
  retryDelaySeconds: 1,
  retryBackoff: true,
  expireInSeconds: 300,
  deleteAfterSeconds: 7 * 24 * 3600,
};

interface Loop {
  queue: string;
  running: Promise<void>;
  wake: () => void;
  abort: AbortController;
}

/**
 * The PostgreSQL job queue (pg-boss, schema `pgboss`, on the same database as the application).
 * Every role can send; only processes whose role is `all` or `worker` run handlers, so API-only replicas enqueue
 * and separately scaled workers render. Workers pull jobs one at a time per concurrency slot and fetch the next one
 * immediately after finishing, so a backlog drains without polling gaps.
 */
@Injectable()
export class QueueService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private readonly boss: PgBoss;
  private readonly declared = new Map<string, Promise<void>>();
  private readonly loops: Loop[] = [];
  private started?: Promise<void>;
  private stopping = false;
  private readonly jobDuration?: Histogram<'queue' | 'outcome'>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) databaseUrl: string,
    @Optional() @Inject(MetricsRegistry) metrics?: MetricsRegistry,
  ) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: 'pgboss',
      // The embedded engine runs one session for all connections: keep pg-boss to one of them.
      max: config.databaseUrl ? 4 : 1,
      application_name: `scs-${config.role}`,
      instanceName: `scs-${config.role}`,
      openTelemetry: { enabled: false },
    });
    this.boss.on('error', (e: Error) => this.logger.error(`Queue error: ${e.message}`));
    if (metrics) this.jobDuration = this.registerMetrics(metrics);
  }

  /** Job durations (handlers run here) and the depth of every queue this process knows, read at scrape time. */
  private registerMetrics(metrics: MetricsRegistry): Histogram<'queue' | 'outcome'> {
    const depths = () => this.getQueueDepths([...this.declared.keys()].sort());
    const logger = this.logger;
    new Gauge({
      name: 'job_queue_depth',
      help: 'Jobs per queue and state (ready, deferred, active, failed), shared by all processes on the database',
      labelNames: ['queue', 'state'],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        try {
          for (const s of await depths()) {
            for (const state of ['ready', 'deferred', 'active', 'failed'] as const)
              this.set({ queue: s.queue, state }, s[state]);
          }
        } catch (e) {
          // The database is unreachable: no queue depth in this scrape (health reports the outage).
          logger.debug(`Queue depth unavailable: ${(e as Error).message}`);
        }
      },
    });
    return new Histogram({
      name: 'job_duration_seconds',
      help: 'Duration of job handlers in this process by queue and outcome (completed, failed)',
      labelNames: ['queue', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120],
      registers: [metrics.registry],
    });
  }

  /** Whether this process runs job handlers (role `all` or `worker`). */
  get runsWorkers(): boolean {
    return this.config.role === 'all' || this.config.role === 'worker';
  }

  onModuleInit(): Promise<void> {
    return this.start();
  }

  private start(): Promise<void> {
    this.started ??= this.boss.start().then(() => undefined);
    return this.started;
  }

  /** Creates the queue if it does not exist and applies the definition's retry and expiry settings. */
  declare(queue: string, definition: QueueDefinition = {}): Promise<void> {
    let done = this.declared.get(queue);
    if (!done) {
      done = this.createQueue(queue, definition);
      done.catch(() => this.declared.delete(queue));
      this.declared.set(queue, done);
    }
    return done;
  }

  private async createQueue(queue: string, d: QueueDefinition): Promise<void> {
    await this.start();
    if (d.deadLetter) await this.declare(d.deadLetter, { retryLimit: 5, retryBackoff: true });
    const options = {
      retryLimit: d.retryLimit ?? DEFAULTS.retryLimit,
      retryDelay: d.retryDelaySeconds ?? DEFAULTS.retryDelaySeconds,
      retryBackoff: d.retryBackoff ?? DEFAULTS.retryBackoff,
      ...(d.retryDelayMaxSeconds ? { retryDelayMax: d.retryDelayMaxSeconds } : {}),
      expireInSeconds: d.expireInSeconds ?? DEFAULTS.expireInSeconds,
      deleteAfterSeconds: d.deleteAfterSeconds ?? DEFAULTS.deleteAfterSeconds,
      ...(d.deadLetter ? { deadLetter: d.deadLetter } : {}),
    };
    await this.boss.createQueue(queue, options);
    // createQueue keeps an existing queue as it is: bring its settings up to date with this release.
    await this.boss.updateQueue(queue, options);
  }

  /** Enqueues a job; returns its id. The queue is declared on first use. */
  async send<T extends object>(queue: string, data: T, definition?: QueueDefinition): Promise<string> {
    await this.declare(queue, definition);
    const id = await this.boss.send(queue, data);
    if (!id) throw new Error(`Queue ${queue} did not accept the job`);
    // A local worker that is idle picks the job up now instead of at its next poll.
    this.loops.find((l) => l.queue === queue)?.wake();
    return id;
  }

  /**
   * Sends a job to `queue` on a cron schedule (UTC), once across all processes (pg-boss keeps one schedule per queue
   * and its clock monitor sends each due job once). Calling it again updates the schedule.
   */
  async schedule<T extends object>(queue: string, cron: string, data: T, definition?: QueueDefinition): Promise<void> {
    await this.declare(queue, definition);
    await this.boss.schedule(queue, cron, data, { tz: 'UTC' });
  }

  /**
   * Runs `handler` for each job of `queue` in this process, when its role runs workers; returns whether it does.
   * A handler that throws fails the attempt: the job is retried per the queue definition until its retries are used up.
   */
  async work<T>(
    queue: string,
    handler: QueueHandler<T>,
    options: WorkOptions & { definition?: QueueDefinition } = {},
  ): Promise<boolean> {
    await this.declare(queue, options.definition);
    if (!this.runsWorkers) {
      this.logger.log(`Role ${this.config.role}: jobs of ${queue} are left to worker processes`);
      return false;
    }
    if (this.stopping) return false;
    const concurrency = Math.max(1, options.concurrency ?? 1);
    const pollMs = Math.max(500, (options.pollingIntervalSeconds ?? 0.5) * 1000);
    for (let i = 0; i < concurrency; i++) this.startLoop(queue, handler, pollMs);
    this.logger.log(`Working ${queue} with ${concurrency} slot(s)`);
    return true;
  }

  private startLoop<T>(queue: string, handler: QueueHandler<T>, pollMs: number): void {
    const abort = new AbortController();
    let wake: () => void = () => undefined;
    const idle = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          wake = () => undefined;
          resolve();
        };
      });
    const loop: Loop = { queue, running: Promise.resolve(), wake: () => wake(), abort };
    loop.running = (async () => {
      let failures = 0;
      while (!this.stopping) {
        let worked = false;
        try {
          worked = await this.runOne(queue, handler, abort.signal);
          failures = 0;
        } catch (e) {
          // The database is unreachable (or pg-boss failed): back off, up to 30 s, instead of logging every poll.
          if (failures++ === 0 || failures % 10 === 0) this.logger.error(`Queue ${queue}: ${(e as Error).message}`);
        }
        if (!worked && !this.stopping) await idle(failures ? Math.min(30_000, pollMs * 2 ** failures) : pollMs);
      }
    })();
    this.loops.push(loop);
  }

  /** Fetches and settles one job; false when the queue had none. */
  private async runOne<T>(queue: string, handler: QueueHandler<T>, signal: AbortSignal): Promise<boolean> {
    const [job] = await this.boss.fetch<T>(queue, { batchSize: 1, includeMetadata: true });
    if (!job) return false;
    const attempt = { id: job.id, retryCount: job.retryCount };
    let observe = this.jobDuration?.startTimer({ queue });
    const observed = (outcome: 'completed' | 'failed') => {
      observe?.({ outcome });
      observe = undefined;
    };
    try {
      const output = await handler({
        id: job.id,
        queue,
        data: job.data,
        attempt: job.retryCount + 1,
        finalAttempt: job.retryCount >= job.retryLimit,
        signal,
      });
      observed('completed');
      await this.boss.complete(queue, attempt, output && typeof output === 'object' ? output : null);
    } catch (e) {
      observed('failed');
      const message = e instanceof Error ? e.message : String(e);
      await this.boss.fail(queue, attempt, { message });
    }
    return true;
  }

  /** Current depth of a queue, for metrics and health. */
  async getQueueStats(queue: string): Promise<QueueStats> {
    return (await this.getQueueDepths([queue]))[0];
  }

  /**
   * Depth of several queues, counted now in one statement (pg-boss's own statistics may be up to a minute old).
   * Failed and completed jobs are counted only while pg-boss retains them.
   */
  async getQueueDepths(queues: string[]): Promise<QueueStats[]> {
    await this.start();
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT name,
              count(*) FILTER (WHERE state < 'active' AND start_after <= now()) AS ready,
              count(*) FILTER (WHERE state < 'active' AND start_after > now()) AS deferred,
              count(*) FILTER (WHERE state = 'active') AS active,
              count(*) FILTER (WHERE state = 'failed') AS failed,
              count(*) AS total
         FROM pgboss.job WHERE name = ANY($1::text[]) GROUP BY name`,
      [queues],
    );
    const byName = new Map((rows as Record<string, string>[]).map((r) => [r['name'], r]));
    return queues.map((queue) => {
      const r = byName.get(queue);
      const n = (k: string) => Number(r?.[k] ?? 0);
      return {
        queue,
        ready: n('ready'),
        deferred: n('deferred'),
        active: n('active'),
        failed: n('failed'),
        total: n('total'),
      };
    });
  }

  /** Lets running handlers finish (aborting them after a grace period), then stops pg-boss. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const loop of this.loops) loop.wake();
    const grace = (this.config.reportJobTimeoutSeconds + 5) * 1000;
    let timer: NodeJS.Timeout | undefined;
    const finished = Promise.all(this.loops.map((l) => l.running));
    const timedOut = await Promise.race([
      finished.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), grace))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      this.logger.warn('Jobs still running at shutdown were aborted; they will be retried after they expire');
      for (const loop of this.loops) loop.abort.abort();
    }
    if (this.started) {
      await this.started.catch(() => undefined);
      await this.boss.stop({ graceful: true, close: true, timeout: 5000 });
    }
  }
}
