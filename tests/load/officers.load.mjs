#!/usr/bin/env node
// Load test: N concurrent simulated compliance officers (log in, autosave answers, submit, fetch the result) for
// D seconds against the production build on a fresh PostgreSQL database. Afterwards every acknowledged answer is
// checked in the database. Exits non-zero on any 5xx (other than a sign-in refused as busy) or lost answer.
//
// Usage: node tests/load/officers.load.mjs [--officers 200] [--seconds 60] [--ramp 0] [--pin] [--profile out.cpuprofile]
//   (or `npm run load:officers -- …`; build first: npx nx run-many -t build -p api web)
//   --ramp S   officers start evenly spread over the first S seconds (0 = all at the same moment, the worst case)
//   --pace MS  an officer waits MS after each autosave answer before the next batch (0 = none, a closed loop: the
//              worst case, in which latency is 200 officers ÷ throughput by Little's law). The wizard sends a batch
//              AUTOSAVE_DEBOUNCE_MS (600) after the last change, so --pace 600 is an officer who answers the next three
//              questions the instant the previous save returns: the fastest the real web app can save.
//   --pin      Linux, 2+ cores: the API process runs on all cores but the last (`taskset -c`), this load generator on
//              the last, so the generator's CPU does not come out of the API's cores. PostgreSQL (a system service)
//              is not pinned. Without --pin the generator shares the cores; its CPU is measured and printed either way.
//   --profile F  CPU-profiles the API process during the working phase only (tools/bench/cpu-profile.cjs); summarise
//              with node tools/bench/profile-summary.mjs F [--top 25]
// A sign-in refused with 503 `errors.auth.busy` (sign-in admission, LOGIN_QUEUE_MAX_MS) is tried again after its
// Retry-After: `login` is the latency of each sign-in request, `signed in` the time from the officer's start until
// signed in, refusals and waits included.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';
import {
  Client,
  createDatabase,
  machineCpuSeconds,
  processCpuSeconds,
  registerFirm,
  report,
  startServer,
  stats,
} from '../../tools/bench/support.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const OFFICERS = arg('officers', 200);
const SECONDS = arg('seconds', 60);
const RAMP = arg('ramp', 0);
const PACE = arg('pace', 0);
const PIN = process.argv.includes('--pin');
/** The scenario in the figures' names (`npm run bench -- --only load` runs several). */
const SCENARIO = `load ${OFFICERS} officers${PACE ? `, ${PACE} ms pace` : ', no pause'}${RAMP ? `, ${RAMP} s ramp` : ''}`;
const PROFILE = process.argv.includes('--profile') ? resolve(process.argv[process.argv.indexOf('--profile') + 1]) : '';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const cores = availableParallelism();
let apiCpus;
if (PIN) {
  if (cores < 2) throw new Error('--pin needs at least 2 cores');
  apiCpus = cores === 2 ? '0' : `0-${cores - 2}`;
  execFileSync('taskset', ['-a', '-c', '-p', String(cores - 1), String(process.pid)], { stdio: 'ignore' });
  console.log(`pinned: API on core(s) ${apiCpus}, load generator on core ${cores - 1}; PostgreSQL not pinned`);
}

const db = await createDatabase('scs_load');
const server = await startServer(
  {
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '20',
    JWT_SECRET: 'load-secret-0123456789abcdef0123456789ab',
    ...(PROFILE ? { CPU_PROFILE_FILE: PROFILE } : {}),
  },
  PROFILE ? ['-r', new URL('../../tools/bench/cpu-profile.cjs', import.meta.url).pathname] : [],
  { cpus: apiCpus },
);
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
  const byId = new Map(catalogue.questions.map((q) => [q.id, q]));

  // `autosave` is PUT …/answers only; starting a self-check (POST …/assessments) is `start` (until 2026-12-06 it was
  // counted as autosave).
  const latencies = { login: [], 'signed in': [], start: [], autosave: [], submit: [], result: [] };
  const statuses = new Map();
  const acknowledged = new Map(); // assessmentId -> Map(questionId -> { optionId, revision })
  let serverErrors = 0;
  let refusedBusy = 0;
  let notSignedIn = 0;
  const count = (res) => {
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status === 503 && res.body?.code === 'errors.auth.busy') refusedBusy++;
    else if (res.status >= 500) serverErrors++;
  };
  /** Autosaves with their start time, to report those after the sign-in burst separately. */
  const autosaveTimeline = [];
  let lastSignedInAt = 0;
  const timed = async (kind, fn) => {
    const t0 = performance.now();
    const res = await fn();
    latencies[kind].push(performance.now() - t0);
    if (kind === 'autosave') autosaveTimeline.push([t0, performance.now() - t0]);
    count(res);
    return res;
  };

  console.log(
    `${OFFICERS} officers working for ${SECONDS} s (${RAMP ? `starting evenly over the first ${RAMP} s` : 'all starting at once'}${PACE ? `, ${PACE} ms between an officer's saves` : ', no pause between saves'}) ...`,
  );
  const cpu0 = { generator: process.cpuUsage(), api: processCpuSeconds(server.proc.pid), machine: machineCpuSeconds() };
  const wall0 = performance.now();
  if (PROFILE) {
    rmSync(PROFILE, { force: true });
    server.proc.kill('SIGWINCH'); // start profiling
  }
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    firms.map(async (f, idx) => {
      if (RAMP) await sleep((idx * RAMP * 1000) / OFFICERS);
      const officer = new Client(server.url);
      const start = performance.now();
      let login;
      for (let attempt = 0; attempt < 30 && Date.now() < deadline; attempt++) {
        login = await timed('login', () =>
          officer.req('POST', '/api/auth/login', { email: f.email, password: `Bench-Pferd-${idx}-Batterie!` }),
        );
        if (login.status !== 503 || login.body?.code !== 'errors.auth.busy') break;
        await sleep(Number(login.headers.get('retry-after') ?? 1) * 1000);
      }
      if (login?.status !== 200) {
        notSignedIn++;
        return;
      }
      latencies['signed in'].push(performance.now() - start);
      lastSignedInAt = Math.max(lastSignedInAt, performance.now());
      /** Questions that apply through this firm's profile, learned from the first refused submit. */
      const learned = [];
      while (Date.now() < deadline) {
        const started = await timed('start', () => officer.req('POST', `/api/orgs/${f.orgId}/assessments`, {}));
        if (started.status !== 201) {
          await sleep(100); // not a hot loop against the server
          continue;
        }
        const id = started.body.id;
        const acks = new Map();
        acknowledged.set(id, acks);
        // The wizard knows from the firm's profile which questions apply and offers "submit" only once all are
        // answered; this officer learns the questions that apply through its profile from its first refused submit
        // (422 with the list) and answers them up front in every later self-check.
        const applicable =
          (await officer.req('GET', `/api/assessments/${id}`)).status === 200 ? [...always, ...learned] : [];
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
          if (PACE) await sleep(PACE);
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
          for (const qid of submitted.body.unanswered)
            if (!learned.some((q) => q.id === qid)) learned.push(byId.get(qid));
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

  const wall = (performance.now() - wall0) / 1000;
  if (PROFILE) {
    server.proc.kill('SIGWINCH'); // stop and write
    for (let i = 0; i < 100 && !existsSync(PROFILE); i++) await sleep(100);
  }
  const generatorCpu = (() => {
    const u = process.cpuUsage(cpu0.generator);
    return (u.user + u.system) / 1e6;
  })();
  const apiCpu = processCpuSeconds(server.proc.pid) - cpu0.api;
  const machine = machineCpuSeconds();
  const machineBusy = machine.busy - cpu0.machine.busy;

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
      figure: `${SCENARIO}: ${kind} latency (max column: max)`,
      unit: 'ms',
      median: s.median,
      min: s.min,
      max: s.max,
      baseline: null,
      ratio: null,
    });
    report({
      figure: `${SCENARIO}: ${kind} latency p99`,
      unit: 'ms',
      median: s.p99,
      min: null,
      max: null,
      baseline: null,
      ratio: null,
    });
  }
  // The same autosaves without the sign-in burst: those that started after the last officer was signed in.
  const steady = autosaveTimeline.filter(([t0]) => t0 > lastSignedInAt).map(([, ms]) => ms);
  if (steady.length) {
    const s = stats(steady);
    console.log(
      `autosave after the last sign-in (${((lastSignedInAt - wall0) / 1000).toFixed(1)} s into the run): n=${s.n}  p50 ${s.median.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms`,
    );
    report({
      figure: `${SCENARIO}: autosave latency p99 after the last sign-in`,
      unit: 'ms',
      median: s.p99,
      min: null,
      max: null,
      baseline: null,
      ratio: null,
    });
  }
  console.log(`statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(
    `sign-ins refused as busy (503 + Retry-After, tried again): ${refusedBusy}; officers never signed in: ${notSignedIn}`,
  );
  console.log(
    `server errors: ${serverErrors}; acknowledged answers checked: ${checked}; lost: ${lost}` +
      `\nCPU over the ${wall.toFixed(1)} s working phase (${cores} cores): API process ${apiCpu.toFixed(1)} s ` +
      `(${(apiCpu / wall).toFixed(2)} cores), load generator ${generatorCpu.toFixed(1)} s (${(generatorCpu / wall).toFixed(2)} cores), ` +
      `whole machine ${machineBusy.toFixed(1)} s (${(machineBusy / wall).toFixed(2)} cores; PostgreSQL and anything else running ` +
      `≈ ${(machineBusy - apiCpu - generatorCpu).toFixed(1)} s)${PIN ? '' : '; the generator shared the cores (use --pin to keep it off the API’s)'}`,
  );
  report({
    figure: `${SCENARIO}: load generator CPU share of the machine`,
    unit: 'cores',
    median: generatorCpu / wall,
    min: null,
    max: null,
    baseline: cores,
    ratio: generatorCpu / wall / cores,
  });
  report({
    figure: `${SCENARIO}: sign-ins refused as busy, then retried`,
    unit: 'count',
    median: refusedBusy,
    min: refusedBusy,
    max: refusedBusy,
    baseline: null,
    ratio: null,
  });
  report({
    figure: `${SCENARIO}: 5xx responses`,
    unit: 'count',
    median: serverErrors,
    min: serverErrors,
    max: serverErrors,
    baseline: 0,
    ratio: null,
  });
  report({
    figure: `${SCENARIO}: lost answers of ${checked}`,
    unit: 'count',
    median: lost,
    min: lost,
    max: lost,
    baseline: 0,
    ratio: null,
  });
  if (serverErrors > 0 || lost > 0 || notSignedIn > 0) exitCode = 1;
} finally {
  await server.stop();
  await db.drop();
}
process.exit(exitCode);
