import { Client } from 'pg';
import { readFileSync, rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { STATE } from './global-setup';
import { TEST_DATABASE_URL } from './server';

export default async function globalTeardown(): Promise<void> {
  const proc = (globalThis as Record<string, unknown>)['__SCS_SERVER__'] as ChildProcess | undefined;
  if (proc && proc.exitCode === null) {
    proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
  const mailbox = (globalThis as Record<string, unknown>)['__SCS_MAILBOX__'] as
    | { close: () => Promise<void> }
    | undefined;
  await mailbox?.close();
  const { name } = JSON.parse(readFileSync(STATE, 'utf8')) as { name: string };
  rmSync(STATE, { force: true });
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
