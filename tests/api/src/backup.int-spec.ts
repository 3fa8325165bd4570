import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { loginUser, registerUser, startTestApp, type TestApp, type TestUser } from './support/app';
import { adminQuery, TEST_DATABASE_URL, withDatabase } from './support/database';
import { submitAssessmentViaApi } from './support/workflow';

const run = promisify(execFile);

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

// tools/db/backup.sh and tools/db/restore.sh (pg_dump -Fc / pg_restore) against this run's database.
describe('backup and restore (pg_dump / pg_restore scripts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scs-backup-'));
  const dump = join(dir, 'scs.dump');
  const restoredName = `${process.env['SCS_IT_DATABASE']}_restored`;
  const restoredUrl = withDatabase(TEST_DATABASE_URL, restoredName);
  const sourceUrl = process.env['SCS_IT_DATABASE_URL'] as string;
  let source: TestApp;
  let restored: TestApp | undefined;
  let officer: TestUser;
  let assessmentId: string;
  let result: { score: number; level: string };

  beforeAll(async () => {
    source = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    officer = await registerUser(source.url, {
      email: 'backup-officer@firm.example',
      firmName: 'Backup Firm GmbH',
      password: 'Sicherung-2026-Pferd!',
    });
    assessmentId = await submitAssessmentViaApi(officer.http, officer.orgId, 'Backup Firm GmbH', 1);
    const res = await officer.http.get<{ score: number; level: string }>(`/api/assessments/${assessmentId}/result`);
    expect(res.status).toBe(200);
    expect(res.body.score).toEqual(expect.any(Number));
    result = res.body;
  }, 120000);

  afterAll(async () => {
    await restored?.close();
    await source.close();
    await adminQuery(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs the database up into one custom-format archive', async () => {
    const { stdout } = await run('sh', ['tools/db/backup.sh', dump], {
      env: { ...process.env, DATABASE_URL: sourceUrl },
    });
    expect(stdout).toMatch(/db-backup: wrote .*scs\.dump \(\d+ bytes, \d+ archive entries\)/);
    expect(statSync(dump).size).toBeGreaterThan(10_000);
    const { stdout: list } = await run('pg_restore', ['--list', dump]);
    for (const entry of [
      'TABLE DATA public migrations',
      'TABLE DATA public assessment_answer',
      'SCHEMA - pgboss',
      'SCHEMA - research',
    ])
      expect(list).toContain(entry);
  });

  it('refuses a target database that already holds data', async () => {
    await expect(run('sh', ['tools/db/restore.sh', dump, sourceUrl])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is not empty'),
    });
  });

  it('restores into a new database with the same data and the complete migrations table', async () => {
    const { stdout } = await run('sh', ['tools/db/restore.sh', dump, restoredUrl]);
    expect(stdout).toContain(`created database ${restoredName}`);
    expect(stdout).toMatch(/restored .* \(\d+ migrations recorded\)/);

    const migrationsSql = 'SELECT "timestamp", name FROM migrations ORDER BY id';
    const before = await query<{ name: string }>(sourceUrl, migrationsSql);
    expect(await query(restoredUrl, migrationsSql)).toEqual(before);
    expect(before.length).toBe(source.dataSource.migrations.length);

    const answersSql =
      'SELECT question_id, option_id, revision FROM assessment_answer WHERE assessment_id = $1 ORDER BY question_id';
    const answers = await query(sourceUrl, answersSql, [assessmentId]);
    expect(answers.length).toBeGreaterThan(20);
    expect(await query(restoredUrl, answersSql, [assessmentId])).toEqual(answers);
    const userSql = 'SELECT id, email, password_hash FROM user_account WHERE email = $1';
    expect(await query(restoredUrl, userSql, [officer.email])).toEqual(
      await query(sourceUrl, userSql, [officer.email]),
    );
  });

  it('runs the application on the restored database: no pending migration, same login, same result', async () => {
    restored = await startTestApp({ DATABASE_URL: restoredUrl, LOGIN_RATE_LIMIT: '1000' });
    expect(await restored.dataSource.showMigrations()).toBe(false);
    const health = await fetch(`${restored.url}/api/health`);
    expect(health.status).toBe(200);
    const again = await loginUser(restored.url, officer.email, 'Sicherung-2026-Pferd!');
    const res = await again.http.get<{ score: number; level: string }>(`/api/assessments/${assessmentId}/result`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(result);
  });
});
