#!/usr/bin/env node
// Fault test: PostgreSQL is stopped while officers autosave, then started again. Expected: while it is down,
// requests fail fast with 503 and /api/health reports the database down; after it is back the app recovers by
// itself within seconds (no restart), and no answer the server acknowledged is lost.
// Runs its own throwaway cluster (initdb as the postgres user), so the shared server is never touched.
// Usage: node tests/faults/pg-restart.fault.mjs [--officers 10]
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Client, freePort, registerFirm, report, startServer, stats } from '../../tools/bench/support.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const OFFICERS = arg('officers', 10);
const versions = readdirSync('/usr/lib/postgresql').sort();
const bin = `/usr/lib/postgresql/${versions[versions.length - 1]}/bin`;
const dir = mkdtempSync(join(tmpdir(), 'scs-pgfault-'));
chownSync(
  dir,
  Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
  Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
);
const port = await freePort();
const asPostgres = (cmd) => execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { stdio: 'pipe' }).toString();
const pgStart = () =>
  asPostgres(
    `${bin}/pg_ctl -D ${dir}/data -l ${dir}/pg.log -w -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off" start`,
  );
const pgStop = () => asPostgres(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop`);

asPostgres(`${bin}/initdb -D ${dir}/data -U postgres --auth=trust -E UTF8 >/dev/null`);
pgStart();
const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
const server = await startServer({
  DATABASE_URL: url,
  JWT_SECRET: 'fault-secret-0123456789abcdef0123456789ab',
  LOGIN_RATE_LIMIT: '1000',
});
let failed = false;
try {
  const firms = await Promise.all(Array.from({ length: OFFICERS }, (_, i) => registerFirm(server.url, i)));
  const catalogue = (await firms[0].client.req('GET', '/api/catalogue')).body;
  const questions = catalogue.questions.filter((q) => !q.applicability);
  const acks = new Map();
  const outage = { statuses: new Map(), latencies: [] };
  let phase = 'before';
  let stop = false;
  const workers = firms.map(async (f, idx) => {
    const a = await f.client.req('POST', `/api/orgs/${f.orgId}/assessments`, {});
    const id = a.body.id;
    const mine = new Map();
    acks.set(id, mine);
    let n = idx;
    while (!stop) {
      const q = questions[n++ % questions.length];
      const optionId = q.options[n % q.options.length].id;
      const t0 = performance.now();
      const startedIn = phase; // a request answered just after the stop may have committed before it
      let res;
      try {
        res = await f.client.req('PUT', `/api/assessments/${id}/answers`, {
          answers: [{ questionId: q.id, optionId, baseRevision: mine.get(q.id)?.revision ?? 0 }],
        });
      } catch {
        res = { status: 0 };
      }
      if (startedIn === 'down') {
        outage.latencies.push(performance.now() - t0);
        outage.statuses.set(res.status, (outage.statuses.get(res.status) ?? 0) + 1);
      }
      if (res.status === 200) mine.set(q.id, { optionId, revision: res.body.saved[0].revision });
      await new Promise((r) => setTimeout(r, 20));
    }
  });

  await new Promise((r) => setTimeout(r, 3000));
  console.log('stopping PostgreSQL ...');
  pgStop();
  phase = 'down';
  await new Promise((r) => setTimeout(r, 1500));
  const health = await fetch(`${server.url}/api/health`);
  const healthBody = await health.json();
  console.log(`health while down: ${health.status} ${JSON.stringify(healthBody.details ?? healthBody.error)}`);
  await new Promise((r) => setTimeout(r, 3000));
  console.log('starting PostgreSQL again ...');
  pgStart();
  phase = 'recovering';
  const t0 = Date.now();
  let recoveredMs = null;
  while (Date.now() - t0 < 30000) {
    const h = await fetch(`${server.url}/api/health`).catch(() => null);
    const probe = await firms[0].client.req('GET', '/api/auth/me').catch(() => ({ status: 0 }));
    if (h?.status === 200 && probe.status === 200) {
      recoveredMs = Date.now() - t0;
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  phase = 'after';
  await new Promise((r) => setTimeout(r, 3000));
  stop = true;
  await Promise.all(workers);

  const pool = new pg.Pool({ connectionString: url });
  let lost = 0;
  let checked = 0;
  for (const [id, mine] of acks) {
    const rows = (
      await pool.query('SELECT question_id, option_id, revision FROM assessment_answer WHERE assessment_id = $1', [id])
    ).rows;
    const byQ = new Map(rows.map((r) => [r.question_id, r]));
    for (const [q, a] of mine) {
      checked++;
      const r = byQ.get(q);
      if (!r || r.option_id !== a.optionId || r.revision !== a.revision) lost++;
    }
  }
  await pool.end();
  const down = stats(outage.latencies.length ? outage.latencies : [0]);
  const statuses = Object.fromEntries(outage.statuses);
  console.log(
    `while down: statuses ${JSON.stringify(statuses)}, latency p50 ${down.median.toFixed(0)} ms, p99 ${down.p99.toFixed(0)} ms`,
  );
  console.log(
    `recovered ${recoveredMs === null ? 'NOT within 30 s' : `after ${recoveredMs} ms`}; acknowledged answers checked ${checked}, lost ${lost}`,
  );
  report({
    figure: 'PostgreSQL outage: request latency p99 while down',
    unit: 'ms',
    median: down.p99,
    min: down.min,
    max: down.max,
    baseline: null,
    ratio: null,
  });
  report({
    figure: 'PostgreSQL outage: recovery after restart',
    unit: 'ms',
    median: recoveredMs,
    min: recoveredMs,
    max: recoveredMs,
    baseline: null,
    ratio: null,
  });
  const only503 = Object.keys(statuses).every((s) => s === '503');
  failed = health.status !== 503 || !only503 || recoveredMs === null || lost > 0;
  if (failed) console.log('FAILED: expected 503 while down, health 503, recovery, and no lost answer');
} finally {
  await server.stop();
  try {
    pgStop();
  } catch {
    // already stopped
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
