import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import type { EChartsCoreOption } from 'echarts/core';

export interface FunnelStage {
  label: string;
  value: number;
}

const COLOURS = ['#9fb7cf', '#7598bb', '#4d79a6', '#2f5f8f', '#1f4e79'];

/**
 * The campaign funnel as horizontal bars, widest step on top, each labelled with its number. echarts loads on first
 * use; the host is an image with a text summary, and the page shows the same numbers in a table.
 */
@Component({
  selector: 'scs-funnel-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('./funnel.echarts').then((m) => m.echarts) })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'img', '[attr.aria-label]': 'summary()' },
  template: `<div
    echarts
    class="chart"
    [options]="options()"
    [initOpts]="{ renderer: 'svg' }"
    [style.height.px]="stages().length * 44 + 24"
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
export class FunnelChartComponent {
  readonly stages = input.required<FunnelStage[]>();
  readonly summary = input.required<string>();

  protected readonly options = computed<EChartsCoreOption>(() => {
    const stages = this.stages();
    const max = Math.max(1, ...stages.map((s) => s.value));
    return {
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', min: 0, max, show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: stages.map((s) => s.label),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { width: 170, overflow: 'truncate', fontSize: 13 },
      },
      series: [
        {
          type: 'bar',
          barWidth: 26,
          label: { show: true, position: 'right', fontWeight: 'bold' },
          showBackground: true,
          backgroundStyle: { color: '#eef2f6' },
          data: stages.map((s, i) => ({ value: s.value, itemStyle: { color: COLOURS[i % COLOURS.length] } })),
        },
      ],
    };
  });
}
