import { answerCode, dontKnowAnswer, optionAnswer, type ScoringAnswer } from '@scs/shared/answers';
import {
  DONT_KNOW,
  PROFILE_FIELDS,
  isApplicable,
  type Catalogue,
  type FirmProfile,
  type LevelId,
} from '@scs/shared/catalogue';
import { score } from '@scs/shared/scoring';
import { flattenResearchModule, type ResearchModule } from './module';
import { MISSING, coarsenProvinces, nextWave, type LegalForm, type ResearchRecord, type SizeBand } from './record';

// Synthetic research records with the same variables as real ones (so analysis code can be written before access to
// real data, and for tests and benchmarks). Deterministic for a seed; skewed like the real population: manufacturing
// and trade dominate, most firms sit in Shanghai, Jiangsu, Guangdong or Beijing, most are small, and firms drop out
// of the panel between waves.

/** mulberry32: small, fast, seedable. Never used for anything secret. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function weighted<T extends string>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return (table.at(-1) as readonly [T, number])[0];
}

const SECTORS = [
  ['C', 45],
  ['G', 20],
  ['M', 8],
  ['J', 5],
  ['H', 4],
  ['K', 3],
  ['F', 3],
  ['N', 3],
  ['D', 1.5],
  ['E', 1],
  ['B', 1],
  ['I', 1],
  ['L', 1],
  ['Q', 1],
  ['A', 0.5],
  ['P', 0.5],
  ['R', 0.5],
  ['S', 1],
] as const;
const PROVINCES = [
  ['SH', 30],
  ['JS', 20],
  ['GD', 15],
  ['BJ', 12],
  ['ZJ', 6],
  ['SD', 4],
  ['TJ', 3],
  ['LN', 2],
  ['SC', 2],
  ['HB', 1.5],
  ['CQ', 1],
  ['FJ', 1],
  ['AH', 1],
  ['HA', 0.5],
  ['HN', 0.5],
  ['SN', 0.5],
  ['JL', 0.3],
  ['YN', 0.2],
  ['GX', 0.2],
  ['HK', 0.3],
] as const;
const SIZES = [
  ['lt50', 45],
  ['50_249', 30],
  ['250_999', 15],
  ['gte1000', 10],
] as const;
const FORMS = [
  ['wfoe', 65],
  ['jv', 15],
  ['rep_office', 10],
  ['branch', 5],
  ['other', 5],
] as const;

export function syntheticProfile(rng: Rng): FirmProfile {
  const naceSection = weighted(rng, SECTORS);
  const first = weighted(rng, PROVINCES);
  const provinces = rng() < 0.15 ? [...new Set([first, weighted(rng, PROVINCES)])] : [first];
  const activities = PROFILE_FIELDS.activities.values.filter((a) => {
    // Logistics follows the sector (NACE H, transport and storage) and draws no random number, so the seeded
    // sequences of earlier catalogue versions stay the same.
    if (a === 'logistics') return naceSection === 'H';
    const p =
      {
        manufacturing: naceSection === 'C' ? 0.9 : 0.1,
        trading: 0.5,
        services: 0.4,
        rnd: 0.15,
        ecommerce: 0.1,
        construction: naceSection === 'F' ? 0.8 : 0.03,
        food_drugs_medical: 0.05,
        hazardous_chemicals: 0.05,
      }[a] ?? 0;
    return rng() < p;
  });
  const yn = () =>
    weighted(rng, [
      ['yes', 3],
      ['no', 6],
      ['unknown', 1],
    ] as const);
  return {
    legalForm: weighted(rng, FORMS),
    activities,
    importsExports: rng() < 0.6,
    headcountBand: weighted(rng, SIZES),
    agencyLabour: rng() < 0.3,
    pollutantPermit: yn(),
    largeScaleData: yn(),
    publicProcurement: rng() < 0.15,
    largeEnterpriseBuyer: rng() < 0.25,
    taxRegistrationYear: 1995 + Math.floor(rng() * 31),
    naceSection,
    provinces: provinces as FirmProfile['provinces'],
    germanParent: rng() < 0.9,
  } as FirmProfile;
}

export interface SyntheticResult {
  dimensionScores: Record<string, number | null>;
  overallScore: number | null;
  level: LevelId | null;
  answers: Record<string, string>;
}

/** Answers and scores without a catalogue: fast, for disclosure tests (16 dimensions, some not applicable). */
export function simpleScorer(
  dimensions: readonly string[] = ['tax', 'customs', 'market', 'environment', 'labour', 'data'],
): (p: FirmProfile, rng: Rng) => SyntheticResult {
  return (p, rng) => {
    const scores: Record<string, number | null> = {};
    for (const d of dimensions)
      scores[d] = d === 'customs' && !p.importsExports ? null : Math.round(rng() * rng() * 1000) / 10;
    const values = Object.values(scores).filter((x): x is number => x !== null);
    const overall = values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
    const level: LevelId | null =
      overall === null
        ? null
        : overall <= 24
          ? 'low'
          : overall <= 49
            ? 'moderate'
            : overall <= 74
              ? 'high'
              : 'critical';
    const answers: Record<string, string> = {
      Q1: weighted(rng, [
        ['a', 5],
        ['b', 3],
        ['c', 1],
        [DONT_KNOW, 1],
      ] as const),
      Q2: p.importsExports
        ? weighted(rng, [
            ['x', 3],
            ['y', 1],
          ] as const)
        : MISSING.notApplicable,
    };
    return { dimensionScores: scores, overallScore: overall, level, answers };
  };
}

/**
 * Calibration of catalogueScorer: each firm draws a compliance propensity (most firms are in good standing, a few
 * are not), which sets how often it gives an answer other than the best one or "don't know". Tuned so the overall
 * levels come out near the target shares documented in docs/research.md ("Synthetic data"); the synthetic spec holds
 * the generated distribution within bounds for a fixed seed.
 */
export const SYNTHETIC_CALIBRATION = {
  /** Firm risk r = u^riskSkew (u uniform): a larger exponent puts more firms near r = 0. */
  riskSkew: 2,
  /** Per question: probability of an answer other than the lowest-exposure one is r × worseAnswer. */
  worseAnswer: 0.12,
  /** Per question with "don't know": probability r × dontKnow. */
  dontKnow: 0.06,
  /** Per question: probability of no answer. */
  notAnswered: 0.01,
} as const;

export type SyntheticCalibration = typeof SYNTHETIC_CALIBRATION;

/**
 * Answers drawn per applicable question of a real catalogue, scored with the real score(). With a calibration (what
 * `npm run research:synth` uses): realistic level shares. Without: the earlier uniform draw (31 % worse-than-best
 * answers per question, nearly every firm critical), which the attack fixtures of tests/api were written against;
 * see docs/research.md for why they have not moved yet.
 */
export function catalogueScorer(
  catalogue: Catalogue,
  calibration?: SyntheticCalibration,
): (p: FirmProfile, rng: Rng) => SyntheticResult {
  if (!calibration) return uniformScorer(catalogue);
  return (profile, rng) => {
    const risk = rng() ** calibration.riskSkew;
    const answers: Record<string, ScoringAnswer> = {};
    const codes: Record<string, string> = {};
    for (const q of catalogue.questions) {
      if (!isApplicable(q.applicability, profile)) {
        codes[q.id] = MISSING.notApplicable;
        continue;
      }
      const r = rng();
      if (r < calibration.notAnswered) {
        codes[q.id] = MISSING.notAnswered;
        continue;
      }
      const byExposure = [...q.options].sort((a, b) => a.exposure - b.exposure);
      const u = rng();
      let answer: ScoringAnswer;
      if (q.dontKnow && u < risk * calibration.dontKnow) answer = dontKnowAnswer;
      else if (u < risk * (calibration.dontKnow + calibration.worseAnswer) && byExposure.length > 1) {
        // A worse answer: the less severe ones are the more common.
        const worse = byExposure.slice(1);
        answer = optionAnswer(worse[Math.min(worse.length - 1, Math.floor(rng() ** 3 * worse.length))]?.id as string);
      } else answer = optionAnswer(byExposure[0]?.id as string);
      answers[q.id] = answer;
      codes[q.id] = answerCode(answer);
    }
    const result = score(catalogue, profile, answers);
    return {
      dimensionScores: Object.fromEntries(result.dimensions.map((d) => [d.dimensionId, d.score])),
      overallScore: result.score,
      level: result.level,
      answers: codes,
    };
  };
}

function uniformScorer(catalogue: Catalogue): (p: FirmProfile, rng: Rng) => SyntheticResult {
  return (profile, rng) => {
    const answers: Record<string, ScoringAnswer> = {};
    const codes: Record<string, string> = {};
    for (const q of catalogue.questions) {
      if (!isApplicable(q.applicability, profile)) {
        codes[q.id] = MISSING.notApplicable;
        continue;
      }
      const r = rng();
      if (r < 0.02) {
        codes[q.id] = MISSING.notAnswered;
        continue;
      }
      const byExposure = [...q.options].sort((a, b) => a.exposure - b.exposure);
      const answer =
        q.dontKnow && r < 0.12
          ? dontKnowAnswer
          : optionAnswer(
              byExposure[Math.min(byExposure.length - 1, Math.floor(rng() ** 3 * byExposure.length))]?.id as string,
            );
      answers[q.id] = answer;
      codes[q.id] = answerCode(answer);
    }
    const result = score(catalogue, profile, answers);
    return {
      dimensionScores: Object.fromEntries(result.dimensions.map((d) => [d.dimensionId, d.score])),
      overallScore: result.score,
      level: result.level,
      answers: codes,
    };
  };
}

function moduleAnswers(m: ResearchModule, rng: Rng): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const q of m.questions) {
    if (q.showIf && !q.showIf.in.includes(out[q.showIf.question] as string)) continue;
    if (rng() < 0.05) continue;
    if (q.multiple) out[q.id] = q.options.filter(() => rng() < 0.3).map((o) => o.id);
    else out[q.id] = (q.options[Math.floor(rng() ** 1.5 * q.options.length)] ?? q.options[0])?.id as string;
  }
  return out;
}

function hex(rng: Rng, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++)
    s += Math.floor(rng() * 256)
      .toString(16)
      .padStart(2, '0');
  return s;
}

export interface SyntheticOptions {
  firms: number;
  waves: number;
  firstWave?: string;
  seed?: number;
  catalogueVersion?: string;
  scorer?: (p: FirmProfile, rng: Rng) => SyntheticResult;
  module?: ResearchModule;
  /** Share of firms in the first wave, share staying from one wave to the next, share of the rest joining. */
  participation?: { first: number; retention: number; join: number };
}

/**
 * Yields synthetic records wave by wave (so a caller can stream them into a database). A firm answers at most once
 * per wave; its profile drifts a little between waves.
 */
export function* syntheticRecords(opts: SyntheticOptions): Generator<ResearchRecord> {
  const rng = prng(opts.seed ?? 1);
  const scorer = opts.scorer ?? simpleScorer();
  const { first, retention, join } = opts.participation ?? { first: 0.8, retention: 0.75, join: 0.4 };
  const firms = Array.from({ length: opts.firms }, () => ({
    pseudonym: hex(rng, 32),
    profile: syntheticProfile(rng),
    active: false,
    joined: false,
  }));
  let wave = opts.firstWave ?? '2025-H2';
  for (let w = 0; w < opts.waves; w++) {
    for (const f of firms) {
      f.active = w === 0 ? rng() < first : f.active ? rng() < retention : !f.joined && rng() < join;
      if (!f.active) continue;
      f.joined = true;
      if (w > 0 && rng() < 0.05) {
        const i = Math.min(3, ['lt50', '50_249', '250_999', 'gte1000'].indexOf(f.profile.headcountBand) + 1);
        f.profile = {
          ...f.profile,
          headcountBand: (['lt50', '50_249', '250_999', 'gte1000'] as const)[i] as FirmProfile['headcountBand'],
        };
      }
      const scored = scorer(f.profile, rng);
      const { province, provinceGroup } = coarsenProvinces(f.profile.provinces);
      const module =
        opts.module && rng() < 0.6 ? flattenResearchModule(opts.module, moduleAnswers(opts.module, rng)) : undefined;
      yield {
        pseudonym: f.pseudonym,
        wave,
        catalogueVersion: opts.catalogueVersion ?? '2026.1',
        naceSection: f.profile.naceSection,
        provinceGroup,
        province,
        headcountBand: f.profile.headcountBand as SizeBand,
        legalForm: f.profile.legalForm as LegalForm,
        activities: [...f.profile.activities],
        dimensionScores: scored.dimensionScores,
        overallScore: scored.overallScore,
        level: scored.level,
        answers: scored.answers,
        ...(module ? { researchModule: module } : {}),
      };
    }
    wave = nextWave(wave);
  }
}
