// Helpers for fault and scale-out scripts: API and worker processes of the production build with captured logs,
// a firm that submitted a self-check, and reports waited for in the database.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client, confirmEmail, databaseOf, freePort, ROOT } from './support.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts dist/apps/api/main.js in `role` ('api', 'worker' or 'all') and resolves when it is healthy (API roles:
 * /api/health on its port; worker: /health on its internal port). Output goes to `logFile` (JSON lines) when given.
 */
export async function startProcess(role, env, logFile) {
  const main = join(ROOT, 'dist/apps/api/main.js');
  if (!existsSync(main)) throw new Error('Build first: npx nx run-many -t build -p api web');
  const port = await freePort();
  const metricsPort = await freePort();
  const proc = spawn(process.execPath, [main, `--role=${role}`], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
      LOG_LEVEL: 'info',
      LOGIN_RATE_LIMIT: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const out = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.on('data', (d) => {
      out?.write(d);
      tail = (tail + d).slice(-4000);
    });
  }
  const url = `http://127.0.0.1:${port}`;
  const internal = `http://127.0.0.1:${metricsPort}`;
  if (env.DATABASE_URL) databaseOf.set(url, env.DATABASE_URL);
  const probe = role === 'worker' ? `${internal}/health` : `${url}/api/health`;
  for (let i = 0; i < 360; i++) {
    if (proc.exitCode !== null || proc.signalCode)
      throw new Error(`${role} exited (${proc.exitCode ?? proc.signalCode}):\n${tail}`);
    try {
      if ((await fetch(probe)).ok) {
        return {
          role,
          url,
          internal,
          proc,
          pid: proc.pid,
          /** SIGTERM, SIGKILL after `graceMs`; resolves when the process has exited. */
          stop: (signal = 'SIGTERM', graceMs = 90_000) => stopProcess(proc, signal, graceMs).finally(() => out?.end()),
        };
      }
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  proc.kill('SIGKILL');
  throw new Error(`${role} did not become healthy:\n${tail}`);
}

function stopProcess(proc, signal, graceMs) {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode) return resolve();
    proc.once('exit', () => resolve());
    proc.kill(signal);
    if (signal !== 'SIGKILL') setTimeout(() => proc.kill('SIGKILL'), graceMs).unref();
  });
}

export const OFFICER_PROFILE = {
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

export const officerPassword = (i) => `Fault-Pferd-${i}-Batterie!`;

/** Registers firm `i` (signed in), completes its profile, answers every applicable question and submits. */
export async function firmWithSubmittedAssessment(base, i, tag = 'fault') {
  const c = new Client(base);
  const email = `${tag}${i}-${Date.now()}@firm${i}.example`;
  const reg = await c.req('POST', '/api/auth/register', {
    email,
    password: officerPassword(i),
    name: `Officer ${i}`,
    firmName: `${tag} Firm ${i}`,
  });
  if (reg.status !== 202) throw new Error(`register ${reg.status}: ${JSON.stringify(reg.body)}`);
  const { orgId } = await confirmEmail(c, base, email);
  const put = await c.req('PUT', `/api/orgs/${orgId}/profile`, { name: `${tag} Firm ${i}`, ...OFFICER_PROFILE });
  if (put.status !== 200) throw new Error(`profile ${put.status}: ${JSON.stringify(put.body)}`);
  const catalogue = (await c.req('GET', '/api/catalogue')).body;
  const byId = new Map(catalogue.questions.map((q) => [q.id, q]));
  const started = await c.req('POST', `/api/orgs/${orgId}/assessments`, {});
  if (started.status !== 201) throw new Error(`start ${started.status}: ${JSON.stringify(started.body)}`);
  const id = started.body.id;
  const answer = async (qs) => {
    const answers = qs.map((q, k) => ({
      questionId: q.id,
      optionId: q.options[(i + k) % q.options.length].id,
      baseRevision: 0,
    }));
    const res = await c.req('PUT', `/api/assessments/${id}/answers`, { answers });
    if (res.status !== 200) throw new Error(`answers ${res.status}: ${JSON.stringify(res.body)}`);
  };
  await answer(catalogue.questions.filter((q) => !q.applicability));
  for (let round = 0; round < 3; round++) {
    const submitted = await c.req('POST', `/api/assessments/${id}/submit`);
    if (submitted.status === 200) return { client: c, orgId, email, assessmentId: id };
    if (submitted.status !== 422 || !submitted.body.unanswered?.length)
      throw new Error(`submit ${submitted.status}: ${JSON.stringify(submitted.body)}`);
    await answer(submitted.body.unanswered.map((q) => byId.get(q)));
  }
  throw new Error('submit: questions still open');
}

/** Runs `fn` over `items` with at most `limit` at a time; returns the results in order. */
export async function pooled(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}

/** Report ids whose renders a worker log (JSON lines) records as finished ("Report <id> rendered: ..."). */
export function renderedIds(logText) {
  const ids = [];
  for (const line of logText.split('\n')) {
    const m = /Report ([0-9a-f-]{36}) rendered:/.exec(line);
    if (m) ids.push(m[1]);
  }
  return ids;
}

/** Polls the report table until every id is settled (done or failed) or `timeoutMs` passed; returns status counts. */
export async function waitForReports(pool, ids, timeoutMs, onTick) {
  const started = Date.now();
  for (;;) {
    const rows = (
      await pool.query(`SELECT status, count(*)::int AS n FROM report WHERE id = ANY($1::uuid[]) GROUP BY status`, [
        ids,
      ])
    ).rows;
    const counts = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    onTick?.(counts);
    if ((counts.done ?? 0) + (counts.failed ?? 0) === ids.length) return counts;
    if (Date.now() - started > timeoutMs) return counts;
    await sleep(500);
  }
}
