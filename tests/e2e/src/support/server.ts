import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../../../..');
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export function databaseUrl(name: string): string {
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Starts the production build (dist/apps/api/main.js, which serves the web app) and waits until it is healthy. */
export async function startServer(
  env: Record<string, string>,
): Promise<{ url: string; proc: ChildProcess; log: () => string }> {
  const main = join(ROOT, 'dist/apps/api/main.js');
  if (!existsSync(main))
    throw new Error('dist/apps/api/main.js is missing: build api and web first (nx run e2e:test does)');
  const port = await freePort();
  let output = '';
  const proc = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d) => (output += d));
  proc.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // A machine shared by many builds can take longer to migrate a fresh database: E2E_START_TIMEOUT_MS raises the wait.
  const startTimeout = Number(process.env['E2E_START_TIMEOUT_MS'] ?? 60000);
  const deadline = Date.now() + startTimeout;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, proc, log: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  proc.kill('SIGKILL');
  throw new Error(`server did not become healthy within ${startTimeout / 1000} s:\n${output}`);
}
