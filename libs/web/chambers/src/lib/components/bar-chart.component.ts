import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import type { EChartsCoreOption } from 'echarts/core';

export interface Bar {
  label: string;
  value: number;
  color?: string;
  /** Printed at the end of the bar (defaults to the value). */
  text?: string;
}

/**
 * Horizontal bars for published aggregate figures (suppressed cells never reach it: callers pass value cells only).
 * echarts loads on first use; the host is an image with a text summary, and the page shows the numbers in a table.
 */
@Component({
  selector: 'scs-bar-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('./funnel.echarts').then((m) => m.echarts) })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'img', '[attr.aria-label]': 'summary()' },
  template: `<div
    echarts
    class="chart"
    [options]="options()"
    [initOpts]="{ renderer: 'svg' }"
    [style.height.px]="bars().length * 30 + 24"
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
export class BarChartComponent {
  readonly bars = input.required<Bar[]>();
  readonly summary = input.required<string>();
  /** Fixed axis maximum (e.g. 100 for scores); the largest value otherwise. */
  readonly max = input<number | null>(null);

  protected readonly options = computed<EChartsCoreOption>(() => {
    const bars = this.bars();
    return {
      animation: false,
      grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', min: 0, max: this.max() ?? Math.max(1, ...bars.map((b) => b.value)), show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((b) => b.label),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { width: 220, overflow: 'truncate', fontSize: 12 },
      },
      series: [
        {
          type: 'bar',
          barWidth: 18,
          label: {
            show: true,
            position: 'right',
            fontWeight: 'bold',
            formatter: (p: { dataIndex: number }) => bars[p.dataIndex]?.text ?? String(bars[p.dataIndex]?.value ?? ''),
          },
          showBackground: true,
          backgroundStyle: { color: '#eef2f6' },
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color ?? '#2f5f8f' } })),
        },
      ],
    };
  });
}
