import { PROFILE_FIELDS, trilingual as tz, type LevelId, type TextZh } from '@scs/shared/catalogue';
import { CURRENT_SCORING_MODEL, type ScoringModel } from '@scs/shared/scoring';

// The anonymised research record and the coarse classifications every aggregate uses.

export const SIZE_BANDS = ['lt50', '50_249', '250_999', 'gte1000'] as const;
export const LEGAL_FORMS = ['wfoe', 'jv', 'rep_office', 'branch', 'other'] as const;
export const ACTIVITY_FLAGS = PROFILE_FIELDS.activities.values;
export type SizeBand = (typeof SIZE_BANDS)[number];
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** The pseudo-dimension holding the overall score in score aggregates. */
export const OVERALL = 'overall';

/** Missing-value codes of answer variables (Stata-style extended missing values; never an option id, which has no dot). */
export const MISSING = {
  notApplicable: '.a',
  notAnswered: '.n',
  otherVersion: '.v',
} as const;

/** NACE sections grouped so that tables by sector keep enough firms per row. */
export const SECTOR_GROUPS = {
  primary: {
    sections: ['A', 'B'],
    label: tz('Agriculture, mining (A–B)', 'Land- und Forstwirtschaft, Bergbau (A–B)', '农业、采矿业（A–B）'),
  },
  manufacturing: { sections: ['C'], label: tz('Manufacturing (C)', 'Verarbeitendes Gewerbe (C)', '制造业（C）') },
  utilities_construction: {
    sections: ['D', 'E', 'F'],
    label: tz('Energy, water, construction (D–F)', 'Energie, Wasser, Bau (D–F)', '能源、水务、建筑业（D–F）'),
  },
  trade: { sections: ['G'], label: tz('Wholesale and retail trade (G)', 'Handel (G)', '批发和零售业（G）') },
  transport_hospitality: {
    sections: ['H', 'I'],
    label: tz('Transport, hospitality (H–I)', 'Verkehr, Gastgewerbe (H–I)', '运输、住宿和餐饮（H–I）'),
  },
  ict: {
    sections: ['J'],
    label: tz('Information and communication (J)', 'Information und Kommunikation (J)', '信息和通信（J）'),
  },
  finance_real_estate: {
    sections: ['K', 'L'],
    label: tz('Finance, real estate (K–L)', 'Finanzen, Immobilien (K–L)', '金融、房地产（K–L）'),
  },
  business_services: {
    sections: ['M', 'N'],
    label: tz(
      'Professional and business services (M–N)',
      'Freiberufliche und Unternehmensdienstleistungen (M–N)',
      '专业和商务服务（M–N）',
    ),
  },
  other_services: {
    sections: ['O', 'P', 'Q', 'R', 'S', 'T', 'U'],
    label: tz('Other services (O–U)', 'Sonstige Dienstleistungen (O–U)', '其他服务（O–U）'),
  },
} as const satisfies Record<string, { sections: readonly string[]; label: TextZh }>;
export type SectorGroup = keyof typeof SECTOR_GROUPS;
export const SECTOR_GROUP_IDS = Object.keys(SECTOR_GROUPS) as SectorGroup[];

/** Regions of China (the usual statistical regions), plus the special administrative regions and Taiwan. */
export const PROVINCE_GROUPS = {
  east: { provinces: ['SH', 'JS', 'ZJ', 'AH', 'FJ', 'JX', 'SD'], label: tz('East', 'Ostchina', '华东') },
  north: { provinces: ['BJ', 'TJ', 'HE', 'SX', 'NM'], label: tz('North', 'Nordchina', '华北') },
  south: { provinces: ['GD', 'GX', 'HI'], label: tz('South', 'Südchina', '华南') },
  central: { provinces: ['HA', 'HB', 'HN'], label: tz('Central', 'Zentralchina', '华中') },
  southwest: { provinces: ['CQ', 'SC', 'GZ', 'YN', 'XZ'], label: tz('Southwest', 'Südwestchina', '西南') },
  northwest: { provinces: ['SN', 'GS', 'QH', 'NX', 'XJ'], label: tz('Northwest', 'Nordwestchina', '西北') },
  northeast: { provinces: ['LN', 'JL', 'HL'], label: tz('Northeast', 'Nordostchina', '东北') },
  outside_mainland: {
    provinces: ['HK', 'MO', 'TW'],
    label: tz('Hong Kong, Macao, Taiwan', 'Hongkong, Macau, Taiwan', '港澳台'),
  },
} as const satisfies Record<string, { provinces: readonly string[]; label: TextZh }>;
export type ProvinceGroup = keyof typeof PROVINCE_GROUPS | 'multi';
/** A firm with sites in several provinces (or regions) is coded "multi" rather than by one of them. */
export const MULTI = 'multi';

export function sectorGroupOf(naceSection: string): SectorGroup {
  const hit = SECTOR_GROUP_IDS.find((g) => (SECTOR_GROUPS[g].sections as readonly string[]).includes(naceSection));
  return hit ?? 'other_services';
}

export function provinceGroupOf(province: string): ProvinceGroup {
  if (province === MULTI) return MULTI;
  const hit = (Object.keys(PROVINCE_GROUPS) as (keyof typeof PROVINCE_GROUPS)[]).find((g) =>
    (PROVINCE_GROUPS[g].provinces as readonly string[]).includes(province),
  );
  return hit ?? MULTI;
}

/** Coarsens a firm's province list: the one province (or "multi") and its region (or "multi" across regions). */
export function coarsenProvinces(provinces: readonly string[]): { province: string; provinceGroup: ProvinceGroup } {
  const unique = [...new Set(provinces)].sort();
  const groups = [...new Set(unique.map(provinceGroupOf))];
  return {
    province: unique.length === 1 ? (unique[0] as string) : MULTI,
    provinceGroup: groups.length === 1 ? (groups[0] as ProvinceGroup) : MULTI,
  };
}

/**
 * One firm's anonymised result in one wave. The unit counted everywhere is the firm: a wave holds at most one record per
 * pseudonym (a later submission in the same half-year replaces the earlier one).
 */
export interface ResearchRecord {
  /** HMAC of the firm id with a secret key: links the waves of one firm, reveals nothing about it. */
  pseudonym: string;
  /** Half-year of submission, e.g. `2026-H2`. */
  wave: string;
  catalogueVersion: string;
  naceSection: string;
  provinceGroup: ProvinceGroup;
  /** The firm's only province, or "multi". */
  province: string;
  headcountBand: SizeBand;
  legalForm: LegalForm;
  activities: string[];
  /** Dimension id → score 0–100, or null when no question of the dimension applied/was answered. */
  dimensionScores: Record<string, number | null>;
  overallScore: number | null;
  level: LevelId | null;
  /** Question id → option id, "dont_know" or a MISSING code; covers every question of the catalogue version. */
  answers: Record<string, string>;
  /** Research-module variable (see flattenResearchModule) → code; absent when the firm skipped the module. */
  researchModule?: Record<string, string>;
  /**
   * The scoring model the scores and the level were computed with. Absent only in records that never came from a
   * stored result (synthetic data and fixtures, scored with the current model). Aggregates count scores and levels of
   * the current model only (docs/methodology.md, "Aggregates and scoring models").
   */
  scoringModel?: ScoringModel;
}

/** Whether a record's scores and level count in aggregates: computed with the current scoring model. */
export function scoredWithCurrentModel(r: Pick<ResearchRecord, 'scoringModel'>): boolean {
  return r.scoringModel === undefined || r.scoringModel === CURRENT_SCORING_MODEL;
}

const WAVE_RE = /^(\d{4})-H([12])$/;

/** The half-year wave of a date, e.g. 2026-07-01 → "2026-H2" (UTC). */
export function waveOf(date: Date): string {
  return `${date.getUTCFullYear()}-H${date.getUTCMonth() < 6 ? 1 : 2}`;
}

export function isWave(value: string): boolean {
  return WAVE_RE.test(value);
}

/** Orders waves chronologically (they sort as strings too; this also validates them). */
export function compareWaves(a: string, b: string): number {
  if (!isWave(a) || !isWave(b)) throw new Error(`Not a wave: ${isWave(a) ? b : a} (expected e.g. 2026-H2)`);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The wave before `wave` (2026-H1 → 2025-H2). */
export function previousWave(wave: string): string {
  const m = WAVE_RE.exec(wave);
  if (!m) throw new Error(`Not a wave: ${wave}`);
  const year = Number(m[1]);
  return m[2] === '2' ? `${year}-H1` : `${year - 1}-H2`;
}

export function nextWave(wave: string): string {
  const m = WAVE_RE.exec(wave);
  if (!m) throw new Error(`Not a wave: ${wave}`);
  const year = Number(m[1]);
  return m[2] === '1' ? `${year}-H2` : `${year + 1}-H1`;
}

export const SIZE_LABELS: Record<SizeBand, TextZh> = PROFILE_FIELDS.headcountBand.valueLabels;
export const LEGAL_FORM_LABELS: Record<LegalForm, TextZh> = PROFILE_FIELDS.legalForm.valueLabels;

/** The first instant after a wave (UTC): 2026-H1 → 2026-07-01, 2026-H2 → 2027-01-01. */
export function waveEnd(wave: string): Date {
  const m = WAVE_RE.exec(wave);
  if (!m) throw new Error(`Not a wave: ${wave}`);
  const year = Number(m[1]);
  return m[2] === '1' ? new Date(Date.UTC(year, 6, 1)) : new Date(Date.UTC(year + 1, 0, 1));
}

/**
 * Outputs show closed waves only: tables of a wave still collecting submissions would change with each one, and
 * comparing them before and after a submission would describe that single firm.
 */
export function isClosedWave(wave: string, now: Date = new Date()): boolean {
  return waveEnd(wave).getTime() <= now.getTime();
}
