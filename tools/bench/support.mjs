// Shared helpers for benchmark scripts: a throwaway database, the production server, statistics, result lines.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
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

/** The database of each server started here, by base URL (registerFirm reads confirmation mails from its outbox). */
export const databaseOf = new Map();

/**
 * Opens the confirmation link that registration mailed to `email` (read from the server's mail outbox), like its owner
 * would: the address is confirmed and `client` signed in. Returns the verify-email response body.
 */
export async function confirmEmail(client, base, email) {
  // Through a proxy (scale-out): the one database every known process uses.
  const known = new Set(databaseOf.values());
  const url = databaseOf.get(base) ?? (known.size === 1 ? [...known][0] : undefined);
  if (!url) throw new Error(`no database known for ${base} (start it with startServer or register it in databaseOf)`);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const rows = (
      await db.query(
        `SELECT "text" FROM "mail_outbox" WHERE "to" = $1 AND "text" LIKE '%/verify-email/%' ORDER BY "created_at" DESC LIMIT 1`,
        [email.trim().toLowerCase()],
      )
    ).rows;
    const token = /\/verify-email\/([A-Za-z0-9_-]+)/.exec(rows[0]?.text ?? '')?.[1];
    if (!token) throw new Error(`no confirmation mail to ${email}`);
    const res = await client.req('POST', '/api/auth/verify-email', { token });
    if (res.status !== 200) throw new Error(`verify ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  } finally {
    await db.end();
  }
}

/**
 * Starts dist/apps/api/main.js (build first) and resolves when /api/health answers; `nodeArgs` go before it.
 * `options.cpus` (e.g. '0' or '0-2') runs it under `taskset -c` on those cores only (Linux); `options.pollMs` is how
 * often health is asked while it starts (250 ms).
 */
export async function startServer(env, nodeArgs = [], options = {}) {
  // BENCH_API_MAIN: another build of the server (e.g. an older commit's, to compare before and after in one run).
  const main = process.env.BENCH_API_MAIN ?? join(ROOT, 'dist/apps/api/main.js');
  if (!existsSync(main)) throw new Error('Build first: npx nx run-many -t build -p api web');
  const port = await freePort();
  const command = [process.execPath, ...nodeArgs, main];
  if (options.cpus) command.unshift('taskset', '-c', options.cpus); // taskset execs node: same pid
  const proc = spawn(command[0], command.slice(1), {
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
  if (env.DATABASE_URL) databaseOf.set(url, env.DATABASE_URL);
  const pollMs = options.pollMs ?? 250;
  for (const until = Date.now() + 180_000; Date.now() < until; ) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, proc, stop: () => stop(proc) };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, pollMs));
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

/** The 1-minute load average and core count, recorded next to every figure (a shared machine skews them). */
export function loadNote() {
  return `load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
}

/**
 * The autosave table of issue 18, one row per client count: the API against the bare handler of the same run.
 * `rows`: { clients, apiRps, bareRps, apiP50, apiP99, bareP50, bareP99, errors, load, apiCpuMs }.
 */
export function autosaveTable(rows) {
  const n = (v) => Math.round(v).toLocaleString('en-US');
  const lines = [
    '| clients | API req/s | bare req/s | ratio | API p50 / p99 | bare p50 / p99 | API CPU per save | conditions |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.clients} | ${n(r.apiRps)} | ${n(r.bareRps)} | ${(r.apiRps / r.bareRps).toFixed(2)} | ${n(r.apiP50)} / ${n(r.apiP99)} ms | ${n(r.bareP50)} / ${n(r.bareP99)} ms | ${Number.isFinite(r.apiCpuMs) ? `${r.apiCpuMs.toFixed(2)} ms` : '–'} | ${r.load}${r.errors ? `, ${r.errors} errors` : ''} |`,
    );
  return lines.join('\n');
}

export function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, min: s[0], median: q(0.5), p99: q(0.99), max: s[s.length - 1] };
}

/** One machine-readable result line; tools/bench/run-all.mjs collects these into one table. */
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
    return { status: res.status, body: json, headers: res.headers };
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
  if (reg.status !== 202) throw new Error(`register ${reg.status}: ${JSON.stringify(reg.body)}`);
  const { orgId } = await confirmEmail(c, base, email);
  const put = await c.req('PUT', `/api/orgs/${orgId}/profile`, { name: `Bench Firm ${i}`, ...PROFILE });
  if (put.status !== 200) throw new Error(`profile ${put.status}: ${JSON.stringify(put.body)}`);
  return { client: c, orgId, email };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; NaN elsewhere or when it is gone). */
export function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in USER_HZ ticks
  } catch {
    return NaN;
  }
}

/** Busy and total CPU seconds of the whole machine so far, from /proc/stat (all cores together). */
export function machineCpuSeconds() {
  try {
    const [cpu] = readFileSync('/proc/stat', 'latin1').split('\n');
    const t = cpu.trim().split(/\s+/).slice(1).map(Number);
    const total = t.reduce((a, b) => a + b, 0);
    const idle = (t[3] ?? 0) + (t[4] ?? 0); // idle + iowait
    return { busy: (total - idle) / 100, total: total / 100 };
  } catch {
    return { busy: NaN, total: NaN };
  }
}
