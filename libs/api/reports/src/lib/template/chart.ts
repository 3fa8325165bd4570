import * as echarts from 'echarts';
import type { ReportDimension, ReportLevel } from '@scs/shared/contracts';
import { raw, type Html } from './html';

export const LEVEL_COLORS: Record<ReportLevel, string> = {
  low: '#2e7d32',
  moderate: '#c49000',
  high: '#e65100',
  critical: '#b71c1c',
};
// Chromium embeds TrueType fonts as compact subsets but CFF-based OpenType (such as Noto Sans CJK) as Type 3 glyph
// outlines, which makes Chinese titles the most expensive part of a report. Latin text therefore uses Liberation Sans
// and Chinese WenQuanYi Micro Hei (both TrueType, Debian packages fonts-liberation and fonts-wqy-microhei), with
// Noto Sans CJK as the fallback. The CJK face has no bold: synthetic bold is switched off (it would be Type 3 again).
export const CJK_FONTS = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC"';
export const FONT_STACK = `"Liberation Sans", Arial, Helvetica, ${CJK_FONTS}, sans-serif`;
/** FONT_STACK with single quotes, for style attributes (header and footer templates). */
export const FONT_STACK_ATTR = FONT_STACK.replace(/"/g, "'");

/**
 * Horizontal bar chart of the dimension scores, rendered to an SVG string on the server (no script in the page).
 * Dimensions that do not apply or were not answered are left out of the chart; the table beside it lists them.
 */
export function dimensionChart(
  dimensions: readonly ReportDimension[],
  labels: { notAnswered: string; formatNumber: (n: number) => string },
): Html {
  const rows = dimensions.filter((d) => d.applicable).reverse(); // echarts draws the first category at the bottom
  if (!rows.length) return raw('');
  const width = 660;
  const height = 34 + rows.length * 24;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT_STACK, fontSize: 11, color: '#263238' },
      grid: { left: 250, right: 56, top: 8, bottom: 26 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { color: '#607d8b' },
        splitLine: { lineStyle: { color: '#e0e6ea' } },
      },
      yAxis: {
        type: 'category',
        data: rows.map((d) => `${d.code}  ${truncate(d.name, 38)}`),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#90a4ae' } },
        axisLabel: { color: '#263238', fontSize: 11 },
      },
      series: [
        {
          type: 'bar',
          barWidth: 14,
          data: rows.map((d) => ({
            value: d.score ?? 0,
            itemStyle: { color: d.level ? LEVEL_COLORS[d.level] : '#b0bec5', borderRadius: [0, 3, 3, 0] },
            label: {
              show: true,
              position: 'right',
              color: '#263238',
              // The same figure as the tables (one decimal, the report language's separator).
              formatter: d.score === null ? labels.notAnswered : labels.formatNumber(d.score),
            },
          })),
        },
      ],
    });
    return raw(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const LINE_COLORS = ['#1f4e79', '#e65100', '#2e7d32', '#8e24aa', '#c49000', '#00897b', '#b71c1c', '#607d8b'];

/**
 * The projected exposure as lines over the months (overall thick, changing dimensions thin), rendered to an SVG string
 * on the server like the dimension chart. `monthLabel` formats 'YYYY-MM' in the report language.
 */
export function projectionChart(
  projection: {
    months: readonly string[];
    overall: readonly (number | null)[];
    dimensions: readonly { code: string; name: string; values: readonly (number | null)[] }[];
  },
  labels: { overall: string; monthLabel: (month: string) => string },
): Html {
  if (projection.months.length < 2) return raw('');
  const series = [
    { name: labels.overall, values: projection.overall, main: true },
    ...projection.dimensions.map((d) => ({ name: `${d.code} ${truncate(d.name, 30)}`, values: d.values, main: false })),
  ];
  const width = 660;
  const height = 250 + Math.ceil(series.length / 3) * 18;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: LINE_COLORS,
      textStyle: { fontFamily: FONT_STACK, fontSize: 10, color: '#263238' },
      legend: { bottom: 0, itemWidth: 16, itemHeight: 8, textStyle: { fontSize: 10 }, data: series.map((s) => s.name) },
      grid: { left: 36, right: 16, top: 12, bottom: 30 + Math.ceil(series.length / 3) * 18 },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: projection.months.map(labels.monthLabel),
        axisLabel: { color: '#607d8b', interval: 5 },
        axisLine: { lineStyle: { color: '#90a4ae' } },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { color: '#607d8b' },
        splitLine: { lineStyle: { color: '#e0e6ea' } },
      },
      series: series.map((s) => ({
        type: 'line',
        name: s.name,
        step: 'end',
        showSymbol: false,
        lineStyle: { width: s.main ? 3 : 1.5 },
        data: [...s.values],
      })),
    });
    return raw(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
