#!/usr/bin/env node
// Chamber campaigns through the production server: importing 5,000 invitations (the per-upload limit) while a
// concurrent client keeps calling /api/health (its p99 shows whether the import starves other requests), the API
// process's peak memory, and the progress/firms reads of a campaign with many joined firms.
// Usage: node tools/bench/chambers.bench.mjs [--runs 3] [--firms 200]
// (The "batch-prepare 1,000 member reports" figure needs batch distribution, which is not built yet.)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { Client, createDatabase, report, ROOT, startServer, stats } from './support.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const RUNS = arg('runs', 3);
const FIRMS = arg('firms', 200);
const LIMIT = 5000;
const PASSWORD = 'Bench-Pferd-Batterie-2026!';
const day = 86_400_000;

/** Peak resident set size of a process so far (VmHWM), in MiB. */
function peakRssMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
}

const db = await createDatabase('scs_bench_chambers');
const env = { DATABASE_URL: db.url, DATABASE_POOL_SIZE: '10', JWT_SECRET: 'bench-secret-0123456789abcdef0123456789' };
const server = await startServer(env);
try {
  const adminEmail = `bench-admin-${Date.now()}@chamber.example`;
  const cli = spawnSync(process.execPath, [join(ROOT, 'dist/apps/api/cli.js'), 'create-chamber', '--name', 'Bench Chamber', '--admin-email', adminEmail], {
    cwd: ROOT, env: { ...process.env, ...env, PUBLIC_URL: server.url, LOG_LEVEL: 'warn' }, encoding: 'utf8',
  });
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(cli.stdout)?.[1];
  if (!token) throw new Error(`create-chamber failed: ${cli.stdout}${cli.stderr}`);
  const chamber = new Client(server.url);
  const reg = await chamber.req('POST', '/api/auth/register', { email: adminEmail, password: PASSWORD, name: 'Bench Admin', invitationToken: token });
  if (reg.status !== 201) throw new Error(`register ${reg.status} ${JSON.stringify(reg.body)}`);
  const chamberId = reg.body.orgId;
  const newCampaign = async (title) => {
    const res = await chamber.req('POST', `/api/orgs/${chamberId}/campaigns`, {
      title, messageDe: 'Bitte nehmen Sie teil.', messageEn: 'Please take part.', opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString(),
    });
    if (res.status !== 201) throw new Error(`campaign ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };

  // --- 1. import LIMIT addresses per run, with a concurrent health probe
  const importMs = [];
  const rates = [];
  const health = [];
  for (let run = 0; run < RUNS; run++) {
    const campaignId = await newCampaign(`Bench import ${run}`);
    const text = Array.from({ length: LIMIT }, (_, i) => `member${i}.run${run}@firm${i}.example`).join('\n');
    let importing = true;
    const probe = (async () => {
      while (importing) {
        const t0 = performance.now();
        await fetch(`${server.url}/api/health`);
        health.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t0 = performance.now();
    const res = await chamber.req('POST', `/api/orgs/${chamberId}/campaigns/${campaignId}/invitations`, { addresses: text });
    const ms = performance.now() - t0;
    importing = false;
    await probe;
    if (res.status !== 200 || res.body.invited !== LIMIT) throw new Error(`import ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    importMs.push(ms);
    rates.push(LIMIT / (ms / 1000));
    console.log(`run ${run}: ${LIMIT} invitations in ${ms.toFixed(0)} ms`);
  }
  const imp = stats(importMs);
  const rate = stats(rates);
  const h = stats(health);
  report({ figure: `import ${LIMIT} invitations (one upload)`, unit: 'ms', median: imp.median, min: imp.min, max: imp.max, baseline: null, ratio: null });
  report({ figure: 'invitations imported per second', unit: '1/s', median: rate.median, min: rate.min, max: rate.max, baseline: null, ratio: null });
  report({ figure: 'p99 of concurrent GET /api/health during imports', unit: 'ms', median: h.p99, min: h.min, max: h.max, baseline: h.median, ratio: h.p99 / h.median });
  report({ figure: 'API process peak RSS after imports', unit: 'MiB', median: peakRssMiB(server.proc.pid), min: null, max: null, baseline: null, ratio: null });

  // --- 2. a campaign with FIRMS joined firms (registered through their links): progress and firm-list reads
  const campaignId = await newCampaign('Bench progress');
  const emails = Array.from({ length: FIRMS }, (_, i) => `owner${i}@joined${i}.example`);
  await chamber.req('POST', `/api/orgs/${chamberId}/campaigns/${campaignId}/invitations`, { addresses: emails.join('\n') });
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const rows = (await pool.query(`SELECT "to", "text" FROM "mail_outbox" WHERE "to" = ANY($1)`, [emails])).rows;
  await pool.end();
  console.log(`registering ${FIRMS} firms through their campaign links ...`);
  for (let i = 0; i < rows.length; i += 10) {
    await Promise.all(
      rows.slice(i, i + 10).map(async (r, j) => {
        const invitationToken = /\/invitations\/([A-Za-z0-9_-]+)/.exec(r.text)[1];
        const res = await new Client(server.url).req('POST', '/api/auth/register', { email: r.to, password: PASSWORD, name: `Owner ${i + j}`, firmName: `Joined Firm ${i + j}`, invitationToken });
        if (res.status !== 201) throw new Error(`firm register ${res.status} ${JSON.stringify(res.body)}`);
      }),
    );
  }
  for (const [name, path] of [['progress', 'progress'], ['firm list', 'firms']]) {
    const latencies = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      const res = await chamber.req('GET', `/api/orgs/${chamberId}/campaigns/${campaignId}/${path}`);
      latencies.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${path} ${res.status}`);
    }
    const s = stats(latencies);
    report({ figure: `GET campaign ${name} (${FIRMS} joined firms)`, unit: 'ms', median: s.median, min: s.min, max: s.max, baseline: null, ratio: null });
  }
} finally {
  await server.stop();
  await db.drop();
}
