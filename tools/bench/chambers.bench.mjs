#!/usr/bin/env node
// Chamber campaigns through the production server: importing 5,000 invitations (the per-upload limit) while a
// concurrent client keeps calling /api/health (its p99 shows whether the import starves other requests), the API
// process's peak memory, the progress/firms reads of a campaign with many joined firms, and the batch distribution:
// preparing N member reports (chamber-branded PDFs through the report queue, worker and browser pool) with total time,
// reports/s, peak memory of the server and its Chromium, and the p99 of concurrent health and read requests.
// The batch is compared with its floor time: N × the bare Chromium floor per report (tools/bench/pdf.bench.ts
// --floor-only: the example report's HTML in German on a warm browser, the same pages in parallel as the worker, no
// branding), measured first, before the server starts. --floor-n 0 leaves it out.
// Usage: node tools/bench/chambers.bench.mjs [--runs 3] [--firms 200] [--reports 1000] [--floor-n 20]
//          [--parts import,progress,distribution]
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { Client, confirmEmail, createDatabase, PROFILE, report, ROOT, startServer, stats } from './support.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const RUNS = arg('runs', 3);
const FIRMS = arg('firms', 200);
const REPORTS = arg('reports', 1000);
const FLOOR_N = arg('floor-n', 20);
const partsAt = process.argv.indexOf('--parts');
const PARTS = new Set(partsAt > 0 ? process.argv[partsAt + 1].split(',') : ['import', 'progress', 'distribution']);
const LIMIT = 5000;
const PASSWORD = 'Bench-Pferd-Batterie-2026!';
const day = 86_400_000;

/** Peak resident set size of a process so far (VmHWM), in MiB. */
function peakRssMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
}

/** Resident memory of a process and all its descendants (the API and its Chromium), in MiB; Linux /proc. */
function treeRssMiB(rootPid) {
  const children = new Map();
  const rss = new Map();
  for (const e of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      rss.set(Number(e), Number(fields[21]) * 4096);
      children.set(Number(fields[1]), [...(children.get(Number(fields[1])) ?? []), Number(e)]);
    } catch {
      // ended meanwhile
    }
  }
  let total = 0;
  const walk = (pid) => {
    total += rss.get(pid) ?? 0;
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(rootPid);
  return total / 2 ** 20;
}

/** The bare Chromium floor in seconds per report, from pdf.bench.ts --floor-only (run before the server starts). */
function floorSecondsPerReport() {
  const res = spawnSync(
    'npx',
    [
      'tsx',
      '--tsconfig',
      'tools/bench/pdf.bench.tsconfig.json',
      'tools/bench/pdf.bench.ts',
      '--floor-only',
      '--n',
      String(FLOOR_N),
      '--locale',
      'de',
    ],
    { cwd: ROOT, env: process.env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const line = (res.stdout ?? '').split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (res.status !== 0 || !line) throw new Error(`floor measurement failed:\n${res.stdout}${res.stderr}`);
  process.stdout.write(
    res.stdout
      .split('\n')
      .filter((l) => l.startsWith('floor:'))
      .join('\n') + '\n',
  );
  return JSON.parse(line.slice('BENCH_RESULT '.length)).median;
}
const floorPerReport = PARTS.has('distribution') && FLOOR_N > 0 ? floorSecondsPerReport() : undefined;

const db = await createDatabase('scs_bench_chambers');
// Sessions outlive the longest part (the clients here do not refresh their access tokens).
const env = {
  DATABASE_URL: db.url,
  DATABASE_POOL_SIZE: '10',
  JWT_SECRET: 'bench-secret-0123456789abcdef0123456789',
  ACCESS_TOKEN_TTL_SECONDS: '14400',
};
const server = await startServer(env);
try {
  const adminEmail = `bench-admin-${Date.now()}@chamber.example`;
  const cli = spawnSync(
    process.execPath,
    [join(ROOT, 'dist/apps/api/cli.js'), 'create-chamber', '--name', 'Bench Chamber', '--admin-email', adminEmail],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, PUBLIC_URL: server.url, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    },
  );
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(cli.stdout)?.[1];
  if (!token) throw new Error(`create-chamber failed: ${cli.stdout}${cli.stderr}`);
  const chamber = new Client(server.url);
  const reg = await chamber.req('POST', '/api/auth/register', {
    email: adminEmail,
    password: PASSWORD,
    name: 'Bench Admin',
    invitationToken: token,
  });
  // Registration answers 202 and mails a confirmation link; opening it accepts the invitation and signs in.
  if (reg.status !== 202) throw new Error(`register ${reg.status} ${JSON.stringify(reg.body)}`);
  const chamberId = (await confirmEmail(chamber, server.url, adminEmail)).orgId;
  if (!chamberId) throw new Error('the confirmed chamber admin has no organisation');
  const newCampaign = async (title) => {
    const res = await chamber.req('POST', `/api/orgs/${chamberId}/campaigns`, {
      title,
      messageDe: 'Bitte nehmen Sie teil.',
      messageEn: 'Please take part.',
      opensAt: new Date(Date.now() - day).toISOString(),
      closesAt: new Date(Date.now() + 30 * day).toISOString(),
    });
    if (res.status !== 201) throw new Error(`campaign ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };

  // --- 1. import LIMIT addresses per run, with a concurrent health probe
  if (PARTS.has('import')) {
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
      const res = await chamber.req('POST', `/api/orgs/${chamberId}/campaigns/${campaignId}/invitations`, {
        addresses: text,
      });
      const ms = performance.now() - t0;
      importing = false;
      await probe;
      if (res.status !== 200 || res.body.invited !== LIMIT)
        throw new Error(`import ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      importMs.push(ms);
      rates.push(LIMIT / (ms / 1000));
      console.log(`run ${run}: ${LIMIT} invitations in ${ms.toFixed(0)} ms`);
    }
    const imp = stats(importMs);
    const rate = stats(rates);
    const h = stats(health);
    report({
      figure: `import ${LIMIT} invitations (one upload)`,
      unit: 'ms',
      median: imp.median,
      min: imp.min,
      max: imp.max,
      baseline: null,
      ratio: null,
    });
    report({
      figure: 'invitations imported per second',
      unit: '1/s',
      median: rate.median,
      min: rate.min,
      max: rate.max,
      baseline: null,
      ratio: null,
    });
    report({
      figure: 'p99 of concurrent GET /api/health during imports',
      unit: 'ms',
      median: h.p99,
      min: h.min,
      max: h.max,
      baseline: h.median,
      ratio: h.p99 / h.median,
    });
    report({
      figure: 'API process peak RSS after imports',
      unit: 'MiB',
      median: peakRssMiB(server.proc.pid),
      min: null,
      max: null,
      baseline: null,
      ratio: null,
    });
  }

  // --- 2. a campaign with FIRMS joined firms (registered through their links): progress and firm-list reads
  if (PARTS.has('progress')) {
    const campaignId = await newCampaign('Bench progress');
    const emails = Array.from({ length: FIRMS }, (_, i) => `owner${i}@joined${i}.example`);
    await chamber.req('POST', `/api/orgs/${chamberId}/campaigns/${campaignId}/invitations`, {
      addresses: emails.join('\n'),
    });
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const rows = (await pool.query(`SELECT "to", "text" FROM "mail_outbox" WHERE "to" = ANY($1)`, [emails])).rows;
    await pool.end();
    console.log(`registering ${FIRMS} firms through their campaign links ...`);
    for (let i = 0; i < rows.length; i += 10) {
      await Promise.all(
        rows.slice(i, i + 10).map(async (r, j) => {
          const invitationToken = /\/invitations\/([A-Za-z0-9_-]+)/.exec(r.text)[1];
          const res = await new Client(server.url).req('POST', '/api/auth/register', {
            email: r.to,
            password: PASSWORD,
            name: `Owner ${i + j}`,
            firmName: `Joined Firm ${i + j}`,
            invitationToken,
          });
          if (res.status !== 201) throw new Error(`firm register ${res.status} ${JSON.stringify(res.body)}`);
        }),
      );
    }
    for (const [name, path] of [
      ['progress', 'progress'],
      ['firm list', 'firms'],
    ]) {
      const latencies = [];
      for (let i = 0; i < 50; i++) {
        const t0 = performance.now();
        const res = await chamber.req('GET', `/api/orgs/${chamberId}/campaigns/${campaignId}/${path}`);
        latencies.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${path} ${res.status}`);
      }
      const s = stats(latencies);
      report({
        figure: `GET campaign ${name} (${FIRMS} joined firms)`,
        unit: 'ms',
        median: s.median,
        min: s.min,
        max: s.max,
        baseline: null,
        ratio: null,
      });
    }
  }

  // --- 3. batch distribution: REPORTS member firms with a submitted assessment each, one branded PDF per firm
  if (PARTS.has('distribution')) {
    const campaignId = await newCampaign('Bench distribution');
    // One firm answers the self-check through the API; REPORTS member firms are cloned from it in SQL (each with
    // its own name, so every report has its own content and cache key), joined to the chamber and the campaign.
    const template = new Client(server.url);
    const ownerEmail = `bench-template-${Date.now()}@firm.example`;
    const registered = await template.req('POST', '/api/auth/register', {
      email: ownerEmail,
      password: PASSWORD,
      name: 'Template Owner',
      firmName: 'Template Firm',
    });
    if (registered.status !== 202) throw new Error(`template register ${registered.status}`);
    const owner = { body: await confirmEmail(template, server.url, ownerEmail) };
    const firmId = owner.body.orgId;
    const put = await template.req('PUT', `/api/orgs/${firmId}/profile`, { name: 'Template Firm', ...PROFILE });
    if (put.status !== 200) throw new Error(`template profile ${put.status} ${JSON.stringify(put.body)}`);
    const draft = await template.req('POST', `/api/orgs/${firmId}/assessments`, {});
    const open = await template.req('POST', `/api/assessments/${draft.body.id}/submit`, {});
    const catalogue = await template.req('GET', '/api/catalogue');
    // A realistic mix: every third question answered with its riskiest option (findings), the rest with the first.
    const answers = open.body.unanswered.map((questionId, i) => {
      const options = catalogue.body.questions.find((q) => q.id === questionId).options;
      return { questionId, optionId: options[i % 3 === 0 ? options.length - 1 : 0].id, baseRevision: 0 };
    });
    if ((await template.req('PUT', `/api/assessments/${draft.body.id}/answers`, { answers })).status !== 200)
      throw new Error('template answers');
    if ((await template.req('POST', `/api/assessments/${draft.body.id}/submit`, {})).status !== 200)
      throw new Error('template submit');

    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    const seed0 = performance.now();
    await sql.query('BEGIN');
    const firms = (
      await sql.query(
        `INSERT INTO "organisation" ("kind", "name") SELECT 'firm', 'Bench Member ' || g || ' (Suzhou) Co., Ltd.' FROM generate_series(1, $1) g RETURNING "id"`,
        [REPORTS],
      )
    ).rows.map((r) => r.id);
    await sql.query(`INSERT INTO "membership" ("user_id", "org_id", "role") SELECT $1, unnest($2::uuid[]), 'owner'`, [
      owner.body.user.id,
      firms,
    ]);
    await sql.query(`INSERT INTO "chamber_membership" ("chamber_id", "firm_id") SELECT $1, unnest($2::uuid[])`, [
      chamberId,
      firms,
    ]);
    await sql.query(`INSERT INTO "campaign_firm" ("campaign_id", "firm_id") SELECT $1, unnest($2::uuid[])`, [
      campaignId,
      firms,
    ]);
    await sql.query(
      `INSERT INTO "assessment" ("org_id", "catalogue_version", "profile_snapshot", "status", "created_by", "submitted_at", "submitted_by", "result", "overall_score", "level")
       SELECT f, a."catalogue_version", a."profile_snapshot", 'submitted', a."created_by", now(), a."submitted_by", a."result", a."overall_score", a."level"
         FROM "assessment" a, unnest($2::uuid[]) f WHERE a."id" = $1`,
      [draft.body.id, firms],
    );
    await sql.query(
      `INSERT INTO "assessment_answer" ("assessment_id", "question_id", "option_id", "note", "revision", "updated_by")
       SELECT n."id", aa."question_id", aa."option_id", aa."note", aa."revision", aa."updated_by"
         FROM "assessment" n JOIN "assessment_answer" aa ON aa."assessment_id" = $1 WHERE n."org_id" = ANY($2::uuid[])`,
      [draft.body.id, firms],
    );
    await sql.query('COMMIT');
    console.log(
      `seeded ${REPORTS} member firms with a submitted assessment in ${((performance.now() - seed0) / 1000).toFixed(1)} s`,
    );

    const latencies = { health: [], read: [] };
    let running = true;
    const probeErrors = [];
    let peak = treeRssMiB(server.proc.pid);
    const probes = [
      ['health', '/api/health', new Client(server.url)],
      ['read', `/api/orgs/${chamberId}/campaigns/${campaignId}/progress`, chamber],
    ].map(([key, path, client]) =>
      (async () => {
        while (running) {
          const t0 = performance.now();
          const res = await (key === 'health' ? fetch(server.url + path) : client.req('GET', path)).catch((e) => ({
            status: e.message,
          }));
          if (res.status !== 200) probeErrors.push(`${path} answered ${res.status}`);
          else latencies[key].push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 100));
        }
      })(),
    );
    const t0 = performance.now();
    const started = await chamber.req('POST', `/api/orgs/${chamberId}/campaigns/${campaignId}/distribution`, {
      locale: 'de',
    });
    if (started.status !== 202) throw new Error(`distribution ${started.status} ${JSON.stringify(started.body)}`);
    let view = started.body;
    let lastLog = 0;
    while (!view.finished) {
      await new Promise((r) => setTimeout(r, 500));
      peak = Math.max(peak, treeRssMiB(server.proc.pid));
      view = (await chamber.req('GET', `/api/orgs/${chamberId}/campaigns/${campaignId}/distribution`)).body;
      if (performance.now() - lastLog > 15_000) {
        lastLog = performance.now();
        console.log(
          `  ${((performance.now() - t0) / 1000).toFixed(0)} s: ${view.done} done, ${view.failed} failed of ${view.total}`,
        );
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    running = false;
    await Promise.all(probes);
    const check = (
      await sql.query(
        `SELECT count(*)::int AS "n", count(DISTINCT "sha256")::int AS "distinct" FROM "report" WHERE "prepared_by" = $1 AND "status" = 'done'`,
        [chamberId],
      )
    ).rows[0];
    await sql.end();
    console.log(
      `distribution: ${view.done} done, ${view.failed} failed of ${view.total} in ${seconds.toFixed(1)} s; ${check.n} PDFs stored (${check.distinct} distinct)`,
    );
    if (view.failed > 0 || check.n !== REPORTS)
      throw new Error(`expected ${REPORTS} prepared reports, got ${check.n} (${view.failed} failed)`);
    if (probeErrors.length) throw new Error(`${probeErrors.length} concurrent requests failed, e.g. ${probeErrors[0]}`);
    const h = stats(latencies.health);
    const r = stats(latencies.read);
    report({
      figure: `batch-prepare ${REPORTS} member reports (total)`,
      unit: 's',
      median: seconds,
      min: null,
      max: null,
      baseline: null,
      ratio: null,
    });
    if (floorPerReport !== undefined) {
      const floorTotal = floorPerReport * REPORTS;
      console.log(
        `batch of ${REPORTS}: ${seconds.toFixed(1)} s against the floor time ${floorTotal.toFixed(1)} s (${REPORTS} × ${floorPerReport.toFixed(3)} s): ${(seconds / floorTotal).toFixed(2)}×`,
      );
      report({
        figure: `batch-prepare ${REPORTS} member reports against N × bare Chromium floor`,
        unit: 's',
        median: seconds,
        min: null,
        max: null,
        baseline: floorTotal,
        ratio: seconds / floorTotal,
      });
    }
    report({
      figure: 'member reports prepared per second',
      unit: '1/s',
      median: REPORTS / seconds,
      min: null,
      max: null,
      baseline: null,
      ratio: null,
    });
    report({
      figure: 'peak memory of API + Chromium during the batch',
      unit: 'MiB',
      median: peak,
      min: null,
      max: null,
      baseline: null,
      ratio: null,
    });
    report({
      figure: 'p99 of concurrent GET /api/health during the batch',
      unit: 'ms',
      median: h.p99,
      min: h.min,
      max: h.max,
      baseline: h.median,
      ratio: h.p99 / h.median,
    });
    report({
      figure: 'p99 of concurrent GET campaign progress during the batch',
      unit: 'ms',
      median: r.p99,
      min: r.min,
      max: r.max,
      baseline: r.median,
      ratio: r.p99 / r.median,
    });
  }
} finally {
  await server.stop();
  await db.drop();
}
