import { bilingual as t } from '@scs/shared/catalogue';
import type { Text } from '@scs/shared/catalogue';

// The spread of a published mean (issue 16, "Researchers"): the firms behind it, their standard deviation and the 95 %
// confidence interval of the mean. Disclosure (docs/privacy.md, "Spread of means"): a spread exists only where its
// mean is published (a suppressed or empty cell has none), it is computed from the same firms as the mean (n, Σx, Σx²
// of the cell), so differencing published cells and margins describes no other set than the means already do (every
// such set holds at least k firms, see plan.ts). A standard deviation of 0 is withheld: it would say that every firm of
// the cell has exactly the mean's score.

/** Confidence level of the published intervals. */
export const CI_LEVEL = 0.95;

export interface MeanSpread {
  /** Firms behind the mean (the firms of the row with a score in the column), as released. */
  n: number;
  /** Sample standard deviation (n − 1), one decimal; null when withheld or not computable (see `sdNote`). */
  sd: number | null;
  /** 95 % confidence interval of the mean (Student's t, n − 1 degrees of freedom), one decimal, within the range. */
  ciLow: number | null;
  ciHigh: number | null;
}

/** Two-sided 97.5 % quantiles of Student's t for 1–30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const Z975 = 1.959963984540054;

/** The 97.5 % quantile of Student's t with `df` degrees of freedom (table to 30, Cornish–Fisher expansion above). */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new Error(`degrees of freedom must be a positive integer, got ${df}`);
  if (df <= T975.length) return T975[df - 1] as number;
  const z = Z975;
  return (
    z +
    (z ** 3 + z) / (4 * df) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
  );
}

const round1 = (x: number) => Math.round(x * 10) / 10;
/** The range a mean can take: scores 0–100, changes between two waves −100–100. */
export type MeanRange = readonly [number, number];
export const SCORE_RANGE: MeanRange = [0, 100];
export const CHANGE_RANGE: MeanRange = [-100, 100];

/**
 * The spread of a mean of `n` scores with sum `sum` and sum of squares `sumSq` (undefined: not available, e.g. a wave
 * released before spreads were computed, or a chamber release whose sums carry noise). Call only for a published mean.
 */
export function meanSpread(
  n: number,
  sum: number,
  sumSq: number | undefined,
  range: MeanRange = SCORE_RANGE,
): MeanSpread {
  const clamp = (x: number) => Math.min(range[1], Math.max(range[0], x));
  const none = { n, sd: null, ciLow: null, ciHigh: null };
  if (n < 2 || sumSq === undefined || !Number.isFinite(sumSq)) return none;
  const mean = sum / n;
  // Σx² − (Σx)²/n loses digits when all scores are alike: below this it is treated as 0.
  const ss = sumSq - (sum * sum) / n;
  const variance = ss <= 1e-9 * Math.max(1, sumSq) ? 0 : ss / (n - 1);
  const sd = Math.sqrt(variance);
  if (round1(sd) === 0) return none;
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { n, sd: round1(sd), ciLow: round1(clamp(mean - half)), ciHigh: round1(clamp(mean + half)) };
}

/** The note every table with spreads carries. */
export function spreadNote(): Text {
  return t(
    "Below each mean: n = firms behind it, SD = standard deviation (n − 1), 95 % CI = confidence interval of the mean (Student's t, clipped to the scale). Computed from the same firms as the mean and withheld with it; an SD of 0 (all firms with the same score) is not shown.",
    'Unter jedem Mittelwert: n = Zahl der Unternehmen, SD = Standardabweichung (n − 1), 95-%-KI = Konfidenzintervall des Mittelwerts (Student-t, auf die Skala begrenzt). Aus denselben Unternehmen berechnet wie der Mittelwert und mit ihm gesperrt; eine SD von 0 (alle Unternehmen mit demselben Betroffenheitswert) wird nicht gezeigt.',
  );
}
