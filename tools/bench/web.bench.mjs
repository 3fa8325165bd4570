#!/usr/bin/env node
// Web app payload: the initial JS + CSS of the production build against its Angular budget, what a cold start-page
// load transfers over HTTP (every request, as Chromium counts it) against the raw size of the same responses, and the
// time until the start page shows its heading on a slow office connection (2 Mbit/s down, 0.5 up, 150 ms RTT).
// Usage: node tools/bench/web.bench.mjs [--runs 3]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createDatabase, report, ROOT, startServer, stats } from './support.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const RUNS = arg('runs', 3);
const WEB = join(ROOT, 'dist/apps/web/browser');
const kB = (bytes) => bytes / 1000;

// The initial files are those index.html loads before any lazy route: stylesheets, module scripts and modulepreloads.
const index = readFileSync(join(WEB, 'index.html'), 'utf8');
const initial = [...index.matchAll(/(?:href|src)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const initialBytes = initial.reduce((s, f) => s + statSync(join(WEB, f)).size, 0);
const budget = JSON.parse(
  readFileSync(join(ROOT, 'apps/web/project.json'), 'utf8'),
).targets.build.configurations.production.budgets.find((b) => b.type === 'initial');
const budgetBytes = Number.parseInt(budget.maximumWarning, 10) * 1000;
console.log(
  `initial files (${initial.length}): ${kB(initialBytes).toFixed(0)} kB raw; budget warning ${budget.maximumWarning}, error ${budget.maximumError}`,
);
report({
  figure: 'web: initial JS + CSS of the build (raw)',
  unit: 'kB',
  median: kB(initialBytes),
  min: kB(initialBytes),
  max: kB(initialBytes),
  baseline: kB(budgetBytes),
  ratio: initialBytes / budgetBytes,
});

const executablePath =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const db = await createDatabase('scs_bench_web');
let server;
let browser;
try {
  server = await startServer({ DATABASE_URL: db.url, JWT_SECRET: 'bench-secret-0123456789abcdef0123456789' });
  browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const transfers = [];
  const raws = [];
  const requestCounts = [];
  const fonts = [];
  const slow = [];
  const slowAll = [];
  for (let run = 0; run < RUNS; run++) {
    for (const throttled of [false, true]) {
      const context = await browser.newContext({ locale: 'en-GB' }); // fresh context = cold cache
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      if (throttled) {
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 150,
          downloadThroughput: 2_000_000 / 8,
          uploadThroughput: 500_000 / 8,
        });
      }
      const responses = new Map();
      const kinds = new Map();
      let transferred = 0;
      let fontBytes = 0;
      cdp.on('Network.responseReceived', (e) => {
        responses.set(e.requestId, e.response.url);
        kinds.set(e.requestId, e.type);
      });
      cdp.on('Network.loadingFinished', (e) => {
        transferred += e.encodedDataLength;
        if (kinds.get(e.requestId) === 'Font') fontBytes += e.encodedDataLength;
      });
      const t0 = performance.now();
      await page.goto(server.url + '/', { waitUntil: 'commit' });
      await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 120_000 });
      const shown = performance.now() - t0;
      // Icons (font-display: block) show once their font has arrived: wait for every font the page asked for.
      await page.evaluate(() => document.fonts.ready);
      const fontsDone = performance.now() - t0;
      await page.waitForLoadState('networkidle');
      if (throttled) {
        slow.push(shown);
        slowAll.push(fontsDone);
      } else {
        // The same responses uncompressed: what the transfer would be without any content encoding.
        let raw = 0;
        for (const url of responses.values()) {
          const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
          raw += (await res.arrayBuffer()).byteLength;
        }
        transfers.push(transferred);
        fonts.push(fontBytes);
        raws.push(raw);
        requestCounts.push(responses.size);
      }
      await context.close();
    }
  }
  const t = stats(transfers.map(kB));
  const r = stats(raws.map(kB));
  console.log(
    `cold start page: ${requestCounts[0]} requests, ${t.median.toFixed(0)} kB transferred (${r.median.toFixed(0)} kB uncompressed)`,
  );
  report({
    figure: 'web: initial transfer, cold start page (all requests)',
    unit: 'kB',
    median: t.median,
    min: t.min,
    max: t.max,
    baseline: r.median,
    ratio: t.median / r.median,
  });
  const f = stats(fonts.map(kB));
  console.log(`… of which fonts ${f.median.toFixed(0)} kB; everything else ${(t.median - f.median).toFixed(0)} kB`);
  report({
    figure: 'web: … of which fonts (icon font, Roboto)',
    unit: 'kB',
    median: f.median,
    min: f.min,
    max: f.max,
    baseline: t.median,
    ratio: f.median / t.median,
  });
  const s = stats(slow.map((ms) => ms / 1000));
  console.log(`start page heading visible on 2 Mbit/s, 150 ms RTT: median ${s.median.toFixed(2)} s`);
  report({
    figure: 'web: start page shown, 2 Mbit/s + 150 ms RTT',
    unit: 's',
    median: s.median,
    min: s.min,
    max: s.max,
    baseline: null,
    ratio: null,
  });
  const a = stats(slowAll.map((ms) => ms / 1000));
  console.log(`start page fonts (icons included) loaded on 2 Mbit/s, 150 ms RTT: median ${a.median.toFixed(2)} s`);
  report({
    figure: 'web: start page fonts loaded (icons shown), 2 Mbit/s + 150 ms RTT',
    unit: 's',
    median: a.median,
    min: a.min,
    max: a.max,
    baseline: null,
    ratio: null,
  });
} finally {
  await browser?.close();
  await server?.stop();
  await db.drop();
}
