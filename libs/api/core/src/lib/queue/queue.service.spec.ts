import { Logger } from '@nestjs/common';
import { loadConfig } from '../config/config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../database/embedded';
import { QueueService, type QueueJob } from './queue.service';

// pg-boss against the embedded engine (the same SQL it runs on a PostgreSQL server).
describe('QueueService', () => {
  let db: EmbeddedPostgres;
  const services: QueueService[] = [];

  async function queue(role: 'all' | 'api' | 'worker'): Promise<QueueService> {
    const service = new QueueService(
      loadConfig({ ROLE: role, NODE_ENV: 'test', REPORT_JOB_TIMEOUT_SECONDS: '5' }),
      db.url,
    );
    await service.onModuleInit();
    services.push(service);
    return service;
  }

  function waitFor<T>(check: () => T | undefined, timeoutMs = 15000): Promise<T> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const tick = () => {
        const value = check();
        if (value !== undefined) return resolve(value);
        if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
        setTimeout(tick, 50);
      };
      tick();
    });
  }

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await startEmbeddedPostgres('memory');
  }, 60000);
  afterAll(async () => {
    for (const s of services) await s.beforeApplicationShutdown();
    await db.stop();
  });

  it('runs a sent job in a process whose role works jobs', async () => {
    const q = await queue('all');
    const seen: QueueJob<{ n: number }>[] = [];
    await q.work<{ n: number }>('unit-basic', async (job) => void seen.push(job));
    await q.send('unit-basic', { n: 42 });
    const job = await waitFor(() => seen[0]);
    expect(job).toMatchObject({ queue: 'unit-basic', data: { n: 42 }, attempt: 1, finalAttempt: false });
  });

  it('retries a failing job and tells the handler which attempt is the last', async () => {
    const q = await queue('all');
    const attempts: { attempt: number; finalAttempt: boolean }[] = [];
    const definition = { retryLimit: 1, retryDelaySeconds: 1, retryBackoff: false };
    await q.work<object>(
      'unit-retry',
      async ({ attempt, finalAttempt }) => {
        attempts.push({ attempt, finalAttempt });
        throw new Error('transient');
      },
      { definition },
    );
    await q.send('unit-retry', {}, definition);
    await waitFor(() => (attempts.length === 2 ? true : undefined));
    expect(attempts).toEqual([
      { attempt: 1, finalAttempt: false },
      { attempt: 2, finalAttempt: true },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await q.getQueueStats('unit-retry')).toMatchObject({ ready: 0, deferred: 0, active: 0, failed: 1 });
  });

  it('only enqueues in an API-only process', async () => {
    const api = await queue('api');
    let calls = 0;
    expect(await api.work('unit-api-only', async () => void calls++)).toBe(false);
    await api.send('unit-api-only', { x: 1 });
    await new Promise((r) => setTimeout(r, 1200));
    expect(calls).toBe(0);
    expect(await api.getQueueStats('unit-api-only')).toMatchObject({ ready: 1, active: 0 });

    // A worker process on the same database picks it up.
    const worker = await queue('worker');
    const seen: unknown[] = [];
    await worker.work('unit-api-only', async (job) => void seen.push(job.data));
    await waitFor(() => seen[0]);
    expect(seen).toEqual([{ x: 1 }]);
  });
});
