import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError, LanguageService } from '@scs/web/core';
import { localDecimal } from '../data/decimal';
import { EmptyStateComponent, ErrorBoxComponent, LoadingComponent, LocalDatePipe } from '@scs/web/ui';
import type { AggregateTable, MemberAggregatesView, ReportLocale, ReportView } from '@scs/shared/contracts';
import { AggregateTableComponent } from '../components/aggregate-table.component';
import { BarChartComponent, type Bar } from '../components/bar-chart.component';
import { chamberContext } from '../data/chamber-context';
import { ChambersApi } from '../data/chambers.api';

const LEVEL_COLOURS: Record<string, string> = {
  low: '#2e7d32',
  moderate: '#c49000',
  high: '#e65100',
  critical: '#b71c1c',
};
const POLL_MS = 1500;

/** Published cells of a table's "all members" row as bars (suppressed, "<3" and empty cells are left out). */
function totalBars(
  table: AggregateTable | undefined,
  lang: 'en' | 'de',
  skip: (key: string) => boolean,
  colour: (key: string, value: number) => string | undefined,
): Bar[] {
  const total = table?.rows.find((r) => r.total);
  if (!table || !total) return [];
  return table.columns.flatMap((col, i) => {
    const cell = total.cells[i];
    if (!cell || cell.status !== 'value' || cell.value === null || skip(col.key)) return [];
    return [
      {
        label: col.label[lang],
        value: cell.value,
        color: colour(col.key, cell.value),
        text: localDecimal(cell.display, lang),
      },
    ];
  });
}

/** Members' results under disclosure control, and the member benchmark PDF for the chamber to publish. */
@Component({
  selector: 'scs-members-page',
  imports: [
    TranslocoDirective,
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    EmptyStateComponent,
    ErrorBoxComponent,
    LoadingComponent,
    LocalDatePipe,
    AggregateTableComponent,
    BarChartComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './chambers.css',
  styles: `
    .charts {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 24px;
    }
    .charts h4 {
      margin: 0 0 8px;
      font-size: 15px;
    }
    .chart-placeholder {
      min-height: 240px;
    }
    .summary {
      display: flex;
      gap: 24px;
      flex-wrap: wrap;
      margin-bottom: 8px;
    }
    .summary .figure {
      font-size: 26px;
      font-weight: 600;
      color: var(--scs-primary);
    }
    .tables > section + section {
      margin-top: 24px;
    }
    .tables h4 {
      margin: 0 0 8px;
      font-size: 15px;
    }
    table.platform th {
      text-align: left;
      font-weight: normal;
      padding: 4px 16px 4px 0;
    }
    table.platform td {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    ul.reports {
      list-style: none;
      padding: 0;
      margin: 8px 0 0;
    }
    ul.reports li {
      padding: 6px 0;
      border-bottom: 1px solid #eceff1;
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    @media (max-width: 760px) {
      .charts {
        grid-template-columns: 1fr;
      }
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'chambers.members'">
      <h2>{{ t('heading') }}</h2>
      <p class="lead muted">{{ t('intro') }}</p>
      @if (error(); as message) {
        <scs-error-box [message]="message" [retryLabel]="t('reload')" (retry)="load()" />
      } @else if (view(); as v) {
        <section class="card" aria-labelledby="members-results">
          <h3 id="members-results">{{ t('results') }}</h3>
          <div class="summary">
            <div>
              <div class="muted">{{ t('counted') }}</div>
              <div class="figure" data-testid="members-counted">
                {{ v.firms ?? t('countedFewer', { k: v.k }) }}
              </div>
            </div>
            <div>
              <div class="muted">{{ t('k') }}</div>
              <div class="figure">{{ v.k }}</div>
            </div>
          </div>
          @if (!v.published) {
            <scs-empty-state icon="lock" [heading]="t('suppressedHeading')" [level]="3">
              <p data-testid="members-suppressed">{{ v.message ? v.message[textLang()] : t('suppressed', { k: v.k }) }}</p>
            </scs-empty-state>
            @if (v.platform; as p) {
              <section data-testid="platform-benchmark">
                <h4>{{ t('platform.heading') }}</h4>
                <p class="muted">{{ t('platform.intro', { wave: p.wave, firms: p.firms }) }}</p>
                <div class="table-scroll">
                  <table class="platform">
                    <tbody>
                      <tr>
                        <th scope="row">{{ t('platform.overall') }}</th>
                        <td data-testid="platform-overall">{{ decimal(p.overall.display) }}</td>
                      </tr>
                      @for (d of p.dimensions; track $index) {
                        <tr>
                          <th scope="row">{{ d.label[textLang()] }}</th>
                          <td>{{ decimal(d.mean.display) }}</td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </div>
              </section>
            } @else {
              <p class="muted" data-testid="platform-none">{{ t('platform.none') }}</p>
            }
          } @else {
            @if (v.release; as r) {
              <p class="muted" data-testid="members-release">
                {{
                  t('release', {
                    period: r.period,
                    version: r.version,
                    date: (r.publishedAt | scsDate: lang()),
                    next: v.collecting,
                    k: v.k,
                  })
                }}
              </p>
            }
            @if (v.coarsening.noise; as noise) {
              <p class="muted" data-testid="members-noise">
                {{
                  t('releaseNoise', {
                    epsilon: lang() === 'de' ? (noise.levelEpsilon + '').replace('.', ',') : noise.levelEpsilon,
                  })
                }}
              </p>
            }
            @defer (on idle) {
              <div class="charts">
                <div>
                  <h4>{{ t('levelChart') }}</h4>
                  @if (levelBars().length) {
                    <scs-bar-chart [bars]="levelBars()" [summary]="t('levelChart')" data-testid="level-chart" />
                  } @else {
                    <p class="muted">{{ t('nothingPublished') }}</p>
                  }
                </div>
                <div>
                  <h4>{{ t('meanChart') }}</h4>
                  @if (meanBars().length) {
                    <scs-bar-chart
                      [bars]="meanBars()"
                      [max]="100"
                      [summary]="t('meanChart')"
                      data-testid="mean-chart"
                    />
                  } @else {
                    <p class="muted">{{ t('nothingPublished') }}</p>
                  }
                </div>
              </div>
            } @placeholder {
              <div class="chart-placeholder"></div>
            }
          }
        </section>
        @if (v.tables.length) {
          <section class="card tables" aria-labelledby="members-tables">
            <h3 id="members-tables">{{ t('tables') }}</h3>
            @for (table of v.tables; track table.id) {
              <section>
                <h4>{{ table.title[textLang()] }}</h4>
                @if (table.rows.length === 0) {
                  <p class="muted" data-testid="no-findings">{{ t('noFindings', { k: table.k }) }}</p>
                } @else {
                  <scs-aggregate-table
                    [table]="table"
                    [lang]="textLang()"
                    [rowHeading]="t('rows.' + table.id)"
                    [firmsHeading]="t('firms')"
                  />
                }
              </section>
            }
          </section>
        }
        <section class="card" aria-labelledby="benchmark-heading">
          <h3 id="benchmark-heading">{{ t('benchmark.heading') }}</h3>
          <p class="muted">{{ t('benchmark.intro') }}</p>
          @if (canManage()) {
            <div class="actions">
              <mat-button-toggle-group [(ngModel)]="locale" [attr.aria-label]="t('benchmark.language')">
                <mat-button-toggle value="de">Deutsch</mat-button-toggle>
                <mat-button-toggle value="en">English</mat-button-toggle>
              </mat-button-toggle-group>
              <button
                mat-flat-button
                type="button"
                (click)="requestBenchmark()"
                [disabled]="requesting()"
                data-testid="benchmark-request"
              >
                <mat-icon aria-hidden="true">picture_as_pdf</mat-icon> {{ t('benchmark.create') }}
              </button>
            </div>
          }
          @if (benchmarkError(); as message) {
            <scs-error-box [message]="message" />
          }
          @if (reports().length === 0) {
            <p class="muted">{{ t('benchmark.none') }}</p>
          } @else {
            <ul class="reports" data-testid="benchmark-reports">
              @for (r of reports(); track r.id) {
                <li>
                  <span>{{ r.createdAt | scsDate: lang() }} · {{ r.locale === 'de' ? 'Deutsch' : 'English' }}</span>
                  @switch (r.status) {
                    @case ('done') {
                      <a mat-stroked-button [href]="pdfUrl(r.id)" download
                        ><mat-icon aria-hidden="true">download</mat-icon> {{ t('benchmark.download') }}</a
                      >
                      <small class="muted"
                        >{{ r.pages }} {{ t('benchmark.pages') }} · SHA-256 {{ r.sha256?.slice(0, 12) }}…</small
                      >
                    }
                    @case ('failed') {
                      <span class="failed">{{ t('benchmark.failed') }}: {{ r.error }}</span>
                    }
                    @default {
                      <span role="status">{{ t('benchmark.rendering') }}</span>
                    }
                  }
                </li>
              }
            </ul>
          }
        </section>
      } @else {
        <scs-loading [label]="t('loading')" />
      }
    </ng-container>
  `,
})
export class MembersPage {
  private readonly api = inject(ChambersApi);
  protected readonly lang = inject(LanguageService).current;
  /** Release texts come in German and English; Chinese readers get the English ones. */
  protected readonly textLang = computed(() => (this.lang() === 'de' ? 'de' : 'en'));
  protected decimal(display: string): string {
    return localDecimal(display, this.textLang());
  }
  private readonly ctx = chamberContext();
  private readonly chamberId = computed(() => {
    const c = this.ctx();
    return c.state === 'chamber' ? c.chamberId : null;
  });
  protected readonly canManage = computed(() => {
    const c = this.ctx();
    return c.state === 'chamber' && c.canManage;
  });
  protected readonly view = signal<MemberAggregatesView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly reports = signal<ReportView[]>([]);
  protected readonly requesting = signal(false);
  protected readonly benchmarkError = signal<string | null>(null);
  protected locale: ReportLocale = 'de';
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected readonly levelBars = computed(() =>
    totalBars(
      this.view()?.tables.find((x) => x.id === 'level-by-sector'),
      this.textLang(),
      (key) => key === 'none',
      (key) => LEVEL_COLOURS[key.split('+').at(-1) ?? ''] ?? '#78909c',
    ),
  );
  protected readonly meanBars = computed(() =>
    totalBars(
      this.view()?.tables.find((x) => x.id === 'means-by-size'),
      this.textLang(),
      () => false,
      (_key, v) => (v <= 25 ? '#2e7d32' : v <= 50 ? '#c49000' : v <= 75 ? '#e65100' : '#b71c1c'),
    ),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    effect(() => {
      if (this.chamberId()) untracked(() => void this.load());
    });
  }

  protected pdfUrl(reportId: string): string {
    return this.api.benchmarkPdfUrl(this.chamberId() ?? '', reportId);
  }

  protected async load(): Promise<void> {
    const id = this.chamberId();
    if (!id) return;
    this.error.set(null);
    try {
      const [view, reports] = await Promise.all([this.api.memberAggregates(id), this.api.benchmarkReports(id)]);
      this.view.set(view);
      this.showReports(reports);
    } catch (e) {
      this.error.set(describeError(e).message);
    }
  }

  private showReports(reports: ReportView[]): void {
    this.reports.set(reports);
    clearTimeout(this.timer);
    const id = this.chamberId();
    if (id && reports.some((r) => r.status === 'queued' || r.status === 'rendering')) {
      this.timer = setTimeout(
        () =>
          void this.api.benchmarkReports(id).then(
            (r) => this.showReports(r),
            (e) => this.benchmarkError.set(describeError(e).message),
          ),
        POLL_MS,
      );
    }
  }

  protected async requestBenchmark(): Promise<void> {
    const id = this.chamberId();
    if (!id || this.requesting()) return; // a double click requests one report
    this.requesting.set(true);
    this.benchmarkError.set(null);
    try {
      await this.api.requestBenchmark(id, this.locale);
      this.showReports(await this.api.benchmarkReports(id));
    } catch (e) {
      this.benchmarkError.set(describeError(e).message);
    } finally {
      this.requesting.set(false);
    }
  }
}
