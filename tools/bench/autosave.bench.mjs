#!/usr/bin/env node
// Autosave throughput and latency through the production server at 10 and 50 concurrent clients, each against the
// same write done by a bare node:http handler on the same database in the same run (the ratio is the figure that
// counts); plus submit latency of full assessments. Prints the table of issue 18 (clients, req/s, ratio, p50/p99) with
// the load average next to each row.
// Usage: node tools/bench/autosave.bench.mjs [--clients 10,50] [--seconds 15] [--rounds 3] [--profile out.cpuprofile]
//   --profile: CPU-profiles the API process during the API load phase only (tools/bench/cpu-profile.cjs); summarise
//   with node tools/bench/profile-summary.mjs out.cpuprofile
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import pg from 'pg';
import { autosaveTable, createDatabase, loadNote, registerFirm, report, ROOT, startServer, stats } from './support.mjs';

const argv = process.argv;
const opt = (name) => (argv.indexOf(`--${name}`) > 0 ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const CLIENT_COUNTS = (opt('clients') ?? '10,50').split(',').map(Number);
const SECONDS = Number(opt('seconds') ?? 15);
// The API and bare phases alternate in this many slices each (SECONDS / ROUNDS long), so that a change of load on a
// shared machine affects both sides of the ratio alike.
// With --profile: one slice (the profile covers one contiguous API phase).
const ROUNDS = opt('profile') ? 1 : Math.max(1, Number(opt('rounds') ?? 3));
const PROFILE = opt('profile') ? resolve(opt('profile')) : undefined;
const MAX_CLIENTS = Math.max(...CLIENT_COUNTS);

const db = await createDatabase('scs_bench_autosave');
const server = await startServer(
  {
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '20',
    JWT_SECRET: 'bench-secret-0123456789abcdef0123456789',
    ...(PROFILE ? { CPU_PROFILE_FILE: PROFILE } : {}),
  },
  PROFILE ? ['-r', `${ROOT}tools/bench/cpu-profile.cjs`] : [],
);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** CPU seconds (user + system) the API process has used so far (Linux /proc; undefined elsewhere). */
function serverCpuSeconds() {
  try {
    const fields = readFileSync(`/proc/${server.proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}
try {
  console.log(`setting up ${MAX_CLIENTS} firms with a draft assessment each ...`);
  const allFirms = [];
  for (let i = 0; i < MAX_CLIENTS; i++) {
    const f = await registerFirm(server.url, i);
    const a = await f.client.req('POST', `/api/orgs/${f.orgId}/assessments`, {});
    if (a.status !== 201) throw new Error(`start ${a.status} ${JSON.stringify(a.body)}`);
    f.assessment = a.body;
    allFirms.push(f);
  }
  const catalogue = (await allFirms[0].client.req('GET', `/api/catalogue/${allFirms[0].assessment.catalogueVersion}`))
    .body;
  const questions = catalogue.questions.filter(
    (q) => !q.applicability && ['tax', 'market', 'judicial', 'labour', 'data', 'finance'].includes(q.dimension),
  );
  // Revisions per firm and question, shared by both phases and all rounds (the bare handler writes the same rows).
  const revisions = new Map(allFirms.map((f) => [f.assessment.id, new Map()]));

  // --- the application: PUT /api/assessments/:id/answers, one answer per request, revisions tracked per client
  async function loadApp(firms, seconds) {
    const latencies = [];
    let errors = 0;
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(
      firms.map(async (f, idx) => {
        const revs = revisions.get(f.assessment.id);
        let n = idx;
        while (Date.now() < deadline) {
          const q = questions[n++ % questions.length];
          const option = q.options[n % q.options.length].id;
          const base = revs.get(q.id) ?? 0;
          const t0 = performance.now();
          const res = await f.client.req('PUT', `/api/assessments/${f.assessment.id}/answers`, {
            answers: [{ questionId: q.id, optionId: option, baseRevision: base }],
          });
          latencies.push(performance.now() - t0);
          if (res.status === 200) revs.set(q.id, res.body.saved[0].revision);
          else {
            errors++;
            if (errors <= 3) console.log(`autosave error ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
          }
        }
      }),
    );
    return { latencies, errors };
  }

  // --- the floor: a bare node:http handler doing the same upsert on the same database
  const pool = new pg.Pool({ connectionString: db.url, max: 20 });
  const SQL = `INSERT INTO assessment_answer (assessment_id, question_id, option_id, note, revision, updated_by, updated_at)
    SELECT $1, i.q, i.o, i.n, i.b + 1, $3, now() FROM jsonb_to_recordset($2::jsonb) AS i(q text, o text, n text, b int)
    ON CONFLICT ON CONSTRAINT "PK_assessment_answer" DO UPDATE SET option_id = EXCLUDED.option_id, note = EXCLUDED.note,
      revision = assessment_answer.revision + 1, updated_by = EXCLUDED.updated_by, updated_at = now()
      WHERE assessment_answer.revision = EXCLUDED.revision - 1 RETURNING question_id, revision`;
  const userIds = new Map();
  for (const f of allFirms) userIds.set(f.assessment.id, (await f.client.req('GET', '/api/auth/me')).body.id);
  const bare = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      try {
        const id = req.url.split('/')[3];
        const input = JSON.parse(body).answers;
        const payload = JSON.stringify(
          input.map((x) => ({ q: x.questionId, o: x.optionId, n: null, b: x.baseRevision })),
        );
        const r = await pool.query(SQL, [id, payload, userIds.get(id)]);
        res.writeHead(r.rowCount === input.length ? 200 : 409, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ saved: r.rows.map((x) => ({ questionId: x.question_id, revision: x.revision })) }));
      } catch (e) {
        res.writeHead(500).end(String(e));
      }
    });
  });
  await new Promise((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${bare.address().port}`;
  async function loadBare(firms, seconds) {
    const latencies = [];
    let errors = 0;
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(
      firms.map(async (f, idx) => {
        const revs = revisions.get(f.assessment.id);
        let n = idx;
        while (Date.now() < deadline) {
          const q = questions[n++ % questions.length];
          const base = revs.get(q.id) ?? 0;
          const t0 = performance.now();
          const res = await fetch(`${bareUrl}/api/assessments/${f.assessment.id}/answers`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              answers: [{ questionId: q.id, optionId: q.options[n % q.options.length].id, baseRevision: base }],
            }),
          });
          const json = await res.json().catch(() => ({}));
          latencies.push(performance.now() - t0);
          if (res.status === 200) revs.set(q.id, json.saved[0].revision);
          else errors++;
        }
      }),
    );
    return { latencies, errors };
  }

  const rows = [];
  for (const clients of CLIENT_COUNTS) {
    const firms = allFirms.slice(0, clients);
    const loadBefore = loadNote();
    console.log(
      `autosave: ${clients} concurrent clients, ${SECONDS} s through the API and ${SECONDS} s through a bare node:http ` +
        `handler doing the same write, alternating in ${ROUNDS} slices (${loadBefore}) ...`,
    );
    const app = { latencies: [], errors: 0, cpu: 0 };
    const floor = { latencies: [], errors: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      if (PROFILE) {
        server.proc.kill('SIGWINCH');
        await sleep(300);
      }
      const cpu0 = serverCpuSeconds();
      const x = await loadApp(firms, SECONDS / ROUNDS);
      const cpu1 = serverCpuSeconds();
      app.cpu = cpu0 === undefined || cpu1 === undefined ? NaN : app.cpu + cpu1 - cpu0;
      if (PROFILE) {
        server.proc.kill('SIGWINCH');
        await sleep(1500);
      }
      const y = await loadBare(firms, SECONDS / ROUNDS);
      app.latencies.push(...x.latencies);
      app.errors += x.errors;
      floor.latencies.push(...y.latencies);
      floor.errors += y.errors;
    }
    const load = `${loadBefore} before, ${loadNote()} after`;
    const a = stats(app.latencies);
    const b = stats(floor.latencies);
    const appRps = app.latencies.length / SECONDS;
    const bareRps = floor.latencies.length / SECONDS;
    console.log(
      `API:  ${appRps.toFixed(0)} req/s, p50 ${a.median.toFixed(1)} ms, p99 ${a.p99.toFixed(1)} ms, errors ${app.errors}`,
    );
    console.log(
      `bare: ${bareRps.toFixed(0)} req/s, p50 ${b.median.toFixed(1)} ms, p99 ${b.p99.toFixed(1)} ms, errors ${floor.errors}`,
    );
    const row = {
      clients,
      apiRps: appRps,
      bareRps,
      apiP50: a.median,
      apiP99: a.p99,
      bareP50: b.median,
      bareP99: b.p99,
      errors: app.errors + floor.errors,
      load,
      // CPU of the API process per autosave: independent of what else runs on the machine (unlike the rates).
      apiCpuMs: (1000 * app.cpu) / app.latencies.length,
    };
    rows.push(row);
    const note = `${clients} clients, ${SECONDS} s, ${load}`;
    report({
      figure: `autosave throughput (${clients} clients)`,
      unit: 'req/s',
      median: appRps,
      min: appRps,
      max: appRps,
      baseline: bareRps,
      ratio: appRps / bareRps,
      note,
      autosave: row,
    });
    report({
      figure: `autosave latency p50 (${clients} clients)`,
      unit: 'ms',
      median: a.median,
      min: a.min,
      max: a.max,
      baseline: b.median,
      ratio: a.median / b.median,
      note,
    });
    report({
      figure: `autosave latency p99 (${clients} clients)`,
      unit: 'ms',
      median: a.p99,
      min: a.min,
      max: a.max,
      baseline: b.p99,
      ratio: a.p99 / b.p99,
      note,
    });
  }
  bare.close();
  await pool.end();
  console.log(`\n${autosaveTable(rows)}`);

  // --- submit latency of complete assessments (server recomputes the score)
  const submitMs = [];
  for (const f of allFirms.slice(0, 20)) {
    const view = (await f.client.req('GET', `/api/assessments/${f.assessment.id}`)).body;
    const revs = new Map(view.answers.map((x) => [x.questionId, x.revision]));
    const applicable = catalogue.questions.filter((q) => q.applicable !== false);
    const answers = [];
    for (const q of applicable)
      answers.push({ questionId: q.id, optionId: q.options[0].id, baseRevision: revs.get(q.id) ?? 0 });
    const put = await f.client.req('PUT', `/api/assessments/${f.assessment.id}/answers`, { answers });
    if (put.status !== 200) {
      // Non-applicable questions for this profile are rejected: retry with only the ones the server accepts.
      const bad = new Set(Object.keys(put.body?.errors ?? {}));
      await f.client.req('PUT', `/api/assessments/${f.assessment.id}/answers`, {
        answers: answers.filter((x) => !bad.has(x.questionId)),
      });
    }
    const t0 = performance.now();
    const res = await f.client.req('POST', `/api/assessments/${f.assessment.id}/submit`);
    submitMs.push(performance.now() - t0);
    if (res.status !== 200) console.log(`submit ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`);
  }
  const s = stats(submitMs);
  console.log(`submit: median ${s.median.toFixed(1)} ms, max ${s.max.toFixed(1)} ms over ${s.n} full assessments`);
  report({
    figure: 'submit latency (full assessment)',
    unit: 'ms',
    median: s.median,
    min: s.min,
    max: s.max,
    baseline: null,
    ratio: null,
  });
} finally {
  await server.stop();
  await db.drop();
}
