#!/usr/bin/env node
// Load test: N concurrent simulated compliance officers (log in, autosave answers, submit, fetch the result) for
// D seconds against the production build on a fresh PostgreSQL database. Afterwards every acknowledged answer is
// checked in the database. Exits non-zero on any 5xx or lost answer.
// Usage: node tests/load/officers.load.mjs [--officers 200] [--seconds 60]
import pg from 'pg';
import { Client, createDatabase, registerFirm, report, startServer, stats } from '../../tools/bench/support.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const OFFICERS = arg('officers', 200);
const SECONDS = arg('seconds', 60);

const db = await createDatabase('scs_load');
const server = await startServer({
  DATABASE_URL: db.url,
  DATABASE_POOL_SIZE: '20',
  JWT_SECRET: 'load-secret-0123456789abcdef0123456789ab',
});
let exitCode = 0;
try {
  console.log(`registering ${OFFICERS} firms ...`);
  const firms = [];
  for (let i = 0; i < OFFICERS; i += 20) {
    firms.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(20, OFFICERS - i) }, (_, j) => registerFirm(server.url, i + j)),
      )),
    );
  }
  const catalogue = (await firms[0].client.req('GET', '/api/catalogue')).body;
  const always = catalogue.questions.filter((q) => !q.applicability);

  const latencies = { login: [], autosave: [], submit: [], result: [] };
  const statuses = new Map();
  const acknowledged = new Map(); // assessmentId -> Map(questionId -> { optionId, revision })
  let serverErrors = 0;
  const count = (s) => {
    statuses.set(s, (statuses.get(s) ?? 0) + 1);
    if (s >= 500) serverErrors++;
  };
  const timed = async (kind, fn) => {
    const t0 = performance.now();
    const res = await fn();
    latencies[kind].push(performance.now() - t0);
    count(res.status);
    return res;
  };

  console.log(`${OFFICERS} officers working for ${SECONDS} s ...`);
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    firms.map(async (f, idx) => {
      const officer = new Client(server.url);
      await timed('login', () =>
        officer.req('POST', '/api/auth/login', { email: f.email, password: `Bench-Pferd-${idx}-Batterie!` }),
      );
      while (Date.now() < deadline) {
        const started = await timed('autosave', () => officer.req('POST', `/api/orgs/${f.orgId}/assessments`, {}));
        if (started.status !== 201) continue;
        const id = started.body.id;
        const acks = new Map();
        acknowledged.set(id, acks);
        const applicable = (await officer.req('GET', `/api/assessments/${id}`)).status === 200 ? always : [];
        // Answer in small batches, as the debounced wizard does.
        for (let i = 0; i < applicable.length && Date.now() < deadline; i += 3) {
          const batch = applicable.slice(i, i + 3).map((q, k) => ({
            questionId: q.id,
            optionId: q.options[(idx + i + k) % q.options.length].id,
            baseRevision: acks.get(q.id)?.revision ?? 0,
          }));
          const res = await timed('autosave', () =>
            officer.req('PUT', `/api/assessments/${id}/answers`, { answers: batch }),
          );
          if (res.status === 200)
            for (const s of res.body.saved)
              acks.set(s.questionId, {
                optionId: batch.find((b) => b.questionId === s.questionId).optionId,
                revision: s.revision,
              });
        }
        if (Date.now() >= deadline) break;
        let submitted = await timed('submit', () => officer.req('POST', `/api/assessments/${id}/submit`));
        if (submitted.status === 422 && Array.isArray(submitted.body.unanswered)) {
          // Questions that apply through the profile: answer what the server lists, then submit again.
          const byId = new Map(catalogue.questions.map((q) => [q.id, q]));
          const rest = submitted.body.unanswered.map((qid) => ({
            questionId: qid,
            optionId: byId.get(qid).options[0].id,
            baseRevision: 0,
          }));
          const res = await timed('autosave', () =>
            officer.req('PUT', `/api/assessments/${id}/answers`, { answers: rest }),
          );
          if (res.status === 200)
            for (const s of res.body.saved)
              acks.set(s.questionId, {
                optionId: rest.find((b) => b.questionId === s.questionId).optionId,
                revision: s.revision,
              });
          submitted = await timed('submit', () => officer.req('POST', `/api/assessments/${id}/submit`));
        }
        if (submitted.status === 200) await timed('result', () => officer.req('GET', `/api/assessments/${id}/result`));
      }
    }),
  );

  // Every answer the server acknowledged must be in the database exactly as acknowledged.
  const pool = new pg.Pool({ connectionString: db.url });
  let lost = 0;
  let checked = 0;
  for (const [id, acks] of acknowledged) {
    const rows = (
      await pool.query('SELECT question_id, option_id, revision FROM assessment_answer WHERE assessment_id = $1', [id])
    ).rows;
    const byQ = new Map(rows.map((r) => [r.question_id, r]));
    for (const [q, a] of acks) {
      checked++;
      const r = byQ.get(q);
      if (!r || r.option_id !== a.optionId || r.revision !== a.revision) lost++;
    }
  }
  await pool.end();

  for (const [kind, values] of Object.entries(latencies)) {
    if (!values.length) continue;
    const s = stats(values);
    console.log(
      `${kind.padEnd(9)} n=${String(s.n).padStart(6)}  p50 ${s.median.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms`,
    );
    report({
      figure: `load ${OFFICERS} officers: ${kind} latency p50/p99`,
      unit: 'ms',
      median: s.median,
      min: s.min,
      max: s.p99,
      baseline: null,
      ratio: null,
    });
  }
  console.log(`statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(`server errors: ${serverErrors}; acknowledged answers checked: ${checked}; lost: ${lost}`);
  report({
    figure: `load ${OFFICERS} officers: 5xx responses`,
    unit: 'count',
    median: serverErrors,
    min: serverErrors,
    max: serverErrors,
    baseline: 0,
    ratio: null,
  });
  report({
    figure: `load ${OFFICERS} officers: lost answers of ${checked}`,
    unit: 'count',
    median: lost,
    min: lost,
    max: lost,
    baseline: 0,
    ratio: null,
  });
  if (serverErrors > 0 || lost > 0) exitCode = 1;
} finally {
  await server.stop();
  await db.drop();
}
process.exit(exitCode);
