#!/usr/bin/env node
// The cold first report after a start (issue 18): the production server is started afresh `--runs` times on the same
// database; each time the clock runs from the spawn of the process until it answers /api/health, then a firm requests
// its PDF report (POST /api/assessments/:id/reports) and the clock stops when the report is stored (status done). A
// second firm's report right after is the warm figure of the same process. Every report is a new one (its own firm).
// Usage: node tools/bench/pdf-cold.bench.mjs [--runs 3]   (build first: npx nx run-many -t build -p api web)
import { firmWithSubmittedAssessment } from './processes.mjs';
import { createDatabase, loadNote, report, startServer, stats } from './support.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const RUNS = Math.max(1, arg('runs', 3));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const db = await createDatabase('scs_bench_pdf_cold');
const env = {
  DATABASE_URL: db.url,
  JWT_SECRET: 'bench-secret-0123456789abcdef0123456789',
  ACCESS_TOKEN_TTL_SECONDS: '3600',
};

/** Requests the firm's report and resolves with the milliseconds until it is stored. */
async function reportMs(firm) {
  const t0 = performance.now();
  const res = await firm.client.req('POST', `/api/assessments/${firm.assessmentId}/reports`, { locale: 'en' });
  if (res.status !== 202) throw new Error(`report request ${res.status}: ${JSON.stringify(res.body)}`);
  for (;;) {
    const s = await firm.client.req('GET', `/api/reports/${res.body.id}`);
    if (s.body?.status === 'done') return performance.now() - t0;
    if (s.body?.status === 'failed') throw new Error(`report failed: ${JSON.stringify(s.body)}`);
    if (performance.now() - t0 > 120_000) throw new Error('report not done after 120 s');
    await sleep(20);
  }
}

const figures = { start: [], cold: [], warm: [], total: [] };
try {
  // Two firms per run, each with a submitted self-check, prepared by a server that is then stopped.
  const setup = await startServer(env);
  const firms = [];
  try {
    for (let i = 0; i < 2 * RUNS; i++) firms.push(await firmWithSubmittedAssessment(setup.url, i, 'cold'));
  } finally {
    await setup.stop();
  }
  console.log(`cold first report: ${RUNS} fresh starts (${loadNote()})`);
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const server = await startServer(env, [], { pollMs: 20 });
    const up = performance.now() - t0;
    try {
      // The clients keep their session cookies; only the base URL (a new port) changes.
      const [cold, warm] = [firms[2 * r], firms[2 * r + 1]];
      cold.client.base = server.url;
      warm.client.base = server.url;
      const coldMs = await reportMs(cold);
      const warmMs = await reportMs(warm);
      figures.start.push(up);
      figures.cold.push(coldMs);
      figures.warm.push(warmMs);
      figures.total.push(up + coldMs);
      console.log(
        `  run ${r + 1}: started in ${(up / 1000).toFixed(2)} s; first report ${(coldMs / 1000).toFixed(2)} s, second ${(warmMs / 1000).toFixed(2)} s`,
      );
    } finally {
      await server.stop();
    }
  }
  const row = (figure, values, baseline) => {
    const s = stats(values);
    report({
      figure,
      unit: 's',
      median: s.median / 1000,
      min: s.min / 1000,
      max: s.max / 1000,
      baseline: baseline === undefined ? null : baseline / 1000,
      ratio: baseline === undefined ? null : s.median / baseline,
    });
  };
  const warmMedian = stats(figures.warm).median;
  row('server start (spawn → /api/health answers)', figures.start);
  row('cold first report after a start (request → stored; baseline: the second report)', figures.cold, warmMedian);
  row('warm report, same process (request → stored)', figures.warm);
  row('spawn → first PDF stored', figures.total);
} finally {
  await db.drop();
}
