import { bilingual as t } from '@scs/shared/catalogue';
import type { Text } from '@scs/shared/catalogue';
import { derivedSetIsSafe, planUniverse, type JointCount, type SuppressionReason, type UniversePlan } from './plan';
import {
  LEGAL_FORM_LABELS,
  OVERALL,
  SECTOR_GROUPS,
  SIZE_LABELS,
  type LegalForm,
  type SectorGroup,
  type SizeBand,
} from './record';
import {
  ALL_FIRMS,
  NO_LEVEL,
  PARTITIONS,
  SCORE_PARTITIONS,
  answerCounts,
  baseCounts,
  type PanelStats,
  type PanelSummary,
  type PartitionId,
  type WaveSummary,
} from './summary';

// The predefined tables. Every number a researcher, a chamber or a firm sees comes out of these builders, always
// together with the wave's suppression plan, so no output can skip disclosure control.

export type PredefinedTableId =
  | 'level-by-sector'
  | 'means-by-size'
  | 'means-by-sector'
  | 'answers-by-legal-form'
  | 'wave-change';

export interface PredefinedTable {
  id: PredefinedTableId;
  title: Text;
  description: Text;
  chart: 'heatmap' | 'bars' | 'lines';
  /** Parameters: one wave, or two consecutive waves (`from`, `to`); `variable` for the answer table. */
  params: ('wave' | 'from' | 'to' | 'variable')[];
}

export const PREDEFINED_TABLES: readonly PredefinedTable[] = [
  {
    id: 'level-by-sector',
    title: t('Risk level by sector', 'Risikostufe nach Branche'),
    description: t(
      'Firms per overall exposure level, by sector group.',
      'Unternehmen je Gesamt-Risikostufe, nach Branchengruppe.',
    ),
    chart: 'heatmap',
    params: ['wave'],
  },
  {
    id: 'means-by-size',
    title: t('Mean dimension scores by size', 'Mittlere Dimensionswerte nach Größe'),
    description: t(
      'Mean score (0–100) per dimension, by headcount band.',
      'Mittlerer Wert (0–100) je Dimension, nach Beschäftigtenklasse.',
    ),
    chart: 'heatmap',
    params: ['wave'],
  },
  {
    id: 'means-by-sector',
    title: t('Mean dimension scores by sector', 'Mittlere Dimensionswerte nach Branche'),
    description: t(
      "Mean score (0–100) per dimension, by sector group (the basis of the firms' peer benchmark).",
      'Mittlerer Wert (0–100) je Dimension, nach Branchengruppe (Grundlage des Vergleichs für Unternehmen).',
    ),
    chart: 'heatmap',
    params: ['wave'],
  },
  {
    id: 'answers-by-legal-form',
    title: t('Answers to a question by legal form', 'Antworten auf eine Frage nach Rechtsform'),
    description: t(
      'Firms per answer option of one question (catalogue or research module), by legal form.',
      'Unternehmen je Antwortoption einer Frage (Katalog oder Forschungsmodul), nach Rechtsform.',
    ),
    chart: 'bars',
    params: ['wave', 'variable'],
  },
  {
    id: 'wave-change',
    title: t('Change between two waves (panel)', 'Veränderung zwischen zwei Wellen (Panel)'),
    description: t(
      'Firms that took part in both of two consecutive waves: mean scores in each wave, the change, and level transitions.',
      'Unternehmen, die an zwei aufeinanderfolgenden Wellen teilnahmen: Mittelwerte in beiden Wellen, Veränderung und Wechsel der Risikostufe.',
    ),
    chart: 'lines',
    params: ['from', 'to'],
  },
];

export type CellStatus = 'value' | 'suppressed' | 'lt3' | 'empty';

export interface TableCell {
  /** The number to chart; null for suppressed, "<3" and empty cells (never charted). */
  value: number | null;
  /** What to print: the number, "." (suppressed), "<3" or "–" (no firm). */
  display: string;
  status: CellStatus;
}

export interface TableColumn {
  key: string;
  label: Text;
  /** Answer codes (or levels) this column holds; more than one when categories were merged. */
  codes?: string[];
}

export interface TableRow {
  key: string;
  label: Text;
  /** The margin ("all firms") row. */
  total: boolean;
  /** Firms in the row. */
  n: TableCell;
  cells: TableCell[];
  suppressed?: SuppressionReason;
}

export interface DisclosedTable {
  id: PredefinedTableId;
  title: Text;
  waves: string[];
  variable?: string;
  catalogueVersion?: string;
  k: number;
  rowVariable: PartitionId | 'dimension';
  valueKind: 'count' | 'mean';
  chart: PredefinedTable['chart'];
  columns: TableColumn[];
  rows: TableRow[];
  /** Merged column groups (a category held all firms of a row, see docs/privacy.md). */
  coarsened: string[][];
  notes: Text[];
}

export const SUPPRESSED: TableCell = { value: null, display: '.', status: 'suppressed' };
export const EMPTY: TableCell = { value: null, display: '–', status: 'empty' };

export function countCell(n: number): TableCell {
  if (n > 0 && n < 3) return { value: null, display: '<3', status: 'lt3' };
  return { value: n, display: String(n), status: 'value' };
}

export function meanCell(sum: number, n: number): TableCell {
  if (n === 0) return EMPTY;
  const value = Math.round((sum / n) * 10) / 10;
  return { value, display: value.toFixed(1), status: 'value' };
}

const TOTAL_LABEL = t('All firms', 'Alle Unternehmen');

export function groupLabel(partition: PartitionId, group: string): Text {
  if (partition === 'sector') return SECTOR_GROUPS[group as SectorGroup]?.label ?? t(group, group);
  if (partition === 'size') return SIZE_LABELS[group as SizeBand] ?? t(group, group);
  return LEGAL_FORM_LABELS[group as LegalForm] ?? t(group, group);
}

// ---------------------------------------------------------------------------------------------------------------
// Suppression plans of a wave

export interface WavePlan {
  wave: string;
  k: number;
  /** All firms of the wave, classified by sector group, size band and legal form. */
  base: UniversePlan;
  /** Per dimension (and "overall"): the firms with a score in it, by sector group and size band. */
  scores: Record<string, UniversePlan>;
}

const PARTITION_IDS = Object.keys(PARTITIONS) as PartitionId[];

export function planWave(s: WaveSummary, k: number): WavePlan {
  const baseJoint: JointCount[] = Object.entries(s.cells).map(([key, n]) => ({ groups: key.split('|'), n }));
  const base = planUniverse(
    PARTITION_IDS.map((id) => ({ id, groups: PARTITIONS[id] })),
    baseJoint,
    k,
  );
  // A group suppressed in the wave's base tables is suppressed in every score table of the wave too.
  const seed = Object.fromEntries(SCORE_PARTITIONS.map((p) => [p, Object.keys(base.partitions[p]?.suppressed ?? {})]));
  const scores: Record<string, UniversePlan> = {};
  for (const [dim, cells] of Object.entries(s.scores)) {
    const joint = Object.entries(cells).map(([key, [n]]) => ({ groups: key.split('|'), n }));
    scores[dim] = planUniverse(
      SCORE_PARTITIONS.map((id) => ({ id, groups: PARTITIONS[id] })),
      joint,
      k,
      seed,
    );
  }
  return { wave: s.wave, k, base, scores };
}

// ---------------------------------------------------------------------------------------------------------------
// Distributions (counts per category) with "<3" and coarsening

export interface Category {
  code: string;
  label: Text;
}

interface DistributionInput {
  id: PredefinedTableId;
  title: Text;
  wave: string;
  partition: PartitionId;
  plan: UniversePlan;
  categories: readonly Category[];
  countsOf: (group: string) => Record<string, number>;
  extra?: Partial<DisclosedTable>;
}

/**
 * Merges a category with its neighbour while any row (including the margin and the derivable union of suppressed rows)
 * has all its firms in that one category: publishing it would state something about every firm of the row. The merge
 * applies to the whole table, so the margin cannot undo it.
 */
function coarsen(columns: Category[][], rows: Record<string, number>[]): Category[][] {
  const cols = columns.map((c) => [...c]);
  const sumOf = (row: Record<string, number>, col: Category[]) => col.reduce((s, c) => s + (row[c.code] ?? 0), 0);
  for (;;) {
    if (cols.length < 2) return cols;
    let target = -1;
    for (const row of rows) {
      const n = Object.values(row).reduce((a, b) => a + b, 0);
      if (n === 0) continue;
      // A column that already merges categories is the coarsened answer; only a single category is too precise.
      target = cols.findIndex((col) => col.length === 1 && sumOf(row, col) === n);
      if (target >= 0) break;
    }
    if (target < 0) return cols;
    const totalOf = (i: number) => rows.reduce((s, r) => s + sumOf(r, cols[i] as Category[]), 0);
    const left = target - 1;
    const right = target + 1;
    const other = left < 0 ? right : right >= cols.length ? left : totalOf(left) >= totalOf(right) ? left : right;
    const [a, b] = [Math.min(target, other), Math.max(target, other)];
    cols.splice(a, 2, [...(cols[a] as Category[]), ...(cols[b] as Category[])]);
  }
}

function distributionTable(input: DistributionInput): DisclosedTable {
  const { plan, partition } = input;
  const part = plan.partitions[partition];
  if (!part) throw new Error(`plan has no partition ${partition}`);
  const groups = PARTITIONS[partition];
  const counts = new Map(groups.map((g) => [g, input.countsOf(g)]));
  const known = new Set(input.categories.map((c) => c.code));
  const extraCodes = [...new Set([...counts.values()].flatMap((c) => Object.keys(c)))]
    .filter((c) => !known.has(c))
    .sort();
  const categories = [...input.categories, ...extraCodes.map((code) => ({ code, label: t(code, code) }))];

  const total: Record<string, number> = {};
  const hidden: Record<string, number> = {};
  for (const g of groups) {
    for (const [code, n] of Object.entries(counts.get(g) ?? {})) {
      total[code] = (total[code] ?? 0) + n;
      if (part.suppressed[g]) hidden[code] = (hidden[code] ?? 0) + n;
    }
  }
  const visible = groups.filter((g) => !part.suppressed[g]).map((g) => counts.get(g) ?? {});
  const columns = plan.totalPublished
    ? coarsen(
        categories.map((c) => [c]),
        [...visible, total, hidden],
      )
    : categories.map((c) => [c]);
  const cellsOf = (row: Record<string, number>) =>
    columns.map((col) => countCell(col.reduce((s, c) => s + (row[c.code] ?? 0), 0)));

  const rows: TableRow[] = groups.map((g) => {
    const n = part.counts[g] ?? 0;
    const reason = plan.totalPublished ? part.suppressed[g] : (part.suppressed[g] ?? 'primary');
    if (reason)
      return {
        key: g,
        label: groupLabel(partition, g),
        total: false,
        n: SUPPRESSED,
        cells: columns.map(() => SUPPRESSED),
        suppressed: reason,
      };
    if (n === 0)
      return {
        key: g,
        label: groupLabel(partition, g),
        total: false,
        n: countCell(0),
        cells: columns.map(() => EMPTY),
      };
    return {
      key: g,
      label: groupLabel(partition, g),
      total: false,
      n: countCell(n),
      cells: cellsOf(counts.get(g) ?? {}),
    };
  });
  rows.push(
    plan.totalPublished
      ? { key: ALL_FIRMS, label: TOTAL_LABEL, total: true, n: countCell(plan.total), cells: cellsOf(total) }
      : {
          key: ALL_FIRMS,
          label: TOTAL_LABEL,
          total: true,
          n: plan.total === 0 ? countCell(0) : SUPPRESSED,
          cells: columns.map(() => (plan.total === 0 ? EMPTY : SUPPRESSED)),
        },
  );
  const merged = columns.filter((c) => c.length > 1);
  return {
    id: input.id,
    title: input.title,
    waves: [input.wave],
    k: plan.k,
    rowVariable: partition,
    valueKind: 'count',
    chart: PREDEFINED_TABLES.find((p) => p.id === input.id)?.chart ?? 'bars',
    columns: columns.map((col) => ({
      key: col.map((c) => c.code).join('+'),
      label: joinLabels(col.map((c) => c.label)),
      codes: col.map((c) => c.code),
    })),
    rows,
    coarsened: merged.map((c) => c.map((x) => x.code)),
    notes: standardNotes(plan.k, merged.length > 0),
    ...input.extra,
  };
}

function joinLabels(labels: Text[]): Text {
  return { en: labels.map((l) => l.en).join(' / '), de: labels.map((l) => l.de).join(' / ') };
}

function standardNotes(k: number, coarsened: boolean): Text[] {
  const notes = [
    t(
      `"." = suppressed (fewer than ${k} firms, or withheld so that a suppressed cell cannot be recomputed); "<3" = 1 or 2 firms; "–" = no firm.`,
      `„.“ = gesperrt (weniger als ${k} Unternehmen oder zurückgehalten, damit eine gesperrte Zelle nicht errechnet werden kann); „<3“ = 1 oder 2 Unternehmen; „–“ = kein Unternehmen.`,
    ),
  ];
  if (coarsened)
    notes.push(
      t(
        'Categories joined with "/" were merged because one of them held all firms of a row.',
        'Mit „/“ verbundene Kategorien wurden zusammengefasst, weil eine davon alle Unternehmen einer Zeile umfasste.',
      ),
    );
  return notes;
}

export function levelBySectorTable(s: WaveSummary, plan: WavePlan, levels: readonly Category[]): DisclosedTable {
  return distributionTable({
    id: 'level-by-sector',
    title: PREDEFINED_TABLES[0]?.title as Text,
    wave: s.wave,
    partition: 'sector',
    plan: plan.base,
    categories: [...levels, { code: NO_LEVEL, label: t('No score', 'Kein Wert') }],
    countsOf: (g) => ({ ...(s.levels[g] ?? {}) }),
  });
}

export interface AnswerVariable {
  /** `T1`, or `rm.awareness` / `rm.impact.inspection` for the research module. */
  variable: string;
  catalogueVersion: string;
  label: Text;
  categories: readonly Category[];
}

export function answersByLegalFormTable(s: WaveSummary, plan: WavePlan, v: AnswerVariable): DisclosedTable {
  return distributionTable({
    id: 'answers-by-legal-form',
    title: v.label,
    wave: s.wave,
    partition: 'legalForm',
    plan: plan.base,
    categories: v.categories,
    countsOf: (g) => answerCounts(s, v.catalogueVersion, v.variable, g),
    extra: { variable: v.variable, catalogueVersion: v.catalogueVersion },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Means

export interface DimensionInfo {
  id: string;
  label: Text;
}

export const OVERALL_LABEL = t('Overall', 'Gesamt');

function scoreSums(s: WaveSummary, dim: string, partition: PartitionId): Map<string, [number, number]> {
  const i = partition === 'sector' ? 0 : 1;
  const out = new Map<string, [number, number]>();
  for (const [key, [n, sum]] of Object.entries(s.scores[dim] ?? {})) {
    const g = key.split('|')[i] as string;
    const cur = out.get(g) ?? [0, 0];
    out.set(g, [cur[0] + n, cur[1] + sum]);
  }
  return out;
}

export function meansTable(
  s: WaveSummary,
  plan: WavePlan,
  dims: readonly DimensionInfo[],
  partition: 'sector' | 'size',
): DisclosedTable {
  const all = [{ id: OVERALL, label: OVERALL_LABEL }, ...dims];
  const sums = new Map(all.map((d) => [d.id, scoreSums(s, d.id, partition)]));
  const base = plan.base.partitions[partition];
  if (!base) throw new Error(`plan has no partition ${partition}`);
  const rows: TableRow[] = PARTITIONS[partition].map((g) => {
    const n = base.counts[g] ?? 0;
    const reason = plan.base.totalPublished ? base.suppressed[g] : (base.suppressed[g] ?? 'primary');
    const cells = all.map((d) => {
      const dplan = plan.scores[d.id];
      const [cn, sum] = sums.get(d.id)?.get(g) ?? [0, 0];
      if (cn === 0) return reason ? SUPPRESSED : EMPTY;
      if (!dplan || !dplan.totalPublished || dplan.partitions[partition]?.suppressed[g]) return SUPPRESSED;
      return meanCell(sum, cn);
    });
    if (reason)
      return {
        key: g,
        label: groupLabel(partition, g),
        total: false,
        n: SUPPRESSED,
        cells: all.map(() => SUPPRESSED),
        suppressed: reason,
      };
    return { key: g, label: groupLabel(partition, g), total: false, n: countCell(n), cells };
  });
  rows.push({
    key: ALL_FIRMS,
    label: TOTAL_LABEL,
    total: true,
    n: plan.base.totalPublished ? countCell(plan.base.total) : plan.base.total === 0 ? countCell(0) : SUPPRESSED,
    cells: all.map((d) => {
      const dplan = plan.scores[d.id];
      if (!dplan || dplan.total === 0) return plan.base.totalPublished ? EMPTY : SUPPRESSED;
      if (!dplan.totalPublished) return SUPPRESSED;
      const [cn, sum] = [...(sums.get(d.id)?.values() ?? [])].reduce(([a, b], [c, e]) => [a + c, b + e], [0, 0]);
      return meanCell(sum, cn);
    }),
  });
  const id = partition === 'size' ? 'means-by-size' : 'means-by-sector';
  return {
    id,
    title: PREDEFINED_TABLES.find((p) => p.id === id)?.title as Text,
    waves: [s.wave],
    k: plan.k,
    rowVariable: partition,
    valueKind: 'mean',
    chart: 'heatmap',
    columns: all.map((d) => ({ key: d.id, label: d.label })),
    rows,
    coarsened: [],
    notes: [
      ...standardNotes(plan.k, false),
      t(
        `A mean covers the firms of the row to which the dimension applies; it is shown only when they are at least ${plan.k}.`,
        `Ein Mittelwert umfasst die Unternehmen der Zeile, für die die Dimension gilt; er wird nur bei mindestens ${plan.k} Unternehmen gezeigt.`,
      ),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Panel (wave-on-wave change)

export interface WaveContext {
  summary: WaveSummary;
  plan: WavePlan;
}

function neighbourSafe(st: PanelStats, overlap: number, other: PanelStats | undefined, k: number): boolean {
  if (!other || other.n === 0) return true;
  const gap = (d: number) => d > 0 && d < k;
  if (overlap === st.n && gap(other.n - st.n)) return false;
  if (overlap === other.n && gap(st.n - other.n)) return false;
  return true;
}

/**
 * Whether a panel statistic may be published: the panel firms (with the dimension in both waves) are >= k, they cannot
 * be separated by differencing from any derivable set of either wave's tables, nor from the neighbouring panels.
 */
export function panelStatIsSafe(
  key: string,
  panel: PanelSummary,
  from: WaveContext,
  to: WaveContext,
  neighbours: { prev?: PanelSummary; next?: PanelSummary } = {},
): boolean {
  const st = panel.stats[key];
  if (!st || st.n === 0) return false;
  const universe = (w: WaveContext) => (key === ALL_FIRMS ? w.plan.base : w.plan.scores[key]);
  const uf = universe(from);
  const ut = universe(to);
  if (!uf || !ut) return false;
  if (!derivedSetIsSafe(uf, st.n, st.byFrom) || !derivedSetIsSafe(ut, st.n, st.byTo)) return false;
  const k = from.plan.k;
  return (
    neighbourSafe(st, st.overlapPrev, neighbours.prev?.stats[key], k) &&
    neighbourSafe(st, st.overlapNext, neighbours.next?.stats[key], k)
  );
}

export function waveChangeTable(
  panel: PanelSummary,
  from: WaveContext,
  to: WaveContext,
  dims: readonly DimensionInfo[],
  neighbours: { prev?: PanelSummary; next?: PanelSummary } = {},
): DisclosedTable {
  const k = from.plan.k;
  if (to.plan.k !== k) throw new Error('both waves must be planned with the same k');
  const allSafe = panelStatIsSafe(ALL_FIRMS, panel, from, to, neighbours);
  const firms = panel.stats[ALL_FIRMS]?.n ?? 0;
  const all = [{ id: OVERALL, label: OVERALL_LABEL }, ...dims];
  const tr = panel.transitions;
  const overallSafe = allSafe && panelStatIsSafe(OVERALL, panel, from, to, neighbours);
  const trCols = coarsen(
    [
      [{ code: 'down', label: t('Level fell', 'Stufe gesunken') }],
      [{ code: 'same', label: t('Level unchanged', 'Stufe gleich') }],
      [{ code: 'up', label: t('Level rose', 'Stufe gestiegen') }],
    ],
    [{ down: tr.down, same: tr.same, up: tr.up }],
  );
  const rows: TableRow[] = all.map((d) => {
    const st = panel.stats[d.id];
    const safe = allSafe && (d.id === OVERALL ? overallSafe : panelStatIsSafe(d.id, panel, from, to, neighbours));
    const transitions =
      d.id === OVERALL
        ? trCols.map((col) =>
            safe ? countCell(col.reduce((s, c) => s + (tr[c.code as keyof typeof tr] ?? 0), 0)) : SUPPRESSED,
          )
        : trCols.map(() => EMPTY);
    if (!st || st.n === 0)
      return {
        key: d.id,
        label: d.label,
        total: false,
        n: allSafe ? EMPTY : SUPPRESSED,
        cells: [EMPTY, EMPTY, EMPTY, ...transitions],
      };
    if (!safe)
      return {
        key: d.id,
        label: d.label,
        total: false,
        n: SUPPRESSED,
        cells: [SUPPRESSED, SUPPRESSED, SUPPRESSED, ...transitions.map(() => SUPPRESSED)],
        suppressed: 'primary' as const,
      };
    const a = meanCell(st.sumFrom, st.n);
    const b = meanCell(st.sumTo, st.n);
    const change = meanCell(st.sumTo - st.sumFrom, st.n);
    // The panel's firm count is published once (the header row); per-dimension counts are not.
    return { key: d.id, label: d.label, total: false, n: EMPTY, cells: [a, b, change, ...transitions] };
  });
  rows.unshift({
    key: ALL_FIRMS,
    label: t('Firms in both waves', 'Unternehmen in beiden Wellen'),
    total: true,
    n: allSafe ? countCell(firms) : SUPPRESSED,
    cells: [EMPTY, EMPTY, EMPTY, ...trCols.map(() => EMPTY)],
  });
  return {
    id: 'wave-change',
    title: PREDEFINED_TABLES.find((p) => p.id === 'wave-change')?.title as Text,
    waves: [panel.from, panel.to],
    k,
    rowVariable: 'dimension',
    valueKind: 'mean',
    chart: 'lines',
    columns: [
      { key: 'from', label: t(`Mean ${panel.from}`, `Mittelwert ${panel.from}`) },
      { key: 'to', label: t(`Mean ${panel.to}`, `Mittelwert ${panel.to}`) },
      { key: 'change', label: t('Change', 'Veränderung') },
      ...trCols.map((col) => ({
        key: col.map((c) => c.code).join('+'),
        label: joinLabels(col.map((c) => c.label)),
        codes: col.map((c) => c.code),
      })),
    ],
    rows,
    coarsened: trCols.filter((c) => c.length > 1).map((c) => c.map((x) => x.code)),
    notes: [
      ...standardNotes(
        k,
        trCols.some((c) => c.length > 1),
      ),
      t(
        'Only firms present in both waves; a dimension row covers the panel firms with a score in it in both waves. A row is withheld when its firms could be told apart from a published group of either wave.',
        'Nur Unternehmen, die in beiden Wellen vorkommen; eine Dimensionszeile umfasst die Panel-Unternehmen mit einem Wert in beiden Wellen. Eine Zeile wird zurückgehalten, wenn ihre Unternehmen von einer veröffentlichten Gruppe einer der Wellen abgegrenzt werden könnten.',
      ),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Peer benchmark ("firms like yours")

export type PeerGroup =
  | {
      available: true;
      by: 'sector' | 'size';
      group: string;
      label: Text;
      firms: number;
      overall: TableCell;
      dimensions: { dimensionId: string; mean: TableCell }[];
    }
  | {
      available: false;
      by: 'sector' | 'size';
      reason: 'no_data' | 'group_too_small' | 'profile_incomplete';
      message: Text;
    };

export interface PeerBenchmark {
  wave: string | null;
  k: number;
  sector: PeerGroup;
  size: PeerGroup;
}

const REASONS = {
  no_data: t('No comparison data yet.', 'Noch keine Vergleichsdaten.'),
  group_too_small: t(
    'Too few comparable firms have shared their results to show a comparison.',
    'Zu wenige vergleichbare Unternehmen haben ihre Ergebnisse geteilt, um einen Vergleich zu zeigen.',
  ),
  profile_incomplete: t(
    'Complete the firm profile (sector and headcount) to see the comparison.',
    'Vervollständigen Sie das Unternehmensprofil (Branche und Beschäftigte), um den Vergleich zu sehen.',
  ),
} as const;

/** The firm's row of the means table of its sector group and of its size band (the same suppression as the tables). */
export function peerBenchmark(
  wave: WaveContext | null,
  dims: readonly DimensionInfo[],
  firm: { sectorGroup?: string | null; headcountBand?: string | null },
  k: number,
): PeerBenchmark {
  const one = (by: 'sector' | 'size', group: string | null | undefined): PeerGroup => {
    if (!group) return { available: false, by, reason: 'profile_incomplete', message: REASONS.profile_incomplete };
    if (!wave || wave.summary.firms === 0) return { available: false, by, reason: 'no_data', message: REASONS.no_data };
    const table = meansTable(wave.summary, wave.plan, dims, by);
    const row = table.rows.find((r) => r.key === group && !r.total);
    if (!row || row.suppressed || row.n.value === null || row.n.value === 0)
      return { available: false, by, reason: 'group_too_small', message: REASONS.group_too_small };
    const [overall, ...rest] = row.cells;
    return {
      available: true,
      by,
      group,
      label: row.label,
      firms: row.n.value,
      overall: overall ?? EMPTY,
      dimensions: dims.map((d, i) => ({ dimensionId: d.id, mean: rest[i] ?? EMPTY })),
    };
  };
  return {
    wave: wave?.summary.wave ?? null,
    k: wave?.plan.k ?? k,
    sector: one('sector', firm.sectorGroup),
    size: one('size', firm.headcountBand),
  };
}

export { baseCounts };
