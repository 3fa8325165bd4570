#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof, or autosave.bench.mjs --profile) into top-N tables: self time and
// inclusive time per function, and per package (node_modules package, node internals, the app bundle, GC, idle).
// Usage: node tools/bench/profile-summary.mjs <file.cpuprofile> [--top 25] [--markdown]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) {
  console.error('usage: node tools/bench/profile-summary.mjs <file.cpuprofile> [--top 25] [--markdown]');
  process.exit(2);
}
const TOP = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 25;
const MARKDOWN = args.includes('--markdown');
// --callers <name>: where the self time of functions named <name> comes from (the stack's next 3 frames up).
const CALLERS = args.includes('--callers') ? args[args.indexOf('--callers') + 1] : undefined;
const profile = JSON.parse(readFileSync(file, 'utf8'));

/** 'express', '@nestjs/core', 'node:internal', 'app', '(garbage collector)' ... */
export function packageOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return 'node (internals)';
  if (/dist\/apps\/api\/main\.js$/.test(url)) return 'app (main.js)';
  return url.replace(/^file:\/\//, '');
}

function keyOf(node) {
  const f = node.callFrame;
  const where = f.url
    ? `${packageOf(f.url, f.functionName)}${f.url.startsWith('node:') ? ` ${f.url.slice(5)}` : ''}:${f.lineNumber + 1}`
    : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
}

// Self time per node from samples and time deltas (µs); falls back to hitCount × mean interval.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
if (profile.samples?.length && profile.timeDeltas?.length) {
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute the interval after a sample to it.
    const dt = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + Math.max(0, dt));
  }
} else {
  const total = profile.endTime - profile.startTime;
  const hits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
  for (const n of profile.nodes) selfUs.set(n.id, ((n.hitCount ?? 0) * total) / hits);
}
const parentOf = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const root = profile.nodes.find((n) => !parentOf.has(n.id));

const fnSelf = new Map();
const fnIncl = new Map();
const pkgSelf = new Map();
const pkgIncl = new Map();
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
let totalUs = 0;
let idleUs = 0;
// Walk the tree, keeping multisets of the functions and packages on the current stack, so that a recursive function
// or a package that appears twice in one stack counts once towards inclusive time.
const callers = new Map();
const stack = [];
const fnOnStack = new Map();
const pkgOnStack = new Map();
function visit(node) {
  const k = keyOf(node);
  const p = packageOf(node.callFrame.url, node.callFrame.functionName);
  add(fnOnStack, k, 1);
  add(pkgOnStack, p, 1);
  stack.push(k);
  const self = selfUs.get(node.id) ?? 0;
  if (self > 0 && CALLERS && node.callFrame.functionName === CALLERS)
    add(callers, stack.slice(-4, -1).reverse().join(' < '), self);
  if (self > 0) {
    totalUs += self;
    if (node.callFrame.functionName === '(idle)') idleUs += self;
    add(fnSelf, k, self);
    add(pkgSelf, p, self);
    for (const f of fnOnStack.keys()) add(fnIncl, f, self);
    for (const q of pkgOnStack.keys()) add(pkgIncl, q, self);
  }
  for (const c of node.children ?? []) visit(byId.get(c));
  stack.pop();
  if (fnOnStack.get(k) === 1) fnOnStack.delete(k);
  else add(fnOnStack, k, -1);
  if (pkgOnStack.get(p) === 1) pkgOnStack.delete(p);
  else add(pkgOnStack, p, -1);
}
visit(root);

const busyUs = totalUs - idleUs;
const pct = (us) => `${((100 * us) / busyUs).toFixed(1)} %`;
const ms = (us) => `${(us / 1000).toFixed(0)} ms`;
const IGNORE = new Set(['(root)', '(idle)', '(program)']);

function table(title, rows, cols) {
  if (MARKDOWN) {
    console.log(`\n${title}\n\n| ${cols.join(' | ')} |\n| ${cols.map(() => '---').join(' | ')} |`);
    for (const r of rows) console.log(`| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`);
    return;
  }
  const all = [cols, ...rows.map((r) => r.map(String))];
  const w = cols.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  console.log(`\n${title}`);
  for (const r of all) console.log(r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '));
}
const top = (m) =>
  [...m]
    .filter(([k]) => ![...IGNORE].some((i) => k.startsWith(i)))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP);

console.log(
  `${file}: ${ms(profile.endTime - profile.startTime)} profiled, ${ms(busyUs)} busy (${ms(idleUs)} idle); percentages of busy time`,
);
table(
  'self time per package',
  top(pkgSelf).map(([k, v]) => [k, ms(v), pct(v)]),
  ['package', 'self', 'share'],
);
table(
  'inclusive time per package (a package anywhere on the stack)',
  top(pkgIncl).map(([k, v]) => [k, ms(v), pct(v)]),
  ['package', 'inclusive', 'share'],
);
table(
  `top ${TOP} functions by self time`,
  top(fnSelf).map(([k, v]) => [k, ms(v), pct(v)]),
  ['function', 'self', 'share'],
);
table(
  `top ${TOP} functions by inclusive time`,
  top(fnIncl).map(([k, v]) => [k, ms(v), pct(v)]),
  ['function', 'inclusive', 'share'],
);
if (CALLERS)
  table(
    `callers of ${CALLERS} (self time)`,
    top(callers).map(([k, v]) => [k, ms(v), pct(v)]),
    ['called from', 'self', 'share'],
  );
