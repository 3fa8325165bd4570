import {
  LEGAL_FORMS,
  MISSING,
  OVERALL,
  SECTOR_GROUP_IDS,
  SIZE_BANDS,
  scoredWithCurrentModel,
  sectorGroupOf,
  type ResearchRecord,
} from './record';

// Sufficient statistics of one wave (and of a panel of two waves), accumulated record by record so that a server can
// stream millions of rows through them with flat memory. Tables and suppression plans are built from these alone.

export const PARTITIONS = {
  sector: SECTOR_GROUP_IDS,
  size: SIZE_BANDS,
  legalForm: LEGAL_FORMS,
} as const;
export type PartitionId = keyof typeof PARTITIONS;
/** Partitions the score tables are broken down by (means by size band; peer benchmark by sector or size). */
export const SCORE_PARTITIONS = ['sector', 'size'] as const satisfies readonly PartitionId[];

export const NO_LEVEL = 'none';
/**
 * The level "column" of firms whose result was scored with an earlier scoring model: they count as firms (and with
 * their answers), but their scores and level do not enter any mean or level count (docs/methodology.md).
 */
export const EARLIER_MODEL = 'earlier_model';
const SEP = '|';

export interface WaveSummary {
  wave: string;
  firms: number;
  catalogueVersions: Record<string, number>;
  /** `sector|size|legalForm` → firms. */
  cells: Record<string, number>;
  /** sector group → level id (or "none") → firms. */
  levels: Record<string, Record<string, number>>;
  /**
   * Dimension id (or "overall") → `sector|size` → [firms with a score, sum of their scores, sum of their squares].
   * The sum of squares (for the spread of published means) is absent in summaries cached before it existed and in
   * the noisy summaries of chamber releases (release.ts draws no noise for it, so they publish no spread).
   */
  scores: Record<string, Record<string, ScoreSums>>;
  /** `catalogueVersion:variable` → legal form → answer code → firms (records of that catalogue version only). */
  answers: Record<string, Record<string, Record<string, number>>>;
  /** Catalogue version → legal form → firms (to count answers of records of other versions). */
  versionByLegalForm: Record<string, Record<string, number>>;
}

/** [firms, Σ score, Σ score²] of one cell (Σ score² optional, see `WaveSummary.scores`). */
export type ScoreSums = [number, number, number?];

export function emptyWaveSummary(wave: string): WaveSummary {
  return {
    wave,
    firms: 0,
    catalogueVersions: {},
    cells: {},
    levels: {},
    scores: {},
    answers: {},
    versionByLegalForm: {},
  };
}

const bump = (o: Record<string, number>, key: string, by = 1) => {
  o[key] = (o[key] ?? 0) + by;
};
const child = <T>(o: Record<string, T>, key: string, make: () => T): T => (o[key] ??= make());

/** Adds one record. The caller guarantees one record per firm and wave (the research store's primary key does). */
export function addRecord(s: WaveSummary, r: ResearchRecord, opts: { answers?: boolean } = {}): void {
  if (r.wave !== s.wave) throw new Error(`record of wave ${r.wave} added to the summary of ${s.wave}`);
  const sector = sectorGroupOf(r.naceSection);
  s.firms++;
  bump(s.catalogueVersions, r.catalogueVersion);
  bump(s.cells, [sector, r.headcountBand, r.legalForm].join(SEP));
  const current = scoredWithCurrentModel(r);
  bump(
    child(s.levels, sector, () => ({})),
    current ? (r.level ?? NO_LEVEL) : EARLIER_MODEL,
  );
  bump(
    child(s.versionByLegalForm, r.catalogueVersion, () => ({})),
    r.legalForm,
  );
  const cell = `${sector}${SEP}${r.headcountBand}`;
  const addScore = (dim: string, value: number | null | undefined) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    const pair = child(
      child(s.scores, dim, () => ({})),
      cell,
      () => [0, 0, 0] as ScoreSums,
    );
    pair[0] += 1;
    pair[1] += value;
    if (pair[2] !== undefined) pair[2] += value * value;
  };
  if (current) {
    addScore(OVERALL, r.overallScore);
    for (const [dim, value] of Object.entries(r.dimensionScores)) addScore(dim, value);
  }
  if (opts.answers === false) return;
  const prefix = `${r.catalogueVersion}:`;
  for (const vars of [r.answers, r.researchModule]) {
    if (!vars) continue;
    for (const variable in vars) {
      const byForm = (s.answers[prefix + variable] ??= {});
      const counts = (byForm[r.legalForm] ??= {});
      const code = vars[variable] as string;
      counts[code] = (counts[code] ?? 0) + 1;
    }
  }
}

/** Adds pre-aggregated answer counts (e.g. from a GROUP BY in the database) instead of per-record answers. */
export function addAnswerCount(
  s: WaveSummary,
  catalogueVersion: string,
  variable: string,
  legalForm: string,
  code: string,
  n: number,
): void {
  bump(
    child(
      child(s.answers, `${catalogueVersion}:${variable}`, () => ({})),
      legalForm,
      () => ({}),
    ),
    code,
    n,
  );
}

export function summariseWave(wave: string, records: Iterable<ResearchRecord>): WaveSummary {
  const s = emptyWaveSummary(wave);
  for (const r of records) if (r.wave === wave) addRecord(s, r);
  return s;
}

/** Firms per group of a partition in the base universe (all firms of the wave). */
export function baseCounts(s: WaveSummary, partition: PartitionId): Record<string, number> {
  const i = partition === 'sector' ? 0 : partition === 'size' ? 1 : 2;
  const out: Record<string, number> = Object.fromEntries(PARTITIONS[partition].map((g) => [g, 0]));
  for (const [key, n] of Object.entries(s.cells)) bump(out, key.split(SEP)[i] as string, n);
  return out;
}

/** Answer counts of one variable for one legal form, with records of other catalogue versions counted as `.v`. */
export function answerCounts(
  s: WaveSummary,
  catalogueVersion: string,
  variable: string,
  legalForm: string,
): Record<string, number> {
  const counted = { ...(s.answers[`${catalogueVersion}:${variable}`]?.[legalForm] ?? {}) };
  const ofVersion = s.versionByLegalForm[catalogueVersion]?.[legalForm] ?? 0;
  const all = Object.entries(s.versionByLegalForm).reduce((sum, [, byForm]) => sum + (byForm[legalForm] ?? 0), 0);
  const answered = Object.values(counted).reduce((a, b) => a + b, 0);
  if (ofVersion - answered > 0) bump(counted, MISSING.notAnswered, ofVersion - answered);
  if (all - ofVersion > 0) bump(counted, MISSING.otherVersion, all - ofVersion);
  return counted;
}

/** Statistics of the firms present in two waves (the panel), per dimension (or "overall", or "*" for all panel firms). */
export interface PanelStats {
  n: number;
  sumFrom: number;
  sumTo: number;
  /** Sums of squares of the scores in each wave and of the change (absent in panels cached before they existed). */
  sqFrom?: number;
  sqTo?: number;
  sqChange?: number;
  /** Panel firms per group in each wave's classification (a firm may move between groups). */
  byFrom: Record<string, Record<string, number>>;
  byTo: Record<string, Record<string, number>>;
  /** Panel firms also in the panel of the previous / next pair of waves (to keep neighbouring panel tables apart). */
  overlapPrev: number;
  overlapNext: number;
}

export interface PanelSummary {
  from: string;
  to: string;
  stats: Record<string, PanelStats>;
  /** Level transitions of firms with a level in both waves (overall row). */
  transitions: { up: number; same: number; down: number };
}

export const ALL_FIRMS = '*';
const LEVEL_ORDER = ['low', 'moderate', 'high', 'critical'];

export function emptyPanelSummary(from: string, to: string): PanelSummary {
  return { from, to, stats: {}, transitions: { up: 0, same: 0, down: 0 } };
}

function emptyStats(): PanelStats {
  const by = () => Object.fromEntries(Object.keys(PARTITIONS).map((p) => [p, {} as Record<string, number>]));
  return {
    n: 0,
    sumFrom: 0,
    sumTo: 0,
    sqFrom: 0,
    sqTo: 0,
    sqChange: 0,
    byFrom: by(),
    byTo: by(),
    overlapPrev: 0,
    overlapNext: 0,
  };
}

function groupsOf(r: ResearchRecord): Record<PartitionId, string> {
  return { sector: sectorGroupOf(r.naceSection), size: r.headcountBand, legalForm: r.legalForm };
}

/** A record's score in a panel statistic: none when it was scored with an earlier model (it still counts in "*"). */
const scoreOf = (r: ResearchRecord | undefined, dim: string): number | null =>
  !r
    ? null
    : dim === ALL_FIRMS
      ? 0
      : !scoredWithCurrentModel(r)
        ? null
        : dim === OVERALL
          ? r.overallScore
          : (r.dimensionScores[dim] ?? null);

/**
 * Adds one panel firm: its records in `from` and `to`, and (when present) in the wave before `from` and after `to`.
 * The overlaps count firms whose neighbouring panel includes them for the same dimension.
 */
export function addPanelFirm(
  p: PanelSummary,
  from: ResearchRecord,
  to: ResearchRecord,
  before?: ResearchRecord,
  after?: ResearchRecord,
): void {
  const gFrom = groupsOf(from);
  const gTo = groupsOf(to);
  const dims = new Set([ALL_FIRMS, OVERALL, ...Object.keys(from.dimensionScores), ...Object.keys(to.dimensionScores)]);
  for (const dim of dims) {
    const a = scoreOf(from, dim);
    const b = scoreOf(to, dim);
    if (a === null || b === null) continue;
    const st = child(p.stats, dim, emptyStats);
    st.n++;
    st.sumFrom += a;
    st.sumTo += b;
    if (st.sqFrom !== undefined) st.sqFrom += a * a;
    if (st.sqTo !== undefined) st.sqTo += b * b;
    if (st.sqChange !== undefined) st.sqChange += (b - a) * (b - a);
    for (const part of Object.keys(PARTITIONS) as PartitionId[]) {
      bump(st.byFrom[part] as Record<string, number>, gFrom[part]);
      bump(st.byTo[part] as Record<string, number>, gTo[part]);
    }
    if (scoreOf(before, dim) !== null) st.overlapPrev++;
    if (scoreOf(after, dim) !== null) st.overlapNext++;
  }
  if (from.level && to.level && scoredWithCurrentModel(from) && scoredWithCurrentModel(to)) {
    const d = LEVEL_ORDER.indexOf(to.level) - LEVEL_ORDER.indexOf(from.level);
    p.transitions[d > 0 ? 'up' : d < 0 ? 'down' : 'same']++;
  }
}

/** The panel of two waves from in-memory records (tests, benchmarks, the synthetic-data tool). */
export function summarisePanel(
  from: string,
  to: string,
  records: readonly ResearchRecord[],
  before?: string,
  after?: string,
): PanelSummary {
  const index = (wave: string | undefined) =>
    new Map(wave ? records.filter((r) => r.wave === wave).map((r) => [r.pseudonym, r]) : []);
  const a = index(from);
  const b = index(to);
  const prev = index(before);
  const next = index(after);
  const p = emptyPanelSummary(from, to);
  for (const [pseudonym, ra] of a) {
    const rb = b.get(pseudonym);
    if (rb) addPanelFirm(p, ra, rb, prev.get(pseudonym), next.get(pseudonym));
  }
  return p;
}
