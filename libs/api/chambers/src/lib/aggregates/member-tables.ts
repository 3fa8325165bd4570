import type { LevelId } from '@scs/shared/catalogue';
import { randomBytes } from 'node:crypto';
import { texts } from '@scs/api/core';
import {
  EMPTY,
  RELEASE_NOISE,
  noisyReleaseSummary,
  sampleDiscreteLaplace,
  scaleOf,
  uniformBelow,
  type RandomSource,
  type ReleaseNoise,
  LEGAL_FORMS,
  SIZE_BANDS,
  SUPPRESSED,
  addRecord,
  coarsenScore,
  roundCount,
  countCell,
  emptyWaveSummary,
  levelBySectorTable,
  meansTable,
  planWave,
  withoutSpread,
  type DisclosedTable,
  type ResearchRecord,
  type WavePlan,
  type CatalogueVocabulary,
  type FindingInfo,
} from '@scs/shared/disclosure';
import type { AggregateCell, AggregateTable, ReportSeverity } from '@scs/shared/contracts';

// Member aggregates of a chamber: the research feature's disclosure control (libs/shared/disclosure) applied to the
// latest submitted result of each member that shares anonymised results with its chambers. The members form one
// universe (like one research wave): the same suppression plan, tables and notes as the research outputs.

/** What the server reads of one member's latest submitted assessment (never leaves the server). */
export interface MemberResult {
  firmId: string;
  catalogueVersion: string;
  naceSection: string;
  headcountBand: string;
  legalForm: string;
  level: LevelId | null;
  overallScore: number | null;
  dimensionScores: Record<string, number | null>;
  /** Exposure findings as `questionId:optionId`. */
  findings: string[];
  /**
   * The scoring model of the result (the query gives 1 when the stored result names none; absent in fixtures: the
   * current model). Scores and level count only when it is the current one.
   */
  scoringModel?: number;
}

/** Labels of levels, dimensions and findings (the shared `vocabularyOf` without its catalogue list). */
export type MemberVocabulary = Omit<CatalogueVocabulary, 'catalogues'>;

export type { ReleaseNoise } from '@scs/shared/disclosure';

/** The release's randomness: node:crypto (uniform integers by rejection sampling, see libs/shared/disclosure/noise.ts). */
export const CRYPTO_RANDOM: RandomSource = { below: (n) => uniformBelow(n, (count) => randomBytes(count)) };

/** Discrete Laplace noise from a random source (node:crypto unless a test passes a seeded one). */
export function laplaceNoise(random: RandomSource = CRYPTO_RANDOM): ReleaseNoise {
  return (scale) => sampleDiscreteLaplace(random, scaleOf(scale));
}

export interface MemberTableOptions {
  /** Uniform integers for the noise (default node:crypto). */
  random?: RandomSource;
  /** The noise itself (tests of the deterministic rules pass one that is always 0). */
  noise?: ReleaseNoise;
}

const BAND = 25;

/** Most frequent findings listed at most. */
export const TOP_FINDINGS = 10;
const SEVERITY_ORDER: ReportSeverity[] = ['critical', 'high', 'medium', 'low'];

/** Members whose profile cannot be classified are left out (a submitted profile always can be). */
function toRecord(m: MemberResult): ResearchRecord | null {
  if (
    !(SIZE_BANDS as readonly string[]).includes(m.headcountBand) ||
    !(LEGAL_FORMS as readonly string[]).includes(m.legalForm)
  )
    return null;
  return {
    pseudonym: m.firmId,
    wave: 'members',
    catalogueVersion: m.catalogueVersion,
    naceSection: m.naceSection,
    provinceGroup: 'multi',
    province: 'multi',
    headcountBand: m.headcountBand as ResearchRecord['headcountBand'],
    legalForm: m.legalForm as ResearchRecord['legalForm'],
    activities: [],
    // Release rule (docs/privacy.md): a member's scores count with the midpoint of their band, never exactly.
    dimensionScores: Object.fromEntries(Object.entries(m.dimensionScores).map(([d, v]) => [d, coarsenScore(v)])),
    overallScore: coarsenScore(m.overallScore),
    level: m.level,
    answers: {},
    // Scores and level of an earlier scoring model do not enter the means and level counts (docs/methodology.md).
    ...(m.scoringModel === 1 || m.scoringModel === 2 ? { scoringModel: m.scoringModel } : {}),
  };
}

/**
 * Category counts of a release rounded to multiples of `base` (k): a count of 1 or 2 ("<3") and 0 both show 0, so one
 * member's category does not stand out; the row's firm count (`n`) stays as planned.
 */
export function roundedCounts(table: AggregateTable, base: number): AggregateTable {
  const round = (c: AggregateCell): AggregateCell => {
    if (c.status === 'suppressed') return c;
    const exact = c.status === 'value' ? (c.value ?? 0) : 0; // "<3" and "–" hold fewer than 3 firms
    const value = roundCount(exact, base);
    return { value, display: String(value), status: 'value' };
  };
  return {
    ...table,
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map(round) })),
    notes: [...table.notes, texts('tables.note.roundedCounts', { base })],
  };
}

const MEANS_NOTE = texts('tables.note.bandMidpoints');

const NOISE_NOTE = texts('tables.note.noise', {
  level: RELEASE_NOISE.levelScale,
  finding: RELEASE_NOISE.findingScale,
  points: RELEASE_NOISE.meanScale * BAND,
});

function toView(table: DisclosedTable<AggregateTable['id']>): AggregateTable {
  return {
    id: table.id,
    title: table.title,
    k: table.k,
    valueKind: table.valueKind,
    columns: table.columns.map((c) => ({ key: c.key, label: c.label })),
    // Means only: a release carries no spread (its sums are noisy and it has no sums of squares, see release.ts).
    rows: table.rows.map((r) => ({
      key: r.key,
      label: r.label,
      total: r.total,
      n: withoutSpread(r.n),
      cells: r.cells.map(withoutSpread),
    })),
    notes: table.notes,
  };
}

/**
 * The most frequent findings. A finding is listed only when the members are a published universe (at least k), at
 * least k members have it, and not all of them do (a published "all members" would state something about every one
 * of them — the same rule that merges categories in the research tables). Findings that miss either bound are left
 * out altogether, so the list does not hint at them.
 */
export function frequentFindingsTable(
  members: readonly MemberResult[],
  plan: WavePlan,
  vocabulary: MemberVocabulary,
  noise: ReleaseNoise = laplaceNoise(),
): AggregateTable {
  const k = plan.k;
  const total = plan.base.total;
  const exact = new Map<string, number>();
  for (const m of members) for (const key of new Set(m.findings)) exact.set(key, (exact.get(key) ?? 0) + 1);
  // Every finding of the vocabulary gets a draw, also those nobody has: which findings are drawn does not depend on
  // the members. The rules below (at least k, not all, rounded) then apply to the noisy counts.
  const counts = new Map<string, number>();
  for (const key of [...new Set([...vocabulary.findings.keys(), ...exact.keys()])].sort())
    counts.set(key, Math.max(0, (exact.get(key) ?? 0) + noise(RELEASE_NOISE.findingScale)));
  const publishable = plan.base.totalPublished
    ? [...counts.entries()].filter(([key, n]) => n >= k && n < total && vocabulary.findings.has(key))
    : [];
  const severity = (key: string) => SEVERITY_ORDER.indexOf(vocabulary.findings.get(key)?.severity ?? 'low');
  publishable.sort(
    ([a, na], [b, nb]) => nb - na || severity(a) - severity(b) || a.localeCompare(b, 'en', { numeric: true }),
  );
  const share = (exact: number): AggregateCell => {
    const n = roundCount(exact, k);
    const value = Math.round((n / total) * 1000) / 10;
    return { value, display: `${value.toFixed(1)} %`, status: 'value' };
  };
  const rows = publishable.slice(0, TOP_FINDINGS).map(([key, n]) => {
    const info = vocabulary.findings.get(key) as FindingInfo;
    return {
      key,
      label: { en: `${info.dimensionCode} · ${info.label.en}`, de: `${info.dimensionCode} · ${info.label.de}` },
      total: false,
      n: countCell(roundCount(n, k)),
      cells: [share(n)],
    };
  });
  return {
    id: 'frequent-findings',
    title: texts('tables.frequentFindings.title'),
    k,
    valueKind: 'count',
    columns: [{ key: 'share', label: texts('tables.frequentFindings.share') }],
    rows: plan.base.totalPublished
      ? rows
      : [
          {
            key: '*',
            label: texts('tables.allMembers'),
            total: true,
            n: total === 0 ? countCell(0) : SUPPRESSED,
            cells: [total === 0 ? EMPTY : SUPPRESSED],
          },
        ],
    notes: [texts('tables.frequentFindings.note', { k, top: TOP_FINDINGS })],
  };
}

export interface MemberTables {
  /** Members counted; null when fewer than k. */
  firms: number | null;
  published: boolean;
  tables: AggregateTable[];
}

const withNote = (table: AggregateTable, note: AggregateTable['notes'][number]): AggregateTable => ({
  ...table,
  notes: [...table.notes, note],
});

/** Level distribution, mean dimension scores (by size and by sector) and most frequent findings of the members. */
export function memberTables(
  members: readonly MemberResult[],
  vocabulary: MemberVocabulary,
  k: number,
  options: MemberTableOptions = {},
): MemberTables {
  const noise = options.noise ?? laplaceNoise(options.random);
  const counted = members
    .map((m) => ({ m, r: toRecord(m) }))
    .filter((x): x is { m: MemberResult; r: ResearchRecord } => x.r !== null);
  const summary = emptyWaveSummary('members');
  for (const { r } of counted) addRecord(summary, r, { answers: false });
  // Suppression is planned on firm counts per profile cell and contributors per dimension (no results in them);
  // every published figure comes from the noisy summary, drawn here once per release.
  const plan = planWave(summary, k);
  const noisy = noisyReleaseSummary(
    summary,
    vocabulary.levels.map((l) => l.code),
    noise,
  );
  const published = plan.base.totalPublished;
  const tables: AggregateTable[] = [
    withNote(roundedCounts(toView(levelBySectorTable(noisy, plan, vocabulary.levels)), k), NOISE_NOTE),
    withNote(withNote(toView(meansTable(noisy, plan, vocabulary.dimensions, 'size')), MEANS_NOTE), NOISE_NOTE),
    withNote(withNote(toView(meansTable(noisy, plan, vocabulary.dimensions, 'sector')), MEANS_NOTE), NOISE_NOTE),
    withNote(
      frequentFindingsTable(
        counted.map((x) => x.m),
        plan,
        vocabulary,
        noise,
      ),
      NOISE_NOTE,
    ),
  ];
  return { firms: published ? plan.base.total : null, published, tables };
}
