import { bilingual as t } from '@scs/shared/catalogue';
import type { Text } from '@scs/shared/catalogue';
import { OVERALL } from '../record';
import { ALL_FIRMS, PARTITIONS, type PartitionId, type WaveSummary } from '../summary';
import { spreadNote } from './spread';
import type { WavePlan } from './wave-plan';
import {
  EMPTY,
  OVERALL_LABEL,
  SUPPRESSED,
  TOTAL_LABEL,
  countCell,
  groupLabel,
  meanCell,
  standardNotes,
  type DimensionInfo,
  type DisclosedTable,
  type TableRow,
} from './table';

// Mean dimension scores by a score partition (sector group or size band): the builder of every means table.

/** [firms, Σ score, Σ score² (undefined when a cell of the summary has none)] of a group. */
type GroupSums = [number, number, number | undefined];

const addSums = (a: GroupSums, b: GroupSums): GroupSums => [
  a[0] + b[0],
  a[1] + b[1],
  a[2] === undefined || b[2] === undefined ? undefined : a[2] + b[2],
];

function scoreSums(s: WaveSummary, dim: string, partition: PartitionId): Map<string, GroupSums> {
  const i = partition === 'sector' ? 0 : 1;
  const out = new Map<string, GroupSums>();
  for (const [key, [n, sum, sq]] of Object.entries(s.scores[dim] ?? {})) {
    const g = key.split('|')[i] as string;
    out.set(g, addSums(out.get(g) ?? [0, 0, 0], [n, sum, sq]));
  }
  return out;
}

export interface MeansInput<Id extends string> {
  id: Id;
  title: Text;
  partition: 'sector' | 'size';
}

export function meansTableOf<Id extends string>(
  s: WaveSummary,
  plan: WavePlan,
  dims: readonly DimensionInfo[],
  input: MeansInput<Id>,
): DisclosedTable<Id> {
  const { partition } = input;
  const all = [{ id: OVERALL, label: OVERALL_LABEL }, ...dims];
  const sums = new Map(all.map((d) => [d.id, scoreSums(s, d.id, partition)]));
  const base = plan.base.partitions[partition];
  if (!base) throw new Error(`plan has no partition ${partition}`);
  const rows: TableRow[] = PARTITIONS[partition].map((g) => {
    const n = base.counts[g] ?? 0;
    const reason = plan.base.totalPublished ? base.suppressed[g] : (base.suppressed[g] ?? 'primary');
    const cells = all.map((d) => {
      const dplan = plan.scores[d.id];
      const [cn, sum, sq] = sums.get(d.id)?.get(g) ?? [0, 0, 0];
      if (cn === 0) return reason ? SUPPRESSED : EMPTY;
      if (!dplan || !dplan.totalPublished || dplan.partitions[partition]?.suppressed[g]) return SUPPRESSED;
      return meanCell(sum, cn, sq);
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
      const [cn, sum, sq] = [...(sums.get(d.id)?.values() ?? [])].reduce(addSums, [0, 0, 0]);
      return meanCell(sum, cn, sq);
    }),
  });
  return {
    id: input.id,
    title: input.title,
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
      ...(rows.some((r) => r.cells.some((c) => c.spread)) ? [spreadNote()] : []),
    ],
  };
}
