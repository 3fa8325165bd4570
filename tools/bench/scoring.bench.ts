// Scores 1,000 complete random assessments against the real catalogue and reports the time taken.
// Run: npx tsx --tsconfig libs/shared/scoring/tsconfig.lib.json tools/bench/scoring.bench.ts [count]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROFILE_FIELDS, applicableQuestions, parseCatalogueFiles, type FirmProfile } from '@scs/shared/catalogue';
import { projectExposure, score, type Answers, type ScoreResult } from '@scs/shared/scoring';
import { answerFromCode } from '@scs/shared/answers';

const dir = resolve(process.argv[3] ?? 'libs/shared/catalogue/data/2026.1');
const count = Number(process.argv[2] ?? 1000);

// mulberry32: a fixed seed makes every run score the same assessments.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const some = <T>(list: readonly T[]): T[] => list.filter(() => random() < 0.3);

function randomProfile(): FirmProfile {
  return {
    legalForm: pick(PROFILE_FIELDS.legalForm.values),
    activities: some(PROFILE_FIELDS.activities.values),
    importsExports: random() < 0.6,
    headcountBand: pick(PROFILE_FIELDS.headcountBand.values),
    agencyLabour: random() < 0.3,
    pollutantPermit: pick(PROFILE_FIELDS.pollutantPermit.values),
    largeScaleData: pick(PROFILE_FIELDS.largeScaleData.values),
    publicProcurement: random() < 0.2,
    largeEnterpriseBuyer: random() < 0.3,
    taxRegistrationYear: 1995 + Math.floor(random() * 31),
    naceSection: pick(PROFILE_FIELDS.naceSection.values),
    provinces: some(['SH', 'JS', 'GD', 'BJ', 'ZJ', 'SD'] as const),
    germanParent: random() < 0.9,
  };
}

const walk = (d: string): string[] =>
  readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
const catalogue = parseCatalogueFiles(
  walk(dir).map((p) => ({ path: relative(dir, p), content: readFileSync(p, 'utf8') })),
);

const assessments = Array.from({ length: count }, () => {
  const profile = randomProfile();
  const answers: Answers = Object.fromEntries(
    applicableQuestions(catalogue, profile).map((q) => [
      q.id,
      answerFromCode(pick([...q.options.map((o) => o.id), ...(q.dontKnow ? ['dont_know'] : [])])),
    ]),
  );
  return { profile, answers };
});

// Warm up the JIT so the measurement reflects steady state.
for (const a of assessments.slice(0, 50)) score(catalogue, a.profile, a.answers);

const results: ScoreResult[] = [];
const start = performance.now();
for (const a of assessments) results.push(score(catalogue, a.profile, a.answers));
const totalMs = performance.now() - start;

const levels = Object.fromEntries(catalogue.levels.map((l) => [l.id, results.filter((r) => r.level === l.id).length]));
console.log(
  `scored ${count} complete assessments against catalogue ${catalogue.version} (${catalogue.questions.length} questions)`,
);
console.log(`total ${totalMs.toFixed(1)} ms, ${((totalMs * 1000) / count).toFixed(1)} µs per assessment`);
console.log(
  `BENCH_RESULT ${JSON.stringify({ figure: `score ${count} full assessments`, unit: 'ms', median: +totalMs.toFixed(2), min: +totalMs.toFixed(2), max: +totalMs.toFixed(2), baseline: null, ratio: null })}`,
);
console.log(
  JSON.stringify({
    bench: 'scoring',
    catalogue: catalogue.version,
    assessments: count,
    totalMs: +totalMs.toFixed(2),
    perAssessmentMs: +(totalMs / count).toFixed(4),
    levels,
  }),
);

// The 36-month projected exposure (submit, result page, report): month by month against scoring every month, the
// baseline it replaced. These random assessments have no dated records, so the projection scores once.
const projected = assessments.slice(0, Math.min(200, count));
const AS_OF = '2026-12';
const timeProjection = (project: (a: (typeof projected)[number]) => void) => {
  for (const a of projected.slice(0, 20)) project(a);
  const t0 = performance.now();
  for (const a of projected) project(a);
  return (performance.now() - t0) / projected.length;
};
const projectionMs = timeProjection((a) => projectExposure(catalogue, a.profile, a.answers, AS_OF));
const everyMonthMs = timeProjection((a) => {
  for (let i = 0; i <= 36; i++) score(catalogue, a.profile, a.answers, AS_OF);
});
console.log(
  `projection of ${projected.length} assessments (37 months): ${(projectionMs * 1000).toFixed(1)} µs each; scoring every month: ${(everyMonthMs * 1000).toFixed(1)} µs each`,
);
console.log(
  `BENCH_RESULT ${JSON.stringify({ figure: 'projected exposure, 37 months, per assessment without records', unit: 'ms', median: +projectionMs.toFixed(4), min: +projectionMs.toFixed(4), max: +projectionMs.toFixed(4), baseline: +everyMonthMs.toFixed(4), ratio: +(projectionMs / everyMonthMs).toFixed(3) })}`,
);
