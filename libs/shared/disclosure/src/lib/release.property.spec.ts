import fc from 'fast-check';
import { discreteLaplacePmf, sampleDiscreteLaplace, scaleOf, seededRandomSource } from './noise';
import type { ResearchRecord } from './record';
import { NO_LEVEL, addRecord, emptyWaveSummary, type WaveSummary } from './summary';
import {
  LEVEL_EPSILON,
  RELEASE_NOISE,
  RECOVERY_BOUND,
  coarsenScore,
  noisyReleaseSummary,
  SCORE_BAND,
  decideRelease,
  lastClosedQuarter,
  membershipChange,
  quarterEnd,
  quarterOf,
  releasedMean,
  roundCount,
  scoreBand,
} from './release';

// The attacker of these properties knows the publication rule, every other firm's exact score (it planted them, or
// knows them), and sees one or more releases, each with a membership of its choosing around the one real firm
// (the target). From the released means alone (computed by the same function the chamber releases use) it searches
// every score the target could have: its best estimate is the middle of what remains, and the error that estimate
// cannot rule out must stay above the stated bound.

const GRID = Array.from({ length: 401 }, (_, i) => i / 4); // 0, 0.25, …, 100
const score = fc.integer({ min: 0, max: 1000 }).map((x) => x / 10);

describe('releases: differencing with planted firms', () => {
  it(`no choice of planted firms and releases pins a real firm's overall score within ±${RECOVERY_BOUND}`, () => {
    fc.assert(
      fc.property(
        score,
        // 1–3 releases, each with 4–20 other firms (planted with chosen scores, or known real ones)
        fc.array(fc.array(score, { minLength: 4, maxLength: 20 }), { minLength: 1, maxLength: 3 }),
        (target, releases) => {
          const observed = releases.map((others) => releasedMean([...others, target]));
          const feasible = GRID.filter((s) =>
            releases.every((others, r) => releasedMean([...others, s]) === observed[r]),
          );
          expect(feasible.length).toBeGreaterThan(0);
          const lo = Math.min(...feasible);
          const hi = Math.max(...feasible);
          const best = (lo + hi) / 2; // the estimate minimising the worst-case error
          expect(Math.max(best - lo, hi - best)).toBeGreaterThan(RECOVERY_BOUND);
          // and the target's whole band is always feasible
          const band = scoreBand(target);
          expect(lo).toBeLessThanOrEqual(band.lo);
          expect(hi).toBeGreaterThanOrEqual(Math.min(band.hi, 100) - 0.25);
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });

  it('the difference of a release with and without one firm gives only its band midpoint', () => {
    fc.assert(
      fc.property(score, fc.array(score, { minLength: 4, maxLength: 30 }), (target, others) => {
        const n = others.length;
        const before = releasedMean(others) as number;
        const after = releasedMean([...others, target]) as number;
        const recovered = (n + 1) * after - n * before;
        // at most the rounding of the two means away from the band midpoint, never nearer the exact score than that
        expect(Math.abs(recovered - scoreBand(target).mid)).toBeLessThanOrEqual(0.05 * (2 * n + 1) + 1e-9);
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it(`the bound needs a band wider than 2 × ${RECOVERY_BOUND}`, () => {
    expect(SCORE_BAND / 2).toBeGreaterThan(RECOVERY_BOUND);
    expect([0, 24.9, 25, 99.9, 100].map((s) => scoreBand(s).mid)).toEqual([12.5, 12.5, 37.5, 87.5, 87.5]);
    expect([0, 2, 3, 7, 8].map((n) => roundCount(n, 5))).toEqual([0, 0, 5, 5, 10]);
  });
});

describe('releases: minimum change', () => {
  const firm = fc.integer({ min: 0, max: 30 }).map((i) => `firm${i}`);
  it('two consecutive published releases always differ by at least k firms, and none holds fewer than k', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 10 }),
        fc.array(fc.uniqueArray(firm, { maxLength: 25 }), { minLength: 1, maxLength: 12 }),
        (k, states) => {
          let published: string[] | null = null;
          for (const next of states) {
            const d = decideRelease(published, next, k);
            if (!d.publish) continue;
            expect(next.length).toBeGreaterThanOrEqual(k);
            if (published) expect(membershipChange(published, next)).toBeGreaterThanOrEqual(k);
            published = next;
          }
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });

  it('quarters', () => {
    expect(quarterOf(new Date('2026-12-05T00:00:00Z'))).toBe('2026-Q4');
    expect(lastClosedQuarter(new Date('2026-12-05T00:00:00Z'))).toBe('2026-Q3');
    expect(lastClosedQuarter(new Date('2027-01-01T00:00:00Z'))).toBe('2026-Q4');
    expect(quarterEnd('2026-Q4').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});

// Levels against planted firms (noise): the attacker knows every other firm exactly (it planted them) and sees the
// noisy statistics a release is built from, which is more than the published tables (those are sums of them, rounded).
const LEVELS = ['low', 'moderate', 'high', 'critical'] as const;
const SECTIONS = ['C', 'G', 'J'] as const; // three sector groups
const SIZES = ['lt50', '50_249', '250_999'] as const;

interface Firm {
  section: (typeof SECTIONS)[number];
  size: (typeof SIZES)[number];
  /** Level index 0–3; the firm's overall score lies in the matching band (no knock-outs). */
  level: number;
}

const firmArb = fc.record({
  section: fc.constantFrom(...SECTIONS),
  size: fc.constantFrom(...SIZES),
  level: fc.integer({ min: 0, max: 3 }),
});

function record(f: Firm, i: number): ResearchRecord {
  return {
    pseudonym: `f${i}`,
    wave: 'members',
    catalogueVersion: '2026.2',
    naceSection: f.section,
    provinceGroup: 'multi',
    province: 'multi',
    headcountBand: f.size,
    legalForm: 'wfoe',
    activities: [],
    dimensionScores: {},
    overallScore: coarsenScore(f.level * 25 + 10),
    level: LEVELS[f.level] as ResearchRecord['level'],
    answers: {},
  };
}

function summaryOf(firms: readonly Firm[]): WaveSummary {
  const s = emptyWaveSummary('members');
  firms.forEach((f, i) => addRecord(s, record(f, i), { answers: false }));
  return s;
}

/** The largest privacy loss between two summaries under the release noise: Σ |Δ cell| / scale over the noised cells. */
function privacyLoss(a: WaveSummary, b: WaveSummary): number {
  let loss = 0;
  for (const group of new Set([...Object.keys(a.levels), ...Object.keys(b.levels)]))
    for (const code of [...LEVELS, NO_LEVEL])
      loss += Math.abs((a.levels[group]?.[code] ?? 0) - (b.levels[group]?.[code] ?? 0)) / RELEASE_NOISE.levelScale;
  const sums = (s: WaveSummary) => s.scores['overall'] ?? {};
  for (const cell of new Set([...Object.keys(sums(a)), ...Object.keys(sums(b))]))
    loss += Math.abs((sums(a)[cell]?.[1] ?? 0) - (sums(b)[cell]?.[1] ?? 0)) / (SCORE_BAND * RELEASE_NOISE.meanScale);
  return loss;
}

/** P(Z ≥ m) of the discrete Laplace distribution with scale t (closed form). */
function upperTail(m: number, t: number): number {
  const q = Math.exp(-1 / t);
  return m >= 1 ? q ** m / (1 + q) : 1 - q ** (1 - m) / (1 + q);
}

/** log P(clamped noisy value = observed | exact value e): discrete Laplace, clamped to [lo, hi]. */
function logClamped(observed: number, e: number, t: number, lo: number, hi: number): number {
  if (observed > lo && observed < hi) return Math.log(discreteLaplacePmf(observed - e, t));
  return Math.log(observed <= lo ? upperTail(e - lo, t) : upperTail(hi - e, t)); // P(e + Z ≤ lo) = P(Z ≥ e − lo)
}

describe('releases: levels against planted firms (noise)', () => {
  it(`changing one firm's level (and band) changes the noised statistics by at most ε = ${LEVEL_EPSILON}`, () => {
    fc.assert(
      fc.property(
        fc.array(firmArb, { minLength: 4, maxLength: 20 }),
        firmArb,
        fc.integer({ min: 0, max: 3 }),
        (others, target, other) => {
          const loss = privacyLoss(summaryOf([...others, target]), summaryOf([...others, { ...target, level: other }]));
          expect(loss).toBeLessThanOrEqual(LEVEL_EPSILON + 1e-9);
          if (Math.abs(other - target.level) === 3) expect(loss).toBeCloseTo(LEVEL_EPSILON, 9); // the bound is tight
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });

  it("the best guess of the real firm's level from the noisy statistics stays within the stated bound (chance: 1/4)", () => {
    const bound = Math.exp(LEVEL_EPSILON) / (Math.exp(LEVEL_EPSILON) + 3);
    let right = 0;
    let trials = 0;
    fc.assert(
      fc.property(
        fc.array(firmArb, { minLength: 4, maxLength: 12 }),
        firmArb,
        fc.integer(),
        (others, profile, seed) => {
          const random = seededRandomSource(seed);
          for (let trial = 0; trial < 40; trial++) {
            const level = Number(random.below(4n));
            const noisy = noisyReleaseSummary(summaryOf([...others, { ...profile, level }]), LEVELS, (t) =>
              sampleDiscreteLaplace(random, scaleOf(t)),
            );
            // Bayes-optimal guess with a uniform prior: the level under which all noisy cells are most likely.
            let best = 0;
            let bestScore = -Infinity;
            for (let guess = 0; guess < 4; guess++) {
              const exact = summaryOf([...others, { ...profile, level: guess }]);
              let score = 0;
              for (const [g, counts] of Object.entries(noisy.levels))
                for (const [code, observed] of Object.entries(counts))
                  score += logClamped(observed, exact.levels[g]?.[code] ?? 0, RELEASE_NOISE.levelScale, 0, Infinity);
              for (const [c, [n, sum]] of Object.entries(noisy.scores['overall'] ?? {})) {
                const bands = (x: number) => Math.round((x - (SCORE_BAND / 2) * n) / SCORE_BAND);
                score += logClamped(
                  bands(sum),
                  bands(exact.scores['overall']?.[c]?.[1] ?? 0),
                  RELEASE_NOISE.meanScale,
                  0,
                  3 * n,
                );
              }
              if (score > bestScore) [best, bestScore] = [guess, score];
            }
            trials++;
            if (best === level) right++;
          }
        },
      ),
      { seed: 15, numRuns: 25 },
    );
    const accuracy = right / trials;
    expect(accuracy).toBeGreaterThan(0.25); // the noise leaves the figures useful: better than a blind guess…
    expect(accuracy).toBeLessThanOrEqual(bound + 3 * Math.sqrt((bound * (1 - bound)) / trials)); // …within the bound
  });
});
