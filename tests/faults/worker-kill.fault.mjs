#!/usr/bin/env node
// Fault test: the report worker is killed with SIGKILL in the middle of a batch. Expected: after a new worker starts,
// every report of the batch is rendered and stored exactly once — no report lost, none rendered twice, no report left
// "rendering" — including those that were in flight at the kill (pg-boss expires their jobs and retries them).
// Runs an API-only process and worker-role processes of the production build on a fresh database.
// Usage: node tests/faults/worker-kill.fault.mjs [--reports 40] [--kill-after 0.3]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  firmWithSubmittedAssessment,
  pooled,
  renderedIds,
  startProcess,
  waitForReports,
} from '../../tools/bench/processes.mjs';
import { createDatabase, report } from '../../tools/bench/support.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const REPORTS = Math.max(4, arg('reports', 40));
const KILL_AFTER = arg('kill-after', 0.3); // share of the batch done before the kill
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Pids of a process and all its descendants (Linux /proc). */
function descendants(rootPid) {
  const children = new Map();
  for (const e of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'latin1');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(e)]);
    } catch {
      // ended meanwhile
    }
  }
  const out = [];
  const walk = (pid) => {
    for (const c of children.get(pid) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(rootPid);
  return out;
}
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const logs = mkdtempSync(join(tmpdir(), 'scs-worker-kill-'));
const db = await createDatabase('scs_fault_kill');
// A short job timeout so that the jobs of the killed worker expire after 2 × 5 + 60 = 70 s instead of 180 s.
const env = {
  DATABASE_URL: db.url,
  JWT_SECRET: 'fault-secret-0123456789abcdef0123456789ab',
  REPORT_JOB_TIMEOUT_SECONDS: '5',
  REPORT_PAGES: '2',
};
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const procs = [];
let failed = false;
try {
  const api = await startProcess('api', env, join(logs, 'api.log'));
  procs.push(api);
  console.log(`preparing ${REPORTS} reports (${REPORTS / 2} firms × en, de) through an API-only process ...`);
  const firms = await pooled(
    Array.from({ length: Math.ceil(REPORTS / 2) }, (_, i) => i),
    4,
    (i) => firmWithSubmittedAssessment(api.url, i, 'kill'),
  );
  const ids = [];
  for (const f of firms) {
    for (const locale of ['en', 'de']) {
      if (ids.length === REPORTS) break;
      const res = await f.client.req('POST', `/api/assessments/${f.assessmentId}/reports`, { locale });
      if (res.status !== 202) throw new Error(`report request ${res.status}: ${JSON.stringify(res.body)}`);
      ids.push(res.body.id);
    }
  }

  const first = await startProcess('worker', env, join(logs, 'worker-1.log'));
  procs.push(first);
  const t0 = Date.now();
  const killAt = Math.max(1, Math.floor(REPORTS * KILL_AFTER));
  let inFlight = [];
  for (;;) {
    const rows = (await pool.query(`SELECT id, status FROM report WHERE id = ANY($1::uuid[])`, [ids])).rows;
    const done = rows.filter((r) => r.status === 'done').length;
    inFlight = rows.filter((r) => r.status === 'rendering').map((r) => r.id);
    if (done >= killAt && inFlight.length) break;
    if (Date.now() - t0 > 600_000) throw new Error('the first worker rendered too slowly');
    await sleep(100);
  }
  const family = descendants(first.pid);
  const doneBefore = (
    await pool.query(`SELECT count(*)::int AS n FROM report WHERE id = ANY($1::uuid[]) AND status = 'done'`, [ids])
  ).rows[0].n;
  await first.stop('SIGKILL');
  const tKill = Date.now();
  inFlight = (
    await pool.query(`SELECT id FROM report WHERE id = ANY($1::uuid[]) AND status = 'rendering'`, [ids])
  ).rows.map((r) => r.id);
  console.log(
    `SIGKILL to the worker after ${((tKill - t0) / 1000).toFixed(1)} s: ${doneBefore} of ${REPORTS} done, ${inFlight.length} rendering`,
  );
  await sleep(3000);
  const orphans = family.filter(alive);
  console.log(
    `processes of the killed worker still alive 3 s later (its Chromium): ${orphans.length} of ${family.length}`,
  );

  const second = await startProcess('worker', env, join(logs, 'worker-2.log'));
  procs.push(second);
  const tRestart = Date.now();
  let allButInFlight = null;
  const counts = await waitForReports(pool, ids, 600_000, (c) => {
    if (allButInFlight === null && (c.done ?? 0) >= REPORTS - inFlight.length) allButInFlight = Date.now() - tRestart;
  });
  const recoveredMs = Date.now() - tRestart;

  const rows = (
    await pool.query(
      `SELECT r.id, r.status, r.attempts, (SELECT count(*)::int FROM report_file f WHERE f.report_id = r.id) AS files,
            (SELECT count(*)::int FROM pgboss.job j WHERE j.name = 'render-report' AND j.data->>'reportId' = r.id::text) AS jobs,
            (SELECT count(*)::int FROM pgboss.job j WHERE j.name = 'render-report' AND j.data->>'reportId' = r.id::text AND j.state = 'completed') AS completed
       FROM report r WHERE r.id = ANY($1::uuid[])`,
      [ids],
    )
  ).rows;
  const renders = [
    ...renderedIds(readFileSync(join(logs, 'worker-1.log'), 'utf8')),
    ...renderedIds(readFileSync(join(logs, 'worker-2.log'), 'utf8')),
  ];
  const perReport = new Map(ids.map((id) => [id, 0]));
  for (const id of renders) perReport.set(id, (perReport.get(id) ?? 0) + 1);
  const twice = [...perReport].filter(([, n]) => n > 1).length;
  const never = [...perReport].filter(([, n]) => n === 0).length;
  const notDone = rows.filter((r) => r.status !== 'done').length;
  const badFiles = rows.filter((r) => r.files !== 1).length;
  const badJobs = rows.filter((r) => r.jobs !== 1 || r.completed !== 1).length;
  const retried = rows.filter((r) => inFlight.includes(r.id)).map((r) => r.attempts);

  console.log(
    `statuses ${JSON.stringify(counts)}; renders logged ${renders.length} for ${REPORTS} reports: twice ${twice}, never ${never}`,
  );
  console.log(
    `reports not done ${notDone}; without exactly one stored PDF ${badFiles}; without exactly one completed job ${badJobs}`,
  );
  console.log(`attempts of the reports in flight at the kill: ${JSON.stringify(retried)}`);
  console.log(
    `after the restart: the rest of the batch in ${((allButInFlight ?? recoveredMs) / 1000).toFixed(1)} s, the interrupted reports in ${(recoveredMs / 1000).toFixed(1)} s (job expiry 70 s + supervision)`,
  );
  report({
    figure: `worker SIGKILL mid-batch (${REPORTS} reports): all done after restart`,
    unit: 's',
    median: recoveredMs / 1000,
    min: (allButInFlight ?? recoveredMs) / 1000,
    max: recoveredMs / 1000,
    baseline: null,
    ratio: null,
  });
  report({
    figure: `worker SIGKILL mid-batch: reports rendered twice / lost`,
    unit: 'count',
    median: twice + never + notDone,
    min: 0,
    max: twice + never + notDone,
    baseline: 0,
    ratio: null,
  });
  failed =
    notDone > 0 || badFiles > 0 || badJobs > 0 || twice > 0 || never > 0 || orphans.length > 0 || inFlight.length === 0;
  console.log(
    failed
      ? 'FAILED: expected every report done exactly once and no leftover Chromium'
      : 'OK: every report rendered and stored exactly once',
  );
} finally {
  for (const p of procs.reverse()) await p.stop();
  await pool.end();
  await db.drop();
  if (!failed) rmSync(logs, { recursive: true, force: true });
  else console.log(`logs kept in ${logs}`);
}
process.exit(failed ? 1 : 0);
