import type { EChartsCoreOption } from 'echarts/core';
import type { DisclosedTable, TableCell } from './research.types';

type Lang = 'en' | 'de';

const charted = (c: TableCell | undefined): number | null =>
  c && c.status === 'value' && c.value !== null ? c.value : null;

/** How the chart is drawn: its width (narrow heatmaps are transposed) and the panel row to show. */
export interface ChartView {
  /** Width of the chart in CSS pixels (unknown: wide). */
  width?: number;
  /** Panel (lines) chart: the row key of the one dimension to show; all rows when absent. */
  dimension?: string;
}

/** Below this width a heatmap with more columns than rows is drawn transposed, so its labels do not overlap. */
export const NARROW_CHART = 600;

/**
 * Colours of categories (bars, lines): twelve distinct ones, so no two series of a chart share a legend symbol.
 * Chosen for contrast on white and to stay apart for the common colour-vision deficiencies.
 */
export const SERIES_COLOURS = [
  '#1f4e79',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#0072b2',
  '#8c6d31',
  '#6b6ecf',
  '#999999',
  '#b5cf6b',
  '#393b79',
];
const HEAT_COLOURS = ['#eef4fa', '#c6d7ea', '#8fb0d2', '#5584b3', '#1f4e79'];
const MARGIN_COLOUR = '#e6e6e6';

/**
 * The chart of a disclosed table: heatmap (group × dimension or level), bars (answer distribution by group) or lines
 * (panel means in two waves). Only published numbers are charted: suppressed ("."), "<3" and empty cells are left out.
 */
export function chartOptions(table: DisclosedTable, lang: Lang, view: ChartView = {}): EChartsCoreOption {
  const label = (t: { en: string; de: string }) => t[lang] ?? t.en;
  if (table.chart === 'lines') return linesOptions(table, label, lang, view.dimension);
  if (table.chart === 'bars') return barsOptions(table, label);
  return heatmapOptions(table, label, lang, view.width);
}

/** The rows a panel chart can show one at a time (dimensions with a published mean in either wave). */
export function panelDimensions(table: DisclosedTable): { key: string; label: { en: string; de: string } }[] {
  return table.rows
    .filter((r) => !r.total && (charted(r.cells[0]) !== null || charted(r.cells[1]) !== null))
    .map((r) => ({ key: r.key, label: r.label }));
}

/** Colour-scale steps of a heatmap from the group cells (the margin is left out: it would flatten the scale). */
export function heatmapPieces(table: DisclosedTable, lang: Lang): { min: number; max: number; label: string }[] {
  const values = table.rows.filter((r) => !r.total).flatMap((r) => r.cells.map(charted).filter((v) => v !== null));
  const fmt = (x: number) => x.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  const top = table.valueKind === 'mean' ? 100 : Math.max(1, ...(values as number[]));
  const steps = HEAT_COLOURS.length;
  const bounds = Array.from({ length: steps + 1 }, (_, i) =>
    table.valueKind === 'mean' ? (100 * i) / steps : Math.round((top * i) / steps),
  );
  return Array.from({ length: steps }, (_, i) => {
    const min = bounds[i] as number;
    const max = bounds[i + 1] as number;
    return { min, max, label: `${fmt(min)}–${fmt(max)}` };
  }).filter((p, i) => i === 0 || p.max > p.min);
}

/** How many cells the chart shows (0: show the "nothing to chart" note instead). */
export function chartedCellCount(table: DisclosedTable): number {
  if (table.chart === 'lines')
    return table.rows
      .filter((r) => !r.total)
      .reduce((s, r) => s + (charted(r.cells[0]) !== null ? 1 : 0) + (charted(r.cells[1]) !== null ? 1 : 0), 0);
  return table.rows.reduce((s, r) => s + r.cells.filter((c) => charted(c) !== null).length, 0);
}

function heatmapOptions(
  table: DisclosedTable,
  label: (t: { en: string; de: string }) => string,
  lang: Lang,
  width = Infinity,
): EChartsCoreOption {
  const rows = [...table.rows].reverse(); // first row on top
  const data: [number, number, number][] = [];
  const groups: [number, number, number][] = [];
  rows.forEach((r, y) =>
    r.cells.forEach((c, x) => {
      const v = charted(c);
      if (v === null) return;
      data.push([x, y, v]);
      if (!r.total) groups.push([x, y, v]);
    }),
  );
  const pieces = heatmapPieces(table, lang);
  // Narrow screens: more columns than rows are turned into rows, so column labels never have to share 20 px.
  const transposed = width < NARROW_CHART && table.columns.length > table.rows.length;
  const columnLabels = table.columns.map((c) => label(c.label));
  const rowLabels = rows.map((r) => label(r.label));
  const swap = (d: [number, number, number]): [number, number, number] =>
    transposed ? [rows.length - 1 - d[1], table.columns.length - 1 - d[0], d[2]] : d;
  const xLabels = transposed ? [...rowLabels].reverse() : columnLabels;
  const yLabels = transposed ? [...columnLabels].reverse() : rowLabels;
  const cellLabel = { show: true, formatter: (p: { value: [number, number, number] }) => String(p.value[2]) };
  return {
    animation: false,
    aria: { enabled: true },
    tooltip: { position: 'top' },
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    xAxis: {
      type: 'category',
      data: xLabels,
      splitArea: { show: true },
      axisLabel: {
        interval: 0,
        rotate: xLabels.length > 5 || width < NARROW_CHART ? 30 : 0,
        width: width < NARROW_CHART ? 80 : 120,
        overflow: 'truncate',
      },
    },
    yAxis: {
      type: 'category',
      data: yLabels,
      splitArea: { show: true },
      axisLabel: { width: width < NARROW_CHART ? 120 : 180, overflow: 'truncate' },
    },
    visualMap: {
      type: 'piecewise',
      // Only the group cells (series 1) are coloured on the scale; the margin keeps a neutral colour.
      seriesIndex: 1,
      pieces,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemGap: 6,
      textStyle: { fontSize: 11 },
      inRange: { color: HEAT_COLOURS },
    },
    series: [
      // Every published cell, margin included, in a neutral colour (the margin stays readable but off the scale).
      { type: 'heatmap', data: data.map(swap), itemStyle: { color: MARGIN_COLOUR }, label: cellLabel },
      { type: 'heatmap', data: groups.map(swap), label: cellLabel },
    ],
  };
}

function barsOptions(table: DisclosedTable, label: (t: { en: string; de: string }) => string): EChartsCoreOption {
  const groups = table.rows.filter((r) => !r.total);
  const rows = groups.length ? groups : table.rows;
  return {
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => label(r.label)),
      axisLabel: { interval: 0, width: 110, overflow: 'truncate' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: table.columns.map((c, i) => ({
      type: 'bar',
      name: label(c.label),
      itemStyle: { color: SERIES_COLOURS[i % SERIES_COLOURS.length] },
      data: rows.map((r) => charted(r.cells[i])),
    })),
  };
}

function linesOptions(
  table: DisclosedTable,
  label: (t: { en: string; de: string }) => string,
  lang: Lang,
  dimension: string | undefined,
): EChartsCoreOption {
  const all = table.rows.filter((r) => !r.total && (charted(r.cells[0]) !== null || charted(r.cells[1]) !== null));
  // One dimension at a time (chosen next to the chart); "overall" stays as a dashed reference line.
  const chosen = dimension === undefined ? all : all.filter((r) => r.key === dimension);
  const reference =
    dimension !== undefined && dimension !== 'overall' ? all.find((r) => r.key === 'overall') : undefined;
  const rows = reference ? [...chosen, reference] : chosen;
  const fmt = (x: number) => x.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  return {
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 24, top: 16, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: table.waves, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: rows.map((r, i) => ({
      type: 'line',
      name: label(r.label),
      connectNulls: false,
      symbol: r === reference ? 'emptyCircle' : 'circle',
      symbolSize: 8,
      lineStyle: r === reference ? { type: 'dashed', width: 1.5 } : { width: 3 },
      itemStyle: { color: r === reference ? '#999999' : SERIES_COLOURS[i % SERIES_COLOURS.length] },
      label: { show: dimension !== undefined, formatter: (p: { value: number }) => fmt(p.value) },
      data: [charted(r.cells[0]), charted(r.cells[1])],
    })),
  };
}
