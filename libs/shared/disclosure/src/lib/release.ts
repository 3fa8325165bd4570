import { EARLIER_MODEL, NO_LEVEL, type WaveSummary } from './summary';

// Closed, versioned releases (issue 15): what a chamber (or any reader of aggregates) may see is computed once per
// closed period, stored and served unchanged. Two rules make one release, or two consecutive ones, useless for
// learning a single firm's result, even when the reader planted all the other firms:
//
// 1. Per-firm coarsening. Before a firm's scores enter a release they are replaced by the midpoint of their score
//    band (SCORE_BAND points wide). A release is a function of the firms' bands only, so whatever the reader knows
//    or plants, the scores consistent with a release always include the target's whole band: every estimate is off
//    by more than RECOVERY_BOUND points for some score the target may have (band / 2 = 12.5 > 10). This holds for
//    any number of releases, because none of them depends on more than the band.
// 2. Minimum change. A new release is published only when at least k firms entered, left or changed their counted
//    assessment since the previous published release; otherwise it is withheld and the previous one stays served.

/**
 * Discrete Laplace noise of a chamber release (docs/privacy.md, "Noise and privacy budget"), drawn once when the
 * release is cut and stored with it. Scales in the units of the noised integers: firms for level and finding counts,
 * 25-point score bands for the sums behind the means (a firm's band index is 0–3, so its contribution moves by at
 * most 3). Each firm is in exactly one cell of the underlying statistics (its sector group for levels, its
 * sector × size cell for sums); every published row and total is a sum of those noisy cells.
 */
export const RELEASE_NOISE = { levelScale: 4, meanScale: 6, findingScale: 2 } as const;
/**
 * ε of one release for a firm's level: a change of level moves one count between two cells (2 / levelScale) and the
 * overall score's band by at most 3 in one sum (3 / meanScale). Posterior odds on the level grow at most by e^ε.
 */
export const LEVEL_EPSILON = 2 / RELEASE_NOISE.levelScale + 3 / RELEASE_NOISE.meanScale;
/** ε of one release for one dimension score's band (3 / meanScale). */
export const DIMENSION_EPSILON = 3 / RELEASE_NOISE.meanScale;
/** ε of one release for whether a firm has one particular finding (1 / findingScale). */
export const FINDING_EPSILON = 1 / RELEASE_NOISE.findingScale;
/** At most one chamber release per quarter: the yearly budget is four times the per-release one. */
export const RELEASES_PER_YEAR = 4;

/** Noise of one release: an integer drawn for a scale (discrete Laplace, see noise.ts; tests may pass others). */
export type ReleaseNoise = (scale: number) => number;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * The summary a chamber release is built from: every level count of a sector group with members and every score sum
 * of a sector × size cell with contributors gets its own draw (each firm sits in exactly one such cell per statistic);
 * counts are clamped at 0 and sums to the band midpoints' range. Published rows, totals and shares are sums of these
 * cells (post-processing), so they carry no further draw and cannot be averaged. Which cells have members is not
 * noised: it follows from the profile (sector, size), which the tables publish as row counts, not from results.
 * Scores in `exact` are band midpoints already (coarsenScore), so a sum moves in steps of SCORE_BAND. Sums of squares
 * are dropped (no noise is drawn for them): a chamber release publishes no standard deviation or confidence interval,
 * which would need a second noisy statistic per cell and more privacy budget (docs/privacy.md, "Spread of means").
 */
export function noisyReleaseSummary(
  exact: WaveSummary,
  levelCodes: readonly string[],
  noise: ReleaseNoise,
): WaveSummary {
  const levels: WaveSummary['levels'] = {};
  for (const [group, counts] of Object.entries(exact.levels))
    levels[group] = Object.fromEntries(
      // Members scored with an earlier model count in the rows' n but in no level (docs/methodology.md): their key is
      // dropped, not drawn, so which cells get a draw never depends on the members.
      [...new Set([...levelCodes, NO_LEVEL, ...Object.keys(counts)])]
        .filter((code) => code !== EARLIER_MODEL)
        .map((code) => [code, Math.max(0, (counts[code] ?? 0) + noise(RELEASE_NOISE.levelScale))]),
    );
  const scores: WaveSummary['scores'] = {};
  for (const [dim, cells] of Object.entries(exact.scores))
    scores[dim] = Object.fromEntries(
      Object.entries(cells).map(([cell, [n, sum]]): [string, [number, number]] => [
        cell,
        [
          n,
          n === 0
            ? sum
            : clamp(
                sum + SCORE_BAND * noise(RELEASE_NOISE.meanScale),
                (SCORE_BAND / 2) * n,
                (100 - SCORE_BAND / 2) * n,
              ),
        ],
      ]),
    );
  return { ...exact, levels, scores };
}

/** Largest error an attacker may be sure to stay within, in points of the 0–100 score scale (the stated bound). */
export const RECOVERY_BOUND = 10;
/** Width of the score bands a firm's overall and dimension scores are coarsened to before entering a release. */
export const SCORE_BAND = 25;

if (SCORE_BAND / 2 <= RECOVERY_BOUND) throw new Error('SCORE_BAND must exceed twice RECOVERY_BOUND');

/** The band [lo, hi) a score of 0–100 falls in (100 belongs to the top band). */
export function scoreBand(score: number, band = SCORE_BAND): { lo: number; hi: number; mid: number } {
  const top = Math.ceil(100 / band) - 1;
  const i = Math.max(0, Math.min(top, Math.floor(score / band)));
  const lo = i * band;
  const hi = Math.min(100, lo + band);
  return { lo, hi, mid: (lo + hi) / 2 };
}

/** The value a score contributes to a release: its band's midpoint (null stays null). */
export function coarsenScore(score: number | null | undefined, band = SCORE_BAND): number | null {
  return score === null || score === undefined || !Number.isFinite(score) ? null : scoreBand(score, band).mid;
}

/** A count rounded to the nearest multiple of `base` (halves up): 0–2 → 0, 3–7 → 5, 8–12 → 10 for base 5. */
export function roundCount(n: number, base: number): number {
  return Math.floor(n / base + 0.5) * base;
}

/** How many firms entered, left or changed what they contribute between two releases (fingerprints per firm). */
export function membershipChange(previous: readonly string[], next: readonly string[]): number {
  const a = new Set(previous);
  const b = new Set(next);
  let changed = 0;
  for (const x of a) if (!b.has(x)) changed++;
  for (const x of b) if (!a.has(x)) changed++;
  return changed;
}

export type ReleaseDecision =
  | { publish: true; reason: 'first' | 'changed'; changed: number }
  | { publish: false; reason: 'too_few_members' | 'minimum_change'; changed: number };

/**
 * Whether a release of `next` (one fingerprint per counted firm: firm and the assessment it counts with) is published,
 * given the previous published release's fingerprints (null: none yet). Fewer than k firms: never. Otherwise the
 * first release is published; a later one only when at least k firms entered, left or changed since.
 */
export function decideRelease(previous: readonly string[] | null, next: readonly string[], k: number): ReleaseDecision {
  if (next.length < k)
    return {
      publish: false,
      reason: 'too_few_members',
      changed: previous ? membershipChange(previous, next) : next.length,
    };
  if (!previous) return { publish: true, reason: 'first', changed: next.length };
  const changed = membershipChange(previous, next);
  return changed >= k
    ? { publish: true, reason: 'changed', changed }
    : { publish: false, reason: 'minimum_change', changed };
}

/** The calendar quarter of a date (UTC), e.g. `2026-Q4`. */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** First instant after the quarter (UTC). */
export function quarterEnd(quarter: string): Date {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) * 3, 1));
}

/** The latest quarter that has ended at `now`. */
export function lastClosedQuarter(now: Date): string {
  const start = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
  return quarterOf(new Date(start.getTime() - 1));
}

/** The release's overall mean as published: the mean of the firms' band midpoints, to one decimal. */
export function releasedMean(scores: readonly number[], band = SCORE_BAND): number | null {
  if (!scores.length) return null;
  const sum = scores.reduce((s, x) => s + (coarsenScore(x, band) as number), 0);
  return Math.round((sum / scores.length) * 10) / 10;
}
