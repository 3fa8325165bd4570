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

// ---------------------------------------------------------------------------------------------------------------
// The researcher's choice, within the k guarantee (issue 15)

/** What a researcher may ask per quasi-identifier: as released, or coarser (never finer than the release). */
export const QI_CHOICES = ['exact', 'grouped', 'dropped'] as const;
export type QiChoice = (typeof QI_CHOICES)[number];

/**
 * Parses `sector:grouped,size:dropped` into levels. Throws a readable message for an unknown quasi-identifier or
 * level, or a repeated one.
 */
export function parseQiChoice(param: string): Partial<QiLevels> {
  const out: Partial<QiLevels> = {};
  for (const part of param.split(',').filter(Boolean)) {
    const [q, choice, ...rest] = part.split(':');
    if (!(QUASI_IDENTIFIERS as readonly string[]).includes(q ?? '') || rest.length)
      throw new Error(`unknown quasi-identifier "${q}" (one of ${QUASI_IDENTIFIERS.join(', ')})`);
    const level = (QI_CHOICES as readonly string[]).indexOf(choice ?? '');
    if (level < 0) throw new Error(`unknown level "${choice}" for ${q} (one of ${QI_CHOICES.join(', ')})`);
    if ((q as QuasiIdentifier) in out) throw new Error(`${q} is given twice`);
    out[q as QuasiIdentifier] = level as 0 | 1 | 2;
  }
  return out;
}

/**
 * The levels of a file: the release's, or coarser where the researcher asks for it. Asking for finer than the
 * release is refused (the list of refusals is returned): every file is then a function of the release's coding, so
 * files of any choices and wave sets joined row by row never tell more than the release's k-anonymous coding.
 */
export function chosenLevels(
  released: QiLevels,
  wanted: Partial<QiLevels>,
): { levels: QiLevels; refused: { qi: QuasiIdentifier; wanted: QiChoice; released: QiChoice }[] } {
  const levels = { ...released };
  const refused: { qi: QuasiIdentifier; wanted: QiChoice; released: QiChoice }[] = [];
  for (const q of QUASI_IDENTIFIERS) {
    const w = wanted[q];
    if (w === undefined) continue;
    if (w < released[q]) refused.push({ qi: q, wanted: QI_CHOICES[w], released: QI_CHOICES[released[q]] });
    else levels[q] = w;
  }
  return { levels, refused };
}

/** The code a rare answer is replaced by in microdata (top-coding). */
export const TOP_CODED = '.t';

/** How many firms of one wave gave one answer code to one question (the input of top-coding). */
export interface AnswerCount {
  wave: string;
  questionId: string;
  code: string;
  firms: number;
}

/**
 * Rare answers to top-code: per question, the answer codes that fewer than k firms gave in some wave of the file
 * (missing codes, which start with ".", are never top-coded). Merged with the previous release's list, so a code once
 * top-coded stays top-coded: a later file never shows what an earlier one hid.
 */
export function rareAnswers(
  counts: readonly AnswerCount[],
  k: number,
  previous: Readonly<Record<string, readonly string[]>> = {},
): Record<string, string[]> {
  assertK(k);
  const out = new Map<string, Set<string>>(Object.entries(previous).map(([q, codes]) => [q, new Set(codes)]));
  for (const c of counts) {
    if (c.code.startsWith('.') || c.firms <= 0 || c.firms >= k) continue;
    const set = out.get(c.questionId) ?? new Set<string>();
    set.add(c.code);
    out.set(c.questionId, set);
  }
  return Object.fromEntries(
    [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([q, set]) => [q, [...set].sort()]),
  );
}

/** The code every quasi-identifier of a locally suppressed row shows in microdata (see linkageSuppression). */
export const QI_SUPPRESSED = '.s';

/** The microdata columns that carry quasi-identifiers (what a local suppression replaces by QI_SUPPRESSED). */
export function isQiColumn(name: string): boolean {
  return ['sector', 'province', 'size', 'legal_form'].includes(name) || name.startsWith('act_');
}

/** The key of one row (firm and wave) in a release's list of locally suppressed rows. */
export function suppressionKey(r: Pick<ResearchRecord, 'wave' | 'pseudonym'>): string {
  return `${r.wave}|${r.pseudonym}`;
}
