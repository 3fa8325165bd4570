import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { chartOptions } from '../data/chart-options';
import type { DisclosedTable } from '../data/research.types';

/**
 * The chart of one disclosed table (echarts comes from provideEchartsCore in the routes, loaded on first use).
 * An image with a text summary for assistive technology; the table next to it holds the same numbers.
 */
@Component({
  selector: 'scs-research-table-chart',
  imports: [NgxEchartsDirective],
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
export class TableChartComponent {
  readonly table = input.required<DisclosedTable>();
  readonly lang = input<'en' | 'de'>('en');
  readonly summary = input.required<string>();

  protected readonly options = computed(() => chartOptions(this.table(), this.lang()));
  protected readonly height = computed(() => {
    const t = this.table();
    return t.chart === 'heatmap' ? Math.max(260, t.rows.length * 34 + 120) : 340;
  });
}
