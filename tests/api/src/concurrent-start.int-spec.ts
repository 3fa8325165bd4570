import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startTestApp, type TestApp } from './support/app';
import { adminQuery, TEST_DATABASE_URL, withDatabase } from './support/database';

// Replicas of a new release start at the same time against an empty (or older) database: migrations run under an
// advisory lock, so one process applies each migration and the others wait and find nothing pending.
describe('processes starting at the same time on a fresh database', () => {
  const name = `${process.env['SCS_IT_DATABASE']}_concurrent_${randomUUID().slice(0, 8)}`;
  const url = withDatabase(TEST_DATABASE_URL, name);
  const apps: TestApp[] = [];

  beforeAll(() => adminQuery(`CREATE DATABASE "${name}"`));
  afterAll(async () => {
    for (const t of apps) await t.close();
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('start, migrate once and serve', async () => {
    const started = await Promise.allSettled(
      [1, 2, 3].map(() => startTestApp({ DATABASE_URL: url, LOGIN_RATE_LIMIT: '1000' })),
    );
    for (const s of started) if (s.status === 'fulfilled') apps.push(s.value);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual([
      'started',
      'started',
      'started',
    ]);

    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const rows = (
        await client.query<{ name: string; n: number }>('SELECT name, count(*)::int AS n FROM migrations GROUP BY name')
      ).rows;
      expect(rows.length).toBe(apps[0].dataSource.migrations.length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await client.end();
    }
    for (const t of apps) expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
  });
});
