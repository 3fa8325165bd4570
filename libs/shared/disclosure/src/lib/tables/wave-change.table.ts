import { bilingual as t } from '@scs/shared/catalogue';
import { derivedSetIsSafe } from '../plan';
import { OVERALL } from '../record';
import { ALL_FIRMS, type PanelStats, type PanelSummary } from '../summary';
import { coarsen } from './distribution';
import { CHANGE_RANGE, spreadNote } from './spread';
import {
  EMPTY,
  OVERALL_LABEL,
  SUPPRESSED,
  countCell,
  joinLabels,
  meanCell,
  panelTable,
  standardNotes,
  type DimensionInfo,
  type DisclosedTable,
  type TableRow,
  type WaveContext,
} from './table';

const ID = 'wave-change';
const TITLE = t('Change between two waves (panel)', 'Veränderung zwischen zwei Wellen (Panel)');

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
): DisclosedTable<typeof ID> {
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
    const a = meanCell(st.sumFrom, st.n, st.sqFrom);
    const b = meanCell(st.sumTo, st.n, st.sqTo);
    const change = meanCell(st.sumTo - st.sumFrom, st.n, st.sqChange, CHANGE_RANGE);
    // The panel's firm count is published once (the header row); a dimension's count only with the spread of its
    // means (the panel firms with a score in both waves: at least k, and safe against every derivable set, above).
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
    id: ID,
    title: TITLE,
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
      ...(rows.some((r) => r.cells.some((c) => c.spread)) ? [spreadNote()] : []),
    ],
  };
}

export const waveChange = panelTable({
  id: ID,
  title: TITLE,
  description: t(
    'Firms that took part in both of two consecutive waves: mean scores in each wave, the change, and level transitions.',
    'Unternehmen, die an zwei aufeinanderfolgenden Wellen teilnahmen: Mittelwerte in beiden Wellen, Veränderung und Wechsel der Risikostufe.',
  ),
  chart: 'lines',
  params: ['from', 'to'],
  scope: 'panel',
  build: ({ panel, from, to, dimensions, neighbours }) => waveChangeTable(panel, from, to, dimensions, neighbours),
});
