#!/usr/bin/env node
// Autosave throughput and latency at 50 concurrent clients through the production server, against the same write
// done by a bare node:http handler on the same database (the ratio to beat); plus submit latency of full assessments.
// Usage: node tools/bench/autosave.bench.mjs [--clients 50] [--seconds 15]
import { createServer } from 'node:http';
import pg from 'pg';
import { createDatabase, registerFirm, report, startServer, stats } from './support.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const CLIENTS = arg('clients', 50);
const SECONDS = arg('seconds', 15);

const db = await createDatabase('scs_bench_autosave');
const server = await startServer({
  DATABASE_URL: db.url,
  DATABASE_POOL_SIZE: '20',
  JWT_SECRET: 'bench-secret-0123456789abcdef0123456789',
});
try {
  console.log(`setting up ${CLIENTS} firms with a draft assessment each ...`);
  const firms = [];
  for (let i = 0; i < CLIENTS; i++) {
    const f = await registerFirm(server.url, i);
    const a = await f.client.req('POST', `/api/orgs/${f.orgId}/assessments`, {});
    if (a.status !== 201) throw new Error(`start ${a.status} ${JSON.stringify(a.body)}`);
    f.assessment = a.body;
    firms.push(f);
  }
  const catalogue = (await firms[0].client.req('GET', `/api/catalogue/${firms[0].assessment.catalogueVersion}`)).body;
  const questions = catalogue.questions.filter(
    (q) => !q.applicability && ['tax', 'market', 'judicial', 'labour', 'data', 'finance'].includes(q.dimension),
  );

  // --- the application: PUT /api/assessments/:id/answers, one answer per request, revisions tracked per client
  async function loadApp() {
    const latencies = [];
    let errors = 0;
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all(
      firms.map(async (f, idx) => {
        const revisions = new Map();
        let n = idx;
        while (Date.now() < deadline) {
          const q = questions[n++ % questions.length];
          const option = q.options[n % q.options.length].id;
          const base = revisions.get(q.id) ?? 0;
          const t0 = performance.now();
          const res = await f.client.req('PUT', `/api/assessments/${f.assessment.id}/answers`, {
            answers: [{ questionId: q.id, optionId: option, baseRevision: base }],
          });
          latencies.push(performance.now() - t0);
          if (res.status === 200) revisions.set(q.id, res.body.saved[0].revision);
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
  for (const f of firms) userIds.set(f.assessment.id, (await f.client.req('GET', '/api/auth/me')).body.id);
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
  async function loadBare() {
    const latencies = [];
    let errors = 0;
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all(
      firms.map(async (f, idx) => {
        const revisions = new Map();
        let n = idx;
        while (Date.now() < deadline) {
          const q = questions[n++ % questions.length];
          const base =
            revisions.get(q.id) ??
            (
              await pool.query('SELECT revision FROM assessment_answer WHERE assessment_id=$1 AND question_id=$2', [
                f.assessment.id,
                q.id,
              ])
            ).rows[0]?.revision ??
            0;
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
          if (res.status === 200) revisions.set(q.id, json.saved[0].revision);
          else errors++;
        }
      }),
    );
    return { latencies, errors };
  }

  console.log(`autosave: ${CLIENTS} concurrent clients for ${SECONDS} s through the API ...`);
  const app = await loadApp();
  console.log(`autosave: the same write through a bare node:http handler ...`);
  const floor = await loadBare();
  bare.close();
  await pool.end();

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
  report({
    figure: `autosave throughput (${CLIENTS} clients)`,
    unit: 'req/s',
    median: appRps,
    min: appRps,
    max: appRps,
    baseline: bareRps,
    ratio: appRps / bareRps,
  });
  report({
    figure: 'autosave latency p50',
    unit: 'ms',
    median: a.median,
    min: a.min,
    max: a.max,
    baseline: b.median,
    ratio: a.median / b.median,
  });
  report({
    figure: 'autosave latency p99',
    unit: 'ms',
    median: a.p99,
    min: a.min,
    max: a.max,
    baseline: b.p99,
    ratio: a.p99 / b.p99,
  });

  // --- submit latency of complete assessments (server recomputes the score)
  const submitMs = [];
  for (const f of firms.slice(0, 20)) {
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
