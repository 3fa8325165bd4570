#!/usr/bin/env node
// Scale-out on one machine: two API processes and two worker processes against one PostgreSQL, behind a local nginx
// reverse proxy (round robin). Checks that sessions work on either API process (sign in on one, use and sign out on
// the other), that autosave conflicts are detected across processes, and that a batch of reports requested through
// the proxy is rendered exactly once each, spread over both workers. Prints the figures; exits non-zero on a failure.
// Needs the production build (npx nx run-many -t build -p api web), nginx (Debian package) and Chromium.
// Usage: node tests/scale/scale-out.mjs [--reports 200]
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  firmWithSubmittedAssessment,
  officerPassword,
  pooled,
  renderedIds,
  startProcess,
  waitForReports,
} from '../../tools/bench/processes.mjs';
import { Client, createDatabase, freePort, report } from '../../tools/bench/support.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const REPORTS = Math.max(2, arg('reports', 200));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const checks = [];
function check(name, ok, detail = '') {
  checks.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

async function startNginx(dir, upstreams) {
  const port = await freePort();
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d), { recursive: true });
  chmodSync(dir, 0o755);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream scs_api {
${upstreams.map((u) => `    server ${u.replace('http://', '')};`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 3m;
    location / {
      proxy_pass http://scs_api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const proc = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off; user root;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) throw new Error(`nginx exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok)
        return {
          url,
          stop: () => new Promise((r) => (proc.exitCode !== null ? r() : (proc.once('exit', r), proc.kill('SIGQUIT')))),
        };
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  proc.kill('SIGKILL');
  throw new Error('nginx did not start');
}

const dir = mkdtempSync(join(tmpdir(), 'scs-scale-'));
const db = await createDatabase('scs_scale');
const env = {
  DATABASE_URL: db.url,
  DATABASE_POOL_SIZE: '8',
  TRUST_PROXY: 'true',
  JWT_SECRET: 'scale-secret-0123456789abcdef0123456789ab',
  RESEARCH_PSEUDONYM_KEY: 'scale-pseudonym-key-0123456789abcdef',
  REPORT_PAGES: '2',
};
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const procs = [];
let nginx;
try {
  // The first process applies the migrations; the others start on the migrated schema.
  const api1 = await startProcess('api', env, join(dir, 'api-1.log'));
  procs.push(api1);
  const [api2, w1, w2] = await Promise.all([
    startProcess('api', env, join(dir, 'api-2.log')),
    startProcess('worker', env, join(dir, 'worker-1.log')),
    startProcess('worker', env, join(dir, 'worker-2.log')),
  ]);
  procs.push(api2, w1, w2);
  nginx = await startNginx(dir, [api1.url, api2.url]);
  console.log(`nginx ${nginx.url} → ${api1.url}, ${api2.url}; workers (metrics) ${w1.internal}, ${w2.internal}`);

  // --- Sessions on either process ---
  const seed = await firmWithSubmittedAssessment(api1.url, 0, 'scale');
  const onFirst = new Client(api1.url);
  const login = await onFirst.req('POST', '/api/auth/login', { email: seed.email, password: officerPassword(0) });
  check('sign in on API 1', login.status === 200, `status ${login.status}`);
  const onSecond = new Client(api2.url);
  onSecond.cookies = new Map(onFirst.cookies);
  const me = await onSecond.req('GET', '/api/auth/me');
  check(
    'the session of API 1 works on API 2',
    me.status === 200 && me.body.email === seed.email,
    `status ${me.status}`,
  );
  const viaProxy = new Client(nginx.url);
  viaProxy.cookies = new Map(onFirst.cookies);
  const upstreams = new Map();
  let proxied200 = 0;
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${nginx.url}/api/auth/me`, {
      headers: { cookie: [...viaProxy.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    const u = res.headers.get('x-upstream');
    upstreams.set(u, (upstreams.get(u) ?? 0) + 1);
    if (res.status === 200) proxied200++;
  }
  check(
    '20 requests through nginx reach both API processes with the same session',
    proxied200 === 20 && upstreams.size === 2,
    JSON.stringify(Object.fromEntries(upstreams)),
  );
  const out = await onSecond.req('POST', '/api/auth/logout');
  const after = await onFirst.req('GET', '/api/auth/me');
  check(
    'signing out on API 2 ends the session on API 1',
    out.status < 300 && after.status === 401,
    `logout ${out.status}, then /me on API 1 ${after.status}`,
  );

  // --- Autosave conflicts across processes ---
  const a = new Client(api1.url);
  const b = new Client(api2.url);
  for (const c of [a, b]) {
    const r = await c.req('POST', '/api/auth/login', { email: seed.email, password: officerPassword(0) });
    if (r.status !== 200) throw new Error(`login ${r.status}`);
  }
  const draft = await a.req('POST', `/api/orgs/${seed.orgId}/assessments`, {});
  const catalogue = (await a.req('GET', '/api/catalogue')).body;
  const q = catalogue.questions.find((x) => !x.applicability);
  const put = (c, optionIndex, baseRevision) =>
    c.req('PUT', `/api/assessments/${draft.body.id}/answers`, {
      answers: [{ questionId: q.id, optionId: q.options[optionIndex].id, baseRevision }],
    });
  const s1 = await put(a, 0, 0);
  const s2 = await put(b, 1, 0);
  check(
    'API 2 refuses an answer based on a revision API 1 already replaced (409)',
    s1.status === 200 && s2.status === 409,
    `API 1 ${s1.status}, API 2 ${s2.status} ${JSON.stringify(s2.body?.conflicts?.[0] ?? '')}`,
  );
  const s3 = await put(b, 1, s1.body.saved?.[0]?.revision ?? 1);
  const s4 = await put(a, 2, s1.body.saved?.[0]?.revision ?? 1);
  check(
    '… and API 1 refuses the stale one after API 2 saved on the current revision',
    s3.status === 200 && s4.status === 409,
    `API 2 ${s3.status}, API 1 ${s4.status}`,
  );

  // --- A batch of reports through the proxy, rendered by two workers ---
  const firmsNeeded = Math.ceil(REPORTS / 2);
  console.log(`preparing ${firmsNeeded} firms with a submitted self-check through nginx ...`);
  const t0 = Date.now();
  const firms = await pooled(
    Array.from({ length: firmsNeeded }, (_, i) => i + 1),
    8,
    (i) => firmWithSubmittedAssessment(nginx.url, i, 'scale'),
  );
  console.log(`firms ready in ${((Date.now() - t0) / 1000).toFixed(1)} s; requesting ${REPORTS} reports ...`);
  const tRequest = Date.now();
  const requests = firms.flatMap((f) => ['en', 'de'].map((locale) => ({ f, locale }))).slice(0, REPORTS);
  const ids = await pooled(requests, 10, async ({ f, locale }) => {
    const res = await f.client.req('POST', `/api/assessments/${f.assessmentId}/reports`, { locale });
    if (res.status !== 202) throw new Error(`report request ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.id;
  });
  let last = '';
  const counts = await waitForReports(pool, ids, 30 * 60_000, (c) => {
    const line = JSON.stringify(c);
    if (line !== last) process.stdout.write(`\r${line}   `);
    last = line;
  });
  const batchSeconds = (Date.now() - tRequest) / 1000;
  console.log('');

  const rows = (
    await pool.query(
      `SELECT r.id, r.status, r.attempts, (SELECT count(*)::int FROM report_file f WHERE f.report_id = r.id) AS files,
            (SELECT count(*)::int FROM pgboss.job j WHERE j.name = 'render-report' AND j.data->>'reportId' = r.id::text AND j.state = 'completed') AS completed
       FROM report r WHERE r.id = ANY($1::uuid[])`,
      [ids],
    )
  ).rows;
  const byWorker = [w1, w2].map((_, i) =>
    renderedIds(readFileSync(join(dir, `worker-${i + 1}.log`), 'utf8')).filter((id) => ids.includes(id)),
  );
  const all = byWorker.flat();
  const unique = new Set(all);
  check(
    `${REPORTS} reports requested through nginx are all done`,
    (counts.done ?? 0) === REPORTS,
    JSON.stringify(counts),
  );
  check(
    'each report rendered exactly once (worker logs)',
    all.length === REPORTS && unique.size === REPORTS,
    `${all.length} renders, ${unique.size} distinct`,
  );
  check(
    'each report has exactly one stored PDF, one completed job and one attempt',
    rows.every((r) => r.files === 1 && r.completed === 1 && r.attempts === 1),
  );
  check(
    'both workers rendered',
    byWorker.every((w) => w.length > 0),
    `worker 1: ${byWorker[0].length}, worker 2: ${byWorker[1].length}`,
  );
  const metrics = await Promise.all(
    [w1, w2].map(async (w) => {
      const text = await (await fetch(`${w.internal}/metrics`)).text();
      return text
        .split('\n')
        .filter((l) => l.startsWith('report_render_seconds_count'))
        .reduce((s, l) => s + Number(l.split(' ').pop()), 0);
    }),
  );
  check(
    'worker metrics count the same renders',
    metrics[0] + metrics[1] === all.length,
    `report_render_seconds_count ${metrics.join(' + ')}`,
  );
  const apiErrors = [api1, api2].map(
    (_, i) =>
      readFileSync(join(dir, `api-${i + 1}.log`), 'utf8')
        .split('\n')
        .filter((l) => /"level":(50|60)/.test(l)).length,
  );
  check(
    'no errors logged by the API processes',
    apiErrors.every((n) => n === 0),
    `api 1: ${apiErrors[0]}, api 2: ${apiErrors[1]}`,
  );
  console.log(
    `batch of ${REPORTS}: ${batchSeconds.toFixed(1)} s from the first request to the last PDF, ${(REPORTS / batchSeconds).toFixed(2)} reports/s with 2 workers × ${env.REPORT_PAGES} pages`,
  );
  report({
    figure: `scale-out: ${REPORTS} reports, 2 API + 2 workers behind nginx`,
    unit: 's',
    median: batchSeconds,
    min: batchSeconds,
    max: batchSeconds,
    baseline: null,
    ratio: null,
  });
  report({
    figure: 'scale-out: reports/s (2 workers)',
    unit: '1/s',
    median: REPORTS / batchSeconds,
    min: null,
    max: null,
    baseline: null,
    ratio: null,
  });
} catch (e) {
  check('scale-out run', false, e.message);
} finally {
  await nginx?.stop();
  for (const p of procs.reverse()) await p.stop();
  await pool.end();
  await db.drop();
  const failed = checks.filter((c) => !c.ok).length;
  if (failed) console.log(`logs kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
