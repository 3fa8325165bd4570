// Shared helpers for benchmark scripts: a throwaway database, the production server, statistics, result lines.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const BASE_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function dbUrl(name) {
  const u = new URL(BASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createDatabase(prefix) {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  return {
    name,
    url: dbUrl(name),
    async drop() {
      const d = new pg.Client({ connectionString: BASE_URL });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await d.end();
    },
  };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts dist/apps/api/main.js (build first) and resolves when /api/health answers. */
export async function startServer(env) {
  const main = join(ROOT, 'dist/apps/api/main.js');
  if (!existsSync(main)) throw new Error('Build first: npx nx run-many -t build -p api web');
  const port = await freePort();
  const proc = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '1000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, proc, stop: () => stop(proc) };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  proc.kill('SIGKILL');
  throw new Error('server did not start');
}

function stop(proc) {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
    setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
  });
}

export function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, min: s[0], median: q(0.5), p99: q(0.99), max: s[s.length - 1] };
}

/** One machine-readable result line; tools/bench.mjs collects these into one table. */
export function report(row) {
  console.log('BENCH_RESULT ' + JSON.stringify(row));
}

/** A cookie-keeping client with the XSRF header, like the web app. */
export class Client {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
  }
  async req(method, path, body) {
    const headers = { 'content-type': 'application/json' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const x = this.cookies.get('XSRF-TOKEN');
    if (x) headers['x-xsrf-token'] = decodeURIComponent(x);
    const res = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, body: json };
  }
}

export const PROFILE = {
  legalForm: 'wfoe',
  activities: ['manufacturing', 'trading'],
  importsExports: true,
  headcountBand: '250_999',
  agencyLabour: false,
  pollutantPermit: 'yes',
  largeScaleData: 'no',
  publicProcurement: false,
  largeEnterpriseBuyer: true,
  taxRegistrationYear: 2012,
  naceSection: 'C',
  provinces: ['JS'],
  germanParent: true,
};

/** Registers a firm with a complete profile and returns a signed-in client and its org id. */
export async function registerFirm(base, i) {
  const c = new Client(base);
  const email = `bench${i}-${Date.now()}@firm${i}.example`;
  const reg = await c.req('POST', '/api/auth/register', {
    email,
    password: `Bench-Pferd-${i}-Batterie!`,
    name: `Officer ${i}`,
    firmName: `Bench Firm ${i}`,
  });
  if (reg.status !== 201) throw new Error(`register ${reg.status}: ${JSON.stringify(reg.body)}`);
  const put = await c.req('PUT', `/api/orgs/${reg.body.orgId}/profile`, { name: `Bench Firm ${i}`, ...PROFILE });
  if (put.status !== 200) throw new Error(`profile ${put.status}: ${JSON.stringify(put.body)}`);
  return { client: c, orgId: reg.body.orgId, email };
}
