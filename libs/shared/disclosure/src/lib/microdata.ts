import { assertK } from './plan';
import { ACTIVITY_FLAGS, sectorGroupOf, type ResearchRecord } from './record';

// Microdata for researchers: quasi-identifiers are generalised (full-domain generalisation over a small lattice) until
// every combination of them holds at least k distinct firms within each wave (k-anonymity).

export const QUASI_IDENTIFIERS = ['sector', 'province', 'size', 'legalForm', 'activities'] as const;
export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number];
/** 0 = as recorded, 1 = grouped, 2 = dropped ("*"). */
export type QiLevels = Record<QuasiIdentifier, 0 | 1 | 2>;

/** The level-1 activity flags (the others are dropped at level 1). */
export const COARSE_ACTIVITIES = ['manufacturing', 'trading', 'services'] as const;

export const QI_LEVEL_DESCRIPTIONS: Record<QuasiIdentifier, [string, string, string]> = {
  sector: ['NACE section', 'sector group', 'dropped'],
  province: ['province (or "multi")', 'region (or "multi")', 'dropped'],
  size: ['headcount band', 'lt250 / gte250', 'dropped'],
  legalForm: ['legal form', 'wfoe / jv / other', 'dropped'],
  activities: ['all activity flags', `flags ${COARSE_ACTIVITIES.join(', ')} only`, 'dropped'],
};

export type QiRecord = Pick<
  ResearchRecord,
  'wave' | 'naceSection' | 'province' | 'provinceGroup' | 'headcountBand' | 'legalForm' | 'activities'
>;
export interface QiCombination extends QiRecord {
  /** Distinct firms with this combination in this wave. */
  firms: number;
}

const DROPPED = '*';

export function activityColumns(level: 0 | 1 | 2): readonly string[] {
  return level === 0 ? ACTIVITY_FLAGS : level === 1 ? COARSE_ACTIVITIES : [];
}

/** The generalised quasi-identifier values of one record at the given levels. */
export function generaliseQi(
  r: QiRecord,
  levels: QiLevels,
): { sector: string; province: string; size: string; legalForm: string; activities: Record<string, '0' | '1'> } {
  const pick = (level: 0 | 1 | 2, exact: string, grouped: string) =>
    level === 0 ? exact : level === 1 ? grouped : DROPPED;
  const activities: Record<string, '0' | '1'> = {};
  for (const flag of activityColumns(levels.activities)) activities[flag] = r.activities.includes(flag) ? '1' : '0';
  return {
    sector: pick(levels.sector, r.naceSection, sectorGroupOf(r.naceSection)),
    province: pick(levels.province, r.province, r.provinceGroup),
    size: pick(
      levels.size,
      r.headcountBand,
      r.headcountBand === 'lt50' || r.headcountBand === '50_249' ? 'lt250' : 'gte250',
    ),
    legalForm: pick(
      levels.legalForm,
      r.legalForm,
      r.legalForm === 'wfoe' || r.legalForm === 'jv' ? r.legalForm : 'other',
    ),
    activities,
  };
}

function classKey(r: QiRecord, levels: QiLevels): string {
  const g = generaliseQi(r, levels);
  return [r.wave, g.sector, g.province, g.size, g.legalForm, ...Object.values(g.activities)].join('|');
}

export interface Generalisation {
  levels: QiLevels;
  /** Equivalence classes (wave × generalised quasi-identifiers) in the file. */
  classes: number;
  smallestClass: number;
  /** Waves with fewer than k firms in total: left out of the file. */
  droppedWaves: string[];
}

function* lattice(): Generator<QiLevels> {
  const values = [0, 1, 2] as const;
  for (const sector of values)
    for (const province of values)
      for (const size of values)
        for (const legalForm of values)
          for (const activities of values) yield { sector, province, size, legalForm, activities };
}

const height = (l: QiLevels) => QUASI_IDENTIFIERS.reduce((s, q) => s + l[q], 0);

/**
 * Finds the least generalisation under which every class holds >= k firms: the lowest total level, and among those the
 * one keeping the most classes (most detail). Counts are per wave and firm (a wave has one record per firm).
 */
export function chooseGeneralisation(combinations: readonly QiCombination[], k: number): Generalisation {
  assertK(k);
  const perWave = new Map<string, number>();
  for (const c of combinations) perWave.set(c.wave, (perWave.get(c.wave) ?? 0) + c.firms);
  const droppedWaves = [...perWave]
    .filter(([, n]) => n < k)
    .map(([w]) => w)
    .sort();
  const kept = combinations.filter((c) => !droppedWaves.includes(c.wave) && c.firms > 0);
  const nodes = [...lattice()].sort((a, b) => height(a) - height(b));
  let best: Generalisation | null = null;
  let bestHeight = Infinity;
  for (const levels of nodes) {
    if (height(levels) > bestHeight) break;
    const classes = new Map<string, number>();
    for (const c of kept) {
      const key = classKey(c, levels);
      classes.set(key, (classes.get(key) ?? 0) + c.firms);
    }
    const smallestClass = classes.size ? Math.min(...classes.values()) : 0;
    if (classes.size && smallestClass < k) continue;
    if (!best || classes.size > best.classes) best = { levels, classes: classes.size, smallestClass, droppedWaves };
    bestHeight = height(levels);
  }
  return (
    best ?? {
      levels: { sector: 2, province: 2, size: 2, legalForm: 2, activities: 2 },
      classes: 0,
      smallestClass: 0,
      droppedWaves,
    }
  );
}

/** Checks k-anonymity of generalised rows directly (used by tests and as a guard before a file is written). */
export function isKAnonymous(
  records: readonly QiRecord[],
  levels: QiLevels,
  k: number,
  firmOf: (r: QiRecord, i: number) => string = (_r, i) => String(i),
): boolean {
  const classes = new Map<string, Set<string>>();
  records.forEach((r, i) => {
    const key = classKey(r, levels);
    const set = classes.get(key) ?? new Set<string>();
    set.add(firmOf(r, i));
    classes.set(key, set);
  });
  return [...classes.values()].every((s) => s.size >= k);
}
