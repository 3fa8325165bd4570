#!/usr/bin/env node
// `npm test`: lint (incl. module boundaries), type checks, unit tests, integration tests against PostgreSQL and
// browser tests against the production build — then one plain summary line "N passed, N failed".
// Extra arguments go to nx (e.g. `npm test -- -p api-accounts`).
// The lint step starts with the formatter check (`prettier --check`, config in .prettierrc; `npm run format` fixes).
import { spawn, spawnSync } from 'node:child_process';

const format = spawnSync('npx', ['prettier', '--check', '--log-level=warn', '.'], { encoding: 'utf8' });
const formatOk = format.status === 0;
process.stdout.write(format.stdout + format.stderr);
console.log(formatOk ? 'format: prettier --check passed' : '- workspace:format (run `npm run format`)');

const args = [
  'nx',
  'run-many',
  '-t',
  'lint',
  'typecheck',
  'test',
  '--output-style=static',
  '--parallel=2',
  ...process.argv.slice(2),
];
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
let output = '';
const child = spawn('npx', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.on('data', (d) => {
  output += d;
  process.stdout.write(d);
});
child.stderr.on('data', (d) => {
  output += d;
  process.stderr.write(d);
});
child.on('close', (code) => {
  const text = output.replace(/\x1b\[[0-9;]*m/g, '');
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const line of text.split('\n')) {
    const m = line.match(/^\s*Tests:\s+(.*)$/);
    if (!m) continue;
    for (const [, n, kind] of m[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
      if (kind === 'passed') passed += Number(n);
      else if (kind === 'failed') failed += Number(n);
      else skipped += Number(n);
    }
  }
  // A failed lint/typecheck/build task (or a suite that could not run) has no Jest count: count it as a failure.
  const failedTasks = [...text.matchAll(/^- ([\w-]+:[\w-]+)/gm)].map((m) => m[1]);
  const nonTestFailures = failedTasks.filter((t) => !t.endsWith(':test')).length;
  const suiteFailures = (text.match(/Test suite failed to run/g) ?? []).length;
  failed += nonTestFailures + suiteFailures + (formatOk ? 0 : 1);
  if (!formatOk) failedTasks.unshift('workspace:format');
  if (failedTasks.length) console.log(`failed tasks: ${failedTasks.join(', ')}`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(code !== 0 || failed > 0 || passed === 0 ? 1 : 0);
});
