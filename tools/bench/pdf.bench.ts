// PDF benchmark: renders N realistic reports through the real pipeline (pg-boss queue → ReportWorker → browser pool →
// PostgreSQL) and, in the same run, the same HTML on bare reused Chromium pages (the floor). Prints median ms/report,
// reports/s, CPU time, peak memory and the ratio to the floor; --memory checks that memory stays flat over many reports.
//
//   npm run bench:pdf                          50 reports (DATABASE_URL, BENCH_DATABASE_URL or TEST_DATABASE_URL, else
//                                              the embedded database)
//   npm run bench:pdf -- --n 200 --pages 2     more reports / pages per browser (REPORT_PAGES)
//   npm run bench:pdf -- --memory 500          memory flatness: memory at start, middle and end of 500 reports
//   DATABASE_URL=postgres://... npm run bench:pdf   against a PostgreSQL server (creates and drops its own database)
//   npm run bench:pdf -- --floor-only --n 20 --locale de   the bare Chromium floor alone (chambers.bench uses it)
//
// The floor: the same HTML (renderReportHtml of the example report) through setContent + page.pdf on an already
// running browser with the same number of pages in parallel as the worker (REPORT_PAGES), after a warm-up. The
// pipeline: each report requested through ReportsService, queued in pg-boss, rendered by the ReportWorker through the
// browser pool and stored in PostgreSQL. Both print seconds per report (wall time of the whole run / N) and the ratio
// (target ≤ 1.3) as BENCH_RESULT lines for `npm run bench`.
//
// Results go to bench-results/pdf-<time>.json (git-ignored).
import 'reflect-metadata';
import { Global, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import puppeteer from 'puppeteer-core';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { migrations } from '../../libs/api/app/src/migrations';
import { DirectoryService, Organisation, UserAccount } from '@scs/api/accounts';
import { ConfigModule, DatabaseModule, ResourceOwners, loadConfig, type AppConfig } from '@scs/api/core';
import { parseCatalogueFiles, type Catalogue } from '@scs/shared/catalogue';
import type { ReportData, ReportLocale } from '@scs/shared/contracts';
import {
  REPORT_DATA_SOURCE,
  ReportRenderer,
  ReportsModule,
  ReportsService,
  exampleReportData,
  findChromium,
  processTreeMemory,
  renderReportHtml,
  reportPdfOptions,
  reportsEntities,
  type FirmReportData,
  type ReportDataSource,
} from '@scs/api/reports';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '50' },
    pages: { type: 'string' },
    memory: { type: 'string' },
    locale: { type: 'string', default: 'en' },
    'skip-floor': { type: 'boolean', default: false },
    'floor-only': { type: 'boolean', default: false },
  },
});
const N = Number(args.n);
const MEMORY_N = args.memory ? Number(args.memory) : 0;
const LOCALE = args.locale as ReportLocale;

function readCatalogue(): Catalogue {
  const dir = resolve('libs/shared/catalogue/data/2026.1');
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return parseCatalogueFiles(walk(dir).map((p) => ({ path: relative(dir, p), content: readFileSync(p, 'utf8') })));
}

// ---- process measurements (Linux /proc) --------------------------------------------------------------------------

const TICK = 100; // USER_HZ
function treeCpuSeconds(rootPid: number | undefined): number {
  if (!rootPid) return 0;
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const e of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'latin1');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime stime cutime cstime (fields 14-17; f[0] is field 3)
      cpu.set(Number(e), (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICK);
      children.set(Number(f[1]), [...(children.get(Number(f[1])) ?? []), Number(e)]);
    } catch {
      // gone
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop() as number;
    total += cpu.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

const nodeCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Samples memory every 500 ms (reading /proc costs CPU that would be counted against the renders): node RSS + browser PSS (shared pages counted once); `peak` is the highest sum. */
function rssSampler(browserPid: () => number | undefined) {
  let peak = 0;
  const parts = () => {
    const node = process.memoryUsage().rss;
    const pid = browserPid();
    return { node, browser: pid ? processTreeMemory(pid) : 0 };
  };
  const sample = () => {
    const p = parts();
    peak = Math.max(peak, p.node + p.browser);
    return p;
  };
  const timer = setInterval(sample, 500);
  return { sample, stop: () => (clearInterval(timer), peak) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// ---- the pipeline ----------------------------------------------------------------------------------------------

class BenchData implements ReportDataSource {
  constructor(
    private readonly base: FirmReportData,
    private readonly orgId: string,
  ) {}
  async version(assessmentId: string) {
    return { orgId: this.orgId, parts: [assessmentId, this.base.assessment.catalogueVersion] };
  }
  async load(assessmentId: string, locale: ReportLocale): Promise<FirmReportData> {
    return { ...this.base, locale, assessment: { ...this.base.assessment, id: assessmentId } };
  }
}

async function database(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  // The same server as the other benches (tools/bench/support.mjs); the embedded database only when none is named.
  const server = process.env['DATABASE_URL'] ?? process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  if (!server) return { url: undefined, drop: async () => undefined };
  const name = `scs_bench_${Date.now()}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

interface PipelineResult {
  renderMs: number[];
  wallMs: number;
  cpuSeconds: number;
  peakRss: number;
  pages: number[];
  bytes: number[];
  rssTrace: { at: number; node: number; browser: number }[];
  launches: number;
}

async function pipeline(
  config: AppConfig,
  data: ReportData,
  count: number,
  traceEvery: number,
): Promise<PipelineResult> {
  const holder: { source?: BenchData } = {};
  const lazySource: ReportDataSource = {
    version: (id) => (holder.source as BenchData).version(id),
    load: (id, locale) => (holder.source as BenchData).load(id, locale),
  };

  @Global()
  @Module({
    // What ReportsModule needs from the other features: owners, the data source and the directory (preparer names).
    providers: [ResourceOwners, DirectoryService, { provide: REPORT_DATA_SOURCE, useValue: lazySource }],
    exports: [ResourceOwners, DirectoryService, REPORT_DATA_SOURCE],
  })
  class BenchSupportModule {}

  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot({ entities: [...reportsEntities, Organisation, UserAccount], migrations }),
      BenchSupportModule,
      ReportsModule,
    ],
  })
  class BenchModule {}

  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  try {
    const db = app.get<DataSource>(getDataSourceToken());
    const [org] = await db.query(
      `INSERT INTO "organisation" ("kind", "name") VALUES ('firm', 'Bench firm') RETURNING "id"`,
    );
    const orgId = (org as { id: string }).id;
    holder.source = new BenchData(data, orgId);
    const reports = app.get(ReportsService);
    const pool = app.get(ReportRenderer).browserPool();
    const user = { id: '00000000-0000-4000-8000-000000000000' };
    await db.query(
      `INSERT INTO "user_account" ("id", "email", "name", "password_hash") VALUES ($1, 'bench@example.org', 'Bench', 'x') ON CONFLICT DO NOTHING`,
      [user.id],
    );

    const run = async (n: number, onProgress?: (done: number) => void) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const request = { kind: 'assessment', orgId, subjectId: randomUUID(), locale: LOCALE, preparedBy: null };
        ids.push((await reports.request({ ...request, requestedBy: user.id })).report.id);
      }
      let done = 0;
      while (done < n) {
        await new Promise((r) => setTimeout(r, 50));
        const [row] = await db.query(
          `SELECT count(*)::int AS done, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM "report" WHERE id = ANY($1) AND status IN ('done', 'failed')`,
          [ids],
        );
        if ((row as { failed: number }).failed) throw new Error('a benchmark report failed');
        done = (row as { done: number }).done;
        onProgress?.(done);
      }
      return ids;
    };

    await run(2); // warm-up: browser launch, first pages, queue and statement caches
    const sampler = rssSampler(() => pool.stats().pid);
    const rssTrace: { at: number; node: number; browser: number }[] = [{ at: 0, ...sampler.sample() }];
    let lastTraced = 0;
    const node0 = nodeCpuSeconds();
    let browserCpu = 0;
    let lastPid = pool.stats().pid;
    let lastBrowserCpu = treeCpuSeconds(lastPid);
    // A replaced browser takes its CPU account with it: add it up per browser (approximately, at the switch).
    pool.on('recycle', () => {
      browserCpu += treeCpuSeconds(lastPid) - lastBrowserCpu;
    });
    pool.on('launch', ({ pid }) => {
      lastPid = pid;
      lastBrowserCpu = treeCpuSeconds(pid);
    });
    const t0 = performance.now();
    const ids = await run(count, (done) => {
      if (traceEvery && done - lastTraced >= traceEvery) {
        lastTraced = done - (done % traceEvery);
        rssTrace.push({ at: done, ...sampler.sample() });
      }
    });
    const wallMs = performance.now() - t0;
    browserCpu += treeCpuSeconds(lastPid) - lastBrowserCpu;
    const cpuSeconds = nodeCpuSeconds() - node0 + browserCpu;
    rssTrace.push({ at: count, ...sampler.sample() });
    const peakRss = sampler.stop();
    const rows: { ms: number; pages: number; bytes: number }[] = await db.query(
      `SELECT extract(epoch FROM finished_at - started_at) * 1000 AS ms, pages, bytes FROM "report" WHERE id = ANY($1)`,
      [ids],
    );
    return {
      renderMs: rows.map((r) => Number(r.ms)),
      wallMs,
      cpuSeconds,
      peakRss,
      pages: rows.map((r) => r.pages),
      bytes: rows.map((r) => r.bytes),
      rssTrace,
      launches: pool.stats().launches,
    };
  } finally {
    await app.close();
  }
}

// ---- the floor: the same HTML on bare reused pages --------------------------------------------------------------

async function floor(executablePath: string, html: string, count: number, pages: number) {
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
    ],
  });
  try {
    const pid = browser.process()?.pid;
    const options = reportPdfOptions();
    const tabs = await Promise.all(Array.from({ length: pages }, () => browser.newPage()));
    const once = async (i: number) => {
      const tab = tabs[i % pages] as (typeof tabs)[number];
      const t = performance.now();
      await tab.setContent(html, { waitUntil: 'load' });
      await tab.pdf(options);
      return performance.now() - t;
    };
    await Promise.all(tabs.map((_, i) => once(i))); // warm-up
    const sampler = rssSampler(() => pid);
    const cpu0 = nodeCpuSeconds() + treeCpuSeconds(pid);
    const t0 = performance.now();
    const ms: number[] = [];
    let next = 0;
    await Promise.all(
      tabs.map(async (_, slot) => {
        while (next < count) {
          next++;
          ms.push(await once(slot));
        }
      }),
    );
    const wallMs = performance.now() - t0;
    const cpuSeconds = nodeCpuSeconds() + treeCpuSeconds(pid) - cpu0;
    return { renderMs: ms, wallMs, cpuSeconds, peakRss: sampler.stop() };
  } finally {
    await browser.close();
  }
}

// ---- main -----------------------------------------------------------------------------------------------------

/** One machine-readable result line; tools/bench/run-all.mjs collects these into one table. */
function benchResult(row: {
  figure: string;
  unit: string;
  median: number;
  min?: number | null;
  max?: number | null;
  baseline?: number | null;
  ratio?: number | null;
}): void {
  console.log('BENCH_RESULT ' + JSON.stringify({ min: null, max: null, baseline: null, ratio: null, ...row }));
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const floorOnly = args['floor-only'];
  const db = floorOnly ? { url: undefined, drop: async () => undefined } : await database();
  const config = loadConfig({
    NODE_ENV: 'production',
    ROLE: 'all',
    LOG_LEVEL: 'warn',
    PGLITE_DIR: 'memory',
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...(args.pages ? { REPORT_PAGES: args.pages } : {}),
    ...(process.env['CHROMIUM_PATH'] ? { CHROMIUM_PATH: process.env['CHROMIUM_PATH'] } : {}),
  });
  const catalogue = readCatalogue();
  const data = exampleReportData(catalogue, { locale: LOCALE });
  const html = renderReportHtml(data);
  const executablePath = findChromium(config.chromiumPath);
  const env = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    database: db.url ? 'postgresql' : 'pglite (embedded)',
    pagesPerBrowser: config.reportPages,
    locale: LOCALE,
  };
  console.log(
    `PDF benchmark: ${N} reports, ${config.reportPages} page(s) per browser, ${env.cpus} CPUs, database ${env.database}`,
  );

  try {
    if (floorOnly) {
      const f = await floor(executablePath, html, N, config.reportPages);
      const perReport = f.wallMs / 1000 / N;
      console.log(
        `floor: ${N} reports (${LOCALE}) on a warm browser, ${config.reportPages} page(s) in parallel: ${perReport.toFixed(3)} s per report (wall), median render ${Math.round(median(f.renderMs))} ms, ${(f.cpuSeconds / N).toFixed(3)} CPU-s per report`,
      );
      benchResult({
        figure: `bare Chromium floor, s per report (wall / N, ${config.reportPages} pages in parallel, ${LOCALE})`,
        unit: 's',
        median: perReport,
        min: Math.min(...f.renderMs) / 1000,
        max: Math.max(...f.renderMs) / 1000,
      });
      return;
    }
    const t0 = performance.now();
    const p = await pipeline(config, data, N, 0);
    const f = args['skip-floor'] ? undefined : await floor(executablePath, html, N, config.reportPages);
    const summary = {
      pipeline: {
        medianMsPerReport: round(median(p.renderMs), 0),
        reportsPerSecond: round(N / (p.wallMs / 1000)),
        cpuSecondsPerReport: round(p.cpuSeconds / N, 3),
        peakMemoryMb: mb(p.peakRss),
        medianPages: median(p.pages),
        medianKb: Math.round(median(p.bytes) / 1024),
        browserLaunches: p.launches,
      },
      floor: f && {
        medianMsPerReport: round(median(f.renderMs), 0),
        reportsPerSecond: round(N / (f.wallMs / 1000)),
        cpuSecondsPerReport: round(f.cpuSeconds / N, 3),
        peakMemoryMb: mb(f.peakRss),
      },
      ratioToFloor: f && {
        wallTime: round(p.wallMs / f.wallMs),
        medianMs: round(median(p.renderMs) / median(f.renderMs)),
        cpu: round(p.cpuSeconds / f.cpuSeconds),
      },
    };
    console.table({ pipeline: summary.pipeline, ...(summary.floor ? { floor: summary.floor } : {}) });
    if (summary.ratioToFloor)
      console.log(
        `ratio to floor: wall time ${summary.ratioToFloor.wallTime}×, median ${summary.ratioToFloor.medianMs}×, CPU ${summary.ratioToFloor.cpu}×`,
      );
    const pipelinePerReport = p.wallMs / 1000 / N;
    const floorPerReport = f ? f.wallMs / 1000 / N : null;
    benchResult({
      figure: `pipeline, s per report (request → queue → worker → stored; wall / N, N = ${N})`,
      unit: 's',
      median: pipelinePerReport,
      min: Math.min(...p.renderMs) / 1000,
      max: Math.max(...p.renderMs) / 1000,
      baseline: floorPerReport,
      ratio: floorPerReport ? pipelinePerReport / floorPerReport : null,
    });
    if (f) {
      benchResult({
        figure: `bare Chromium floor, s per report (same HTML, warm browser, ${config.reportPages} pages in parallel)`,
        unit: 's',
        median: f.wallMs / 1000 / N,
        min: Math.min(...f.renderMs) / 1000,
        max: Math.max(...f.renderMs) / 1000,
      });
      benchResult({
        figure: 'pipeline CPU per report (Node + Chromium)',
        unit: 'CPU-s',
        median: p.cpuSeconds / N,
        baseline: f.cpuSeconds / N,
        ratio: p.cpuSeconds / f.cpuSeconds,
      });
      console.log(
        `pipeline ${pipelinePerReport.toFixed(3)} s per report against the floor's ${(floorPerReport as number).toFixed(3)} s: ${(pipelinePerReport / (floorPerReport as number)).toFixed(2)}× (target ≤ 1.3)`,
      );
    }
    console.log(`bench:pdf took ${((performance.now() - t0) / 1000).toFixed(0)} s`);

    let memory:
      | { reports: number; memoryMb: { at: number; mb: number; nodeMb: number; browserMb: number }[] }
      | undefined;
    if (MEMORY_N) {
      console.log(`memory flatness: ${MEMORY_N} reports through the pipeline ...`);
      const m = await pipeline(config, data, MEMORY_N, Math.max(1, Math.floor(MEMORY_N / 10)));
      memory = {
        reports: MEMORY_N,
        memoryMb: m.rssTrace.map((x) => ({
          at: x.at,
          mb: mb(x.node + x.browser),
          nodeMb: mb(x.node),
          browserMb: mb(x.browser),
        })),
      };
      const points = memory.memoryMb;
      const middle = points[Math.floor(points.length / 2)];
      console.log(
        `memory (node RSS + browser PSS) at start ${points[0]?.mb} MB, middle (${middle?.at}) ${middle?.mb} MB, end ${points.at(-1)?.mb} MB; peak ${mb(m.peakRss)} MB`,
      );
      console.log(
        `trace (reports: node + browser MB): ${points.map((x) => `${x.at}: ${x.nodeMb}+${x.browserMb}`).join(', ')}`,
      );
    }

    mkdirSync('bench-results', { recursive: true });
    const file = join('bench-results', `pdf-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), n: N, env, ...summary, memory }, null, 2));
    console.log(`written to ${file}`);
  } finally {
    await db.drop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
