import { bilingual as t } from '@scs/shared/catalogue';
import type { Text } from '@scs/shared/catalogue';
import type { UniversePlan } from '../plan';
import { ALL_FIRMS, PARTITIONS, type PartitionId } from '../summary';
import {
  EMPTY,
  SUPPRESSED,
  TOTAL_LABEL,
  countCell,
  groupLabel,
  joinLabels,
  standardNotes,
  type Category,
  type DisclosedTable,
  type TableChart,
  type TableRow,
} from './table';

// Distributions (firms per category, by a partition) with "<3" and coarsening: the builder of every count table.

export interface DistributionInput<Id extends string> {
  id: Id;
  title: Text;
  chart: TableChart;
  wave: string;
  partition: PartitionId;
  plan: UniversePlan;
  categories: readonly Category[];
  countsOf: (group: string) => Record<string, number>;
  extra?: Partial<DisclosedTable<Id>>;
}

/**
 * Merges a category with its neighbour while any row (including the margin and the derivable union of suppressed rows)
 * has all its firms in that one category: publishing it would state something about every firm of the row. The merge
 * applies to the whole table, so the margin cannot undo it.
 */
export function coarsen(columns: Category[][], rows: Record<string, number>[]): Category[][] {
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

export function distributionTable<Id extends string>(input: DistributionInput<Id>): DisclosedTable<Id> {
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
    chart: input.chart,
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
