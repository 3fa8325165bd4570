import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import type { LevelId } from '@scs/shared/catalogue';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import type { EChartsCoreOption } from 'echarts/core';
import { formatScore } from './level-badge.component';

export interface ChartSeries {
  name: string;
  /** One value (0–100) per category; null when there is no score. */
  values: (number | null)[];
  /** Colours bars by level (single-series charts). */
  levels?: (LevelId | null)[];
}

const LEVEL_COLOURS: Record<LevelId, string> = {
  low: '#2e7d32',
  moderate: '#b7950b',
  high: '#d35400',
  critical: '#b71c1c',
};
const SERIES_COLOURS = ['#9aa5b1', '#1f4e79'];

/**
 * Horizontal bars per dimension (0–100), SVG-rendered. echarts is loaded on first use (provideEchartsCore with a lazy
 * import); callers also wrap this component in `@defer` so neither the directive nor echarts reach the initial bundle.
 * The host carries role="img" and a text summary; pages show the numbers in a table as well.
 * On a narrow host (a phone) the dimension names get at most 40 % of the width and the value axis shows 0/50/100 only,
 * so neither the names nor the tick labels overlap; values are written in the UI language (36,2 in German).
 */
@Component({
  selector: 'scs-dimension-chart',
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
export class DimensionChartComponent {
  readonly categories = input.required<string[]>();
  readonly series = input.required<ChartSeries[]>();
  /** Text alternative for the chart. */
  readonly summary = input.required<string>();
  /** The host's width in px (0 until measured: treated as wide). */
  protected readonly width = signal(0);

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      this.width.set(host.clientWidth);
      if (typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(() => this.width.set(host.clientWidth));
      observer.observe(host);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }

  protected readonly height = computed(() =>
    Math.max(160, this.categories().length * (this.series().length > 1 ? 34 : 26) + 70),
  );

  protected readonly options = computed<EChartsCoreOption>(() => {
    const series = this.series();
    const multi = series.length > 1;
    const width = this.width();
    const narrow = width > 0 && width < 560;
    const labelWidth = narrow ? Math.max(96, Math.round(width * 0.4)) : width > 900 ? 300 : 220;
    return {
      animation: false,
      aria: { enabled: false },
      grid: { left: 8, right: 40, top: multi ? 32 : 8, bottom: 24, containLabel: true },
      legend: multi ? { top: 0, type: 'scroll', data: series.map((s) => s.name) } : undefined,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0, max: 100, interval: narrow ? 50 : 25 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: this.categories(),
        axisLabel: { width: labelWidth, overflow: 'truncate', fontSize: narrow ? 11 : 12 },
      },
      series: series.map((s, i) => ({
        type: 'bar',
        name: s.name,
        barMaxWidth: 18,
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number | null }) =>
            p.value === null || p.value === undefined ? '–' : formatScore(p.value),
        },
        itemStyle: { color: multi ? SERIES_COLOURS[i % SERIES_COLOURS.length] : SERIES_COLOURS[1] },
        data: s.values.map((v, j) => {
          const level = s.levels?.[j];
          return level ? { value: v, itemStyle: { color: LEVEL_COLOURS[level] } } : { value: v };
        }),
      })),
    };
  });
}
