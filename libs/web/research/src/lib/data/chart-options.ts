import type { EChartsCoreOption } from 'echarts/core';
import type { DisclosedTable, TableCell } from './research.types';

type Lang = 'en' | 'de';

const charted = (c: TableCell | undefined): number | null =>
  c && c.status === 'value' && c.value !== null ? c.value : null;

/**
 * The chart of a disclosed table: heatmap (group × dimension or level), bars (answer distribution by group) or lines
 * (panel means in two waves). Only published numbers are charted: suppressed ("."), "<3" and empty cells are left out.
 */
export function chartOptions(table: DisclosedTable, lang: Lang): EChartsCoreOption {
  const label = (t: { en: string; de: string }) => t[lang] ?? t.en;
  if (table.chart === 'lines') return linesOptions(table, label);
  if (table.chart === 'bars') return barsOptions(table, label);
  return heatmapOptions(table, label);
}

/** How many cells the chart shows (0: show the "nothing to chart" note instead). */
export function chartedCellCount(table: DisclosedTable): number {
  if (table.chart === 'lines')
    return table.rows
      .filter((r) => !r.total)
      .reduce((s, r) => s + (charted(r.cells[0]) !== null ? 1 : 0) + (charted(r.cells[1]) !== null ? 1 : 0), 0);
  return table.rows.reduce((s, r) => s + r.cells.filter((c) => charted(c) !== null).length, 0);
}

function heatmapOptions(table: DisclosedTable, label: (t: { en: string; de: string }) => string): EChartsCoreOption {
  const rows = [...table.rows].reverse(); // first row on top
  const data: [number, number, number][] = [];
  rows.forEach((r, y) =>
    r.cells.forEach((c, x) => {
      const v = charted(c);
      if (v !== null) data.push([x, y, v]);
    }),
  );
  const max = table.valueKind === 'mean' ? 100 : Math.max(1, ...data.map((d) => d[2]));
  return {
    animation: false,
    aria: { enabled: true },
    tooltip: { position: 'top' },
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    xAxis: {
      type: 'category',
      data: table.columns.map((c) => label(c.label)),
      splitArea: { show: true },
      axisLabel: { interval: 0, rotate: table.columns.length > 5 ? 30 : 0, width: 120, overflow: 'truncate' },
    },
    yAxis: {
      type: 'category',
      data: rows.map((r) => label(r.label)),
      splitArea: { show: true },
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#eef4fa', '#7598bb', '#1f4e79'] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: true, formatter: (p: { value: [number, number, number] }) => String(p.value[2]) },
      },
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
      data: rows.map((r) => charted(r.cells[i])),
    })),
  };
}

function linesOptions(table: DisclosedTable, label: (t: { en: string; de: string }) => string): EChartsCoreOption {
  const rows = table.rows.filter((r) => !r.total && (charted(r.cells[0]) !== null || charted(r.cells[1]) !== null));
  return {
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 24, top: 16, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: table.waves, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: rows.map((r) => ({
      type: 'line',
      name: label(r.label),
      connectNulls: false,
      data: [charted(r.cells[0]), charted(r.cells[1])],
    })),
  };
}
