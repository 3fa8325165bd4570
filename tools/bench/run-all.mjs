#!/usr/bin/env node
// `npm run bench`: runs every benchmark of the project against the real PostgreSQL and Chromium, prints one table
// (figure, median, min, max, baseline measured in the same run, ratio) and writes it as JSON to bench-results/.
// Each benchmark script prints lines `BENCH_RESULT {json}`; `--only name[,name]` runs those whose file name starts with
// a name (e.g. --only autosave). `--only pdf` runs the PDF figures of issue 18: pdf.bench.ts (bare Chromium floor,
// pipeline per report and their ratio), pdf-cold.bench.mjs (the cold first report after a fresh start) and the chamber
// batch of chambers.bench.mjs against N × the floor. `--only load` runs the 200-officer load test (tests/load), paced as
// the wizard saves and without pauses; the whole run includes it.
//   --n 50          reports for the pipeline and its floor (pdf.bench.ts)
//   --cold-runs 3   fresh server starts (pdf-cold.bench.mjs)
//   --batch 100     member reports in the chamber batch (chambers.bench.mjs --reports; 1000 for the figure)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { autosaveTable } from './support.mjs';

const root = new URL('../..', import.meta.url).pathname;
const option = (name) =>
  process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined;
const only = option('only')?.split(',');
const N = Number(option('n') ?? 50);
const COLD_RUNS = Number(option('cold-runs') ?? 3);
const BATCH = Number(option('batch') ?? 100);
/** Arguments per script; with `--only pdf` (and not chambers) the chambers bench runs its batch distribution only. */
const argsOf = (script) =>
  script === 'pdf.bench.ts'
    ? ['--n', String(N)]
    : script === 'pdf-cold.bench.mjs'
      ? ['--runs', String(COLD_RUNS)]
      : script === 'chambers.bench.mjs'
        ? ['--reports', String(BATCH), ...(only && !only.includes('chambers') ? ['--parts', 'distribution'] : [])]
        : [];
const selected = (script) =>
  !only || only.some((o) => script.startsWith(o) || (o === 'pdf' && script === 'chambers.bench.mjs'));
const started = performance.now();
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };

console.log('building api and web (cached when unchanged) ...');
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

/**
 * The 200-officer load test (tests/load) of issue 18, as `--only load` or within the whole run: paced as the wizard
 * saves (a batch 600 ms after the last change), then without any pause (the saturation case); both pinned.
 */
const LOAD_RUNS = [
  ['--officers', '200', '--seconds', '60', '--pin', '--pace', '600'],
  ['--officers', '200', '--seconds', '60', '--pin'],
];
const scripts = [
  ...readdirSync(join(root, 'tools/bench'))
    .filter((f) => /\.bench\.(mjs|ts)$/.test(f))
    .filter(selected)
    .sort()
    .map((script) => ({ script, file: join('tools/bench', script), args: argsOf(script) })),
  ...(!only || only.includes('load')
    ? LOAD_RUNS.map((args) => ({ script: 'officers.load.mjs', file: 'tests/load/officers.load.mjs', args }))
    : []),
];
const rows = [];
for (const { script, file, args } of scripts) {
  console.log(`\n=== ${script} ${args.join(' ')} ===`);
  const own = join('tools/bench', script.replace(/\.ts$/, '.tsconfig.json'));
  const tsconfig = existsSync(join(root, own)) ? own : 'tools/bench/tsconfig.json';
  const cmd = script.endsWith('.ts')
    ? ['npx', ['tsx', '--tsconfig', tsconfig, file, ...args]]
    : [process.execPath, [file, ...args]];
  const t0 = performance.now();
  const res = spawnSync(cmd[0], cmd[1], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(res.stdout ?? '');
  process.stderr.write(res.stderr ?? '');
  console.log(`(${script}: ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  if (res.status !== 0)
    rows.push({
      bench: script,
      figure: 'FAILED',
      unit: '',
      median: null,
      min: null,
      max: null,
      baseline: null,
      ratio: null,
    });
  for (const line of (res.stdout ?? '').split('\n')) {
    if (line.startsWith('BENCH_RESULT '))
      rows.push({ bench: script.replace(/\.(bench|load)\.\w+$/, ''), ...JSON.parse(line.slice(13)) });
  }
}

const fmt = (v) =>
  v === null || v === undefined
    ? '–'
    : typeof v === 'number'
      ? Math.abs(v) >= 100
        ? v.toFixed(0)
        : v.toFixed(2)
      : String(v);
const header = ['bench', 'figure', 'unit', 'median', 'min', 'max', 'baseline', 'ratio'];
const table = [header, ...rows.map((r) => header.map((h) => fmt(r[h])))];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log('\n' + table.map((row) => row.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n'));

const autosave = rows.filter((r) => r.autosave).map((r) => r.autosave);
if (autosave.length)
  console.log(`\nautosave (issue 18 table; API against the bare handler of the same run)\n${autosaveTable(autosave)}`);

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
};
mkdirSync(join(root, 'bench-results'), { recursive: true });
const out = join(root, 'bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2));
writeFileSync(
  join(root, 'bench-results', 'latest.json'),
  JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2),
);
console.log(`\nwritten ${out}; the whole run took ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (rows.some((r) => r.figure === 'FAILED')) process.exit(1);
