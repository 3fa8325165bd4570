import { createHash } from 'node:crypto';
import * as chambers from '@scs/api/chambers';
import { CatalogueService } from '@scs/api/catalogue';
import * as disclosure from '@scs/shared/disclosure';
import type { AggregateTable, MemberAggregatesView } from '@scs/shared/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { chamberSetup, levelCountsOf, overallOf, type ChamberSetup, type MemberFirm } from '../support/chamber-members';
import { MANUFACTURER_PROFILE } from '../support/firms';

// Attack 11 (issue 15): a *tuned* attacker. The chamber plants firms whose answers it chooses so that a published
// figure sits exactly at a threshold: level counts at a rounding threshold (with k = 5, two planted firms at a level
// round to 0, three to 5), the overall mean at a known sum of band midpoints, a finding's count at k − 1 next to one
// planted firm without it. Then one real firm decides which side of the threshold the release falls on.
// First one real release through the API, then many releases of the same computation over fixed-seed trials (the
// real firm's level drawn at random each time, so chance is 1/4), measuring how often the attacker is right.

const K = 5;
const TRIALS = 400;
const LEVELS = ['low', 'moderate', 'high', 'critical'] as const;
type Level = (typeof LEVELS)[number];
const RANGE: Record<Level, [number, number]> = {
  low: [0, 24],
  moderate: [25, 49],
  high: [50, 74],
  critical: [75, 100],
};

/** Deterministic uniform integers (SHA-256 in counter mode, rejection sampling): the trials' only randomness. */
function seededSource(seed: string): { below(n: bigint): bigint; int(n: number): number } {
  let counter = 0;
  let pool = 0n;
  let bits = 0;
  const take = (width: number): bigint => {
    while (bits < width) {
      const block = createHash('sha256').update(`${seed}:${counter++}`).digest('hex');
      pool = (pool << 256n) | BigInt(`0x${block}`);
      bits += 256;
    }
    bits -= width;
    const out = pool >> BigInt(bits);
    pool &= (1n << BigInt(bits)) - 1n;
    return out;
  };
  const below = (n: bigint): bigint => {
    const width = n.toString(2).length;
    for (;;) {
      const x = take(width);
      if (x < n) return x;
    }
  };
  return { below, int: (n: number) => Number(below(BigInt(n))) };
}

/** What the release states about its noise (absent before the noise existed: then the attacker assumes exact figures). */
interface NoiseRule {
  levelScale: number;
  meanScale: number;
  findingScale: number;
}
const noiseRule = (): NoiseRule | null =>
  ((disclosure as Record<string, unknown>)['RELEASE_NOISE'] as NoiseRule | undefined) ?? null;

/** log P(Z = z) of the discrete Laplace distribution with scale t (t = 0: exact). */
function logDL(z: number, t: number): number {
  if (t === 0) return z === 0 ? 0 : -Infinity;
  return Math.log(Math.tanh(1 / (2 * t))) - Math.abs(z) / t;
}

type Member = chambers.MemberResult;
const member = (id: string, level: Level, score: number, findings: string[] = []): Member => ({
  firmId: id,
  catalogueVersion: '2026.2',
  naceSection: MANUFACTURER_PROFILE.naceSection,
  headcountBand: MANUFACTURER_PROFILE.headcountBand,
  legalForm: MANUFACTURER_PROFILE.legalForm,
  level,
  overallScore: score,
  dimensionScores: {},
  findings,
});

/** The level counts of the total row (all planted and real firms share one profile, so it holds all of them). */
function levelCells(table: AggregateTable | undefined): { level: Level; value: number }[] {
  const total = table?.rows.find((r) => r.total);
  return (table?.columns ?? []).flatMap((c, i) => {
    const cell = total?.cells[i];
    if (!LEVELS.includes(c.key as Level) || !cell || cell.status === 'suppressed') return []; // merged columns skipped
    return [{ level: c.key as Level, value: cell.status === 'lt3' ? 3 : (cell.value ?? 0) }];
  });
}

/** log P(published count = v | exact count e): noise (if any), clamped at 0, "<3" and rounding to multiples of k. */
function logCount(v: number, e: number, t: number): number {
  const published = (y: number) => (y <= 2 ? 0 : disclosure.roundCount(y, K));
  if (t === 0) return published(e) === v || (v === 3 && e > 0 && e < 3) ? 0 : -Infinity;
  let p = 0;
  for (let y = e - 40 * t; y <= e + 40 * t; y++) if (published(Math.max(0, y)) === v) p += Math.exp(logDL(y - e, t));
  return Math.log(p);
}

/** log P(published band sum = b | exact band sum e) for sums clamped to [0, max] (band units of 25 points). */
function logSum(b: number, e: number, max: number, t: number): number {
  if (t === 0) return b === e ? 0 : -Infinity;
  if (b > 0 && b < max) return logDL(b - e, t);
  let p = 0;
  for (let z = 0; z <= 40 * t; z++) p += Math.exp(logDL(b === 0 ? -(e + z) : max - e + z, t));
  return Math.log(p);
}

/**
 * The attacker's guess of the real firm's level from a release in which it planted `planted`: the level under which
 * the published total-row level counts and overall mean are most likely, given the published rule (rounding to k,
 * band midpoints, and the noise scales when the release states them). Each level implies its band (no knock-outs
 * in the trials). Ties go to the first level.
 */
function guessLevel(tables: AggregateTable[], planted: readonly Member[], rule: NoiseRule | null): Level {
  const counts = levelCells(tables.find((x) => x.id === 'level-by-sector'));
  const total = tables.find((x) => x.id === 'means-by-size')?.rows.find((r) => r.total);
  const n = total?.n.value ?? 0;
  const mean = total?.cells[0]?.status === 'value' ? (total.cells[0].value as number) : null;
  const bandOf = (score: number) => (disclosure.scoreBand(score).mid - 12.5) / 25;
  const plantedBands = planted.reduce((s, p) => s + bandOf(p.overallScore ?? 0), 0);
  let best: Level = LEVELS[0];
  let bestScore = -Infinity;
  for (const [index, level] of LEVELS.entries()) {
    let score = 0;
    for (const c of counts) {
      const expected = planted.filter((p) => p.level === c.level).length + (level === c.level ? 1 : 0);
      score += logCount(c.value, expected, rule?.levelScale ?? 0);
    }
    if (mean !== null && n > 0) {
      const observed = Math.round((mean * n - 12.5 * n) / 25);
      score += logSum(observed, plantedBands + index, 3 * n, rule?.meanScale ?? 0);
    }
    if (score > bestScore) [best, bestScore] = [level, score];
  }
  return best;
}

describe('attack 11: planted firms tuned to the thresholds of level counts, means and findings', () => {
  let t: TestApp;
  let c: ChamberSetup;
  let real: MemberFirm;
  const planted: MemberFirm[] = [];

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000', RESEARCH_K: String(K) });
    c = await chamberSetup(t, 'AHK Tuned');
    real = await c.addFirm('owner@tuned-real.test', 'mixed');
    await c.share(real);
    // Two planted firms at the lowest level, two at the highest: each level count sits at the rounding threshold.
    for (const [i, pick] of (['best', 'best', 'worst', 'worst'] as const).entries()) {
      const sybil = await c.addFirm(`owner@tuned-sybil${i}.test`, pick);
      await c.share(sybil);
      planted.push(sybil);
    }
    c.nextQuarter();
  }, 240_000);
  afterAll(() => t?.close());

  it("one real release: the tuned plants do not give away the real member's level", async () => {
    const view: MemberAggregatesView = await c.aggregates();
    const truth = await c.truth(real);
    const plantedTruth = await Promise.all(planted.map((p) => c.truth(p)));
    const asMembers = plantedTruth.map((p, i) => member(`p${i}`, p.level as Level, p.overall));
    const guess = guessLevel(view.tables, asMembers, noiseRule());
    console.log(
      `[attack 11a] release of ${overallOf(view).n ?? '.'} members, level counts ${JSON.stringify(levelCountsOf(view))}, mean ${overallOf(view).display}; planted levels ${plantedTruth.map((p) => p.level).join(', ')}; attacker's guess of the real member's level: ${guess} (true ${truth.level})`,
    );
    expect(view.status).toBe('published');
  });

  it('over many releases the attacker guesses the level no better than the stated bound (chance: 1/4)', async () => {
    const catalogue = (await t.app.get(CatalogueService).current()).catalogue;
    const vocabulary = disclosure.vocabularyOf([catalogue]);
    const rule = noiseRule();
    const tables = chambers.memberTables as (...args: unknown[]) => chambers.MemberTables;
    const draw = seededSource('attack-11-targets');
    let right = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      // The attacker varies its tuning: two plants at two levels (each count at the rounding threshold).
      const a = LEVELS[trial % 4];
      const b = LEVELS[(trial + 1 + ((trial >> 2) % 3)) % 4];
      const plants = [a, a, b, b].map((l, i) =>
        member(`p${i}`, l, RANGE[l][0] + draw.int(RANGE[l][1] - RANGE[l][0] + 1)),
      );
      const level = LEVELS[draw.int(4)];
      const target = member('target', level, RANGE[level][0] + draw.int(RANGE[level][1] - RANGE[level][0] + 1));
      const release = tables([...plants, target], vocabulary, K, { random: seededSource(`attack-11-noise:${trial}`) });
      if (guessLevel(release.tables, plants, rule) === level) right++;
    }
    const accuracy = right / TRIALS;
    const epsilon = (disclosure as Record<string, unknown>)['LEVEL_EPSILON'] as number | undefined;
    const bound = epsilon === undefined ? 0.25 : Math.exp(epsilon) / (Math.exp(epsilon) + 3);
    const slack = 3 * Math.sqrt((bound * (1 - bound)) / TRIALS);
    console.log(
      `[attack 11b] ${TRIALS} releases with two plants at each of two levels: attacker named the real member's level in ${right} (${(accuracy * 100).toFixed(1)} %); chance 25 %, stated bound ${(bound * 100).toFixed(1)} % (ε = ${epsilon ?? 'none'}) + ${(slack * 100).toFixed(1)} % sampling slack`,
    );
    expect(accuracy).toBeLessThanOrEqual(bound + slack);
  });

  it('over many releases the listed findings tell no more than the stated bound whether the real member has a finding (chance: 1/2)', async () => {
    const catalogue = (await t.app.get(CatalogueService).current()).catalogue;
    const vocabulary = disclosure.vocabularyOf([catalogue]);
    const rule = noiseRule();
    const [finding] = [...vocabulary.findings.keys()];
    const tables = chambers.memberTables as (...args: unknown[]) => chambers.MemberTables;
    const draw = seededSource('attack-11-findings');
    let right = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      // k − 1 plants with the finding and one without: the count is k − 1 or k, the total k + 1.
      const plants = Array.from({ length: K }, (_, i) => member(`p${i}`, 'moderate', 30, i < K - 1 ? [finding] : []));
      const has = draw.int(2) === 1;
      const target = member('target', 'moderate', 30, has ? [finding] : []);
      const release = tables([...plants, target], vocabulary, K, { random: seededSource(`attack-11-find:${trial}`) });
      const row = release.tables.find((x) => x.id === 'frequent-findings')?.rows.find((r) => r.key === finding);
      let guess: boolean;
      if (!rule) guess = row !== undefined;
      else {
        // Listed: its published count; not listed: below k. Likelier of count k − 1 (no) or k (yes).
        const n = row?.n.value ?? null;
        guess = n === null ? false : logDL(n - K, rule.findingScale) > logDL(n - (K - 1), rule.findingScale);
      }
      if (guess === has) right++;
    }
    const accuracy = right / TRIALS;
    const epsilon = (disclosure as Record<string, unknown>)['FINDING_EPSILON'] as number | undefined;
    const bound = epsilon === undefined ? 0.5 : Math.exp(epsilon) / (Math.exp(epsilon) + 1);
    const slack = 3 * Math.sqrt((bound * (1 - bound)) / TRIALS);
    console.log(
      `[attack 11c] ${TRIALS} releases with the finding's count tuned to k − 1: attacker told whether the real member has it in ${right} (${(accuracy * 100).toFixed(1)} %); chance 50 %, stated bound ${(bound * 100).toFixed(1)} % (ε = ${epsilon ?? 'none'}) + ${(slack * 100).toFixed(1)} % sampling slack`,
    );
    expect(accuracy).toBeLessThanOrEqual(bound + slack);
  });
});
