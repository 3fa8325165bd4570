import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { NARROW_CHART, chartOptions } from '../data/chart-options';
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
  /** Panel chart: the dimension (row key) to show. */
  readonly dimension = input<string | undefined>(undefined);

  /** The chart's own width: narrow heatmaps are drawn transposed (see chartOptions). */
  private readonly width = signal<number | undefined>(undefined);

  constructor() {
    const host = inject(ElementRef).nativeElement as HTMLElement;
    if (typeof ResizeObserver !== 'undefined') {
      const observer = new ResizeObserver(([entry]) => {
        const w = Math.round(entry?.contentRect.width ?? 0);
        if (w && w !== this.width()) this.width.set(w);
      });
      observer.observe(host);
      inject(DestroyRef).onDestroy(() => observer.disconnect());
    }
  }

  protected readonly transposed = computed(() => {
    const t = this.table();
    const w = this.width();
    return t.chart === 'heatmap' && w !== undefined && w < NARROW_CHART && t.columns.length > t.rows.length;
  });
  protected readonly options = computed(() =>
    chartOptions(this.table(), this.lang(), { width: this.width(), dimension: this.dimension() }),
  );
  protected readonly height = computed(() => {
    const t = this.table();
    const rows = this.transposed() ? t.columns.length : t.rows.length;
    return t.chart === 'heatmap' ? Math.max(260, rows * 34 + 140) : 340;
  });
}
