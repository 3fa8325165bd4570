import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import type { EChartsCoreOption } from 'echarts/core';

export interface ProjectionSeries {
  name: string;
  /** One value (0–100) per month; null where there is no score. */
  values: (number | null)[];
  /** The overall score: drawn thicker and first in the legend. */
  main?: boolean;
}

const LOCALES: Record<string, string> = { de: 'de-DE', en: 'en-GB' };
const COLOURS = ['#1f4e79', '#d35400', '#2e7d32', '#8e44ad', '#b7950b', '#16a085', '#c0392b', '#7f8c8d'];

/** "2027-03" → "Mär 27" / "Mar 27" */
function monthLabel(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(LOCALES[lang] ?? lang, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 15)),
  );
}

/**
 * Projected exposure month by month (lines, 0–100), SVG-rendered; echarts is loaded on first use. The host carries
 * role="img" and a text summary; numbers use the UI language's decimal separator.
 */
@Component({
  selector: 'scs-projection-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('./echarts.setup').then((m) => m.echarts) })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'img', '[attr.aria-label]': 'summary()' },
  template: `<div
    echarts
    class="chart"
    [options]="options()"
    [initOpts]="{ renderer: 'svg' }"
    [style.height.px]="height()"
  ></div>`,
  styles: `
    :host {
      display: block;
    }
    .chart {
      width: 100%;
    }
  `,
})
export class ProjectionChartComponent {
  /** 'YYYY-MM' per point. */
  readonly months = input.required<string[]>();
  readonly series = input.required<ProjectionSeries[]>();
  readonly lang = input<string>('en');
  readonly summary = input.required<string>();
  readonly height = input(320);

  protected readonly options = computed<EChartsCoreOption>(() => {
    const lang = this.lang();
    const fmt = new Intl.NumberFormat(LOCALES[lang] ?? lang, { maximumFractionDigits: 1 });
    const series = [...this.series()].sort((a, b) => Number(!!b.main) - Number(!!a.main));
    return {
      animation: false,
      aria: { enabled: false },
      color: COLOURS,
      grid: { left: 8, right: 16, top: 16, bottom: series.length > 1 ? 64 : 24, containLabel: true },
      legend: series.length > 1 ? { type: 'scroll', bottom: 0, data: series.map((s) => s.name) } : undefined,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => (v === null || v === undefined ? '–' : fmt.format(v)),
      },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: this.months().map((m) => monthLabel(m, lang)),
        axisLabel: { hideOverlap: true },
      },
      yAxis: { type: 'value', min: 0, max: 100, interval: 25 },
      series: series.map((s) => ({
        type: 'line',
        name: s.name,
        step: 'end',
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: s.main ? 3 : 1.5 },
        emphasis: { focus: 'series' },
        data: s.values,
      })),
    };
  });
}
