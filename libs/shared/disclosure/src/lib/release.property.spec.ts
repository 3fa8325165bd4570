import fc from 'fast-check';
import {
  RECOVERY_BOUND,
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
