import { Client } from 'pg';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { databaseUrl, startServer, TEST_DATABASE_URL } from './server';
import { startMailbox } from './mailbox';

const STATE = join(tmpdir(), `scs-e2e-${process.ppid}.json`);

// One fresh database and one production server per run; tests read the URL from process.env.
export default async function globalSetup(): Promise<void> {
  const name = `scs_e2e_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const mailbox = await startMailbox();
  (globalThis as Record<string, unknown>)['__SCS_MAILBOX__'] = mailbox;
  process.env['E2E_MAILBOX'] = mailbox.file;
  const server = await startServer({
    SMTP_URL: mailbox.url,
    DATABASE_URL: databaseUrl(name),
    JWT_SECRET: 'e2e-test-secret-0123456789abcdef0123',
    RESEARCH_PSEUDONYM_KEY: 'e2e-pseudonym-key-0123456789abcdef',
    LOGIN_RATE_LIMIT: '100',
  });
  process.env['E2E_BASE_URL'] = server.url;
  process.env['E2E_DATABASE_URL'] = databaseUrl(name);
  (globalThis as Record<string, unknown>)['__SCS_SERVER__'] = server.proc;
  writeFileSync(STATE, JSON.stringify({ name, pid: server.proc.pid }));
}
export { STATE };
