import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError, LanguageService, intlLocale } from '@scs/web/core';
import { EmptyStateComponent, ErrorBoxComponent, formatLocalDate, LoadingComponent } from '@scs/web/ui';
import { AdminApi, type AdminListKind, type AdminPage, type AdminRow } from '../data/admin.api';
import { ADMIN_LISTS, type AdminColumn } from '../data/admin-lists';

export const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

/** One read-only admin list (route data `list`): search field, optional filter, table, paging; loading and empty states. */
@Component({
  selector: 'scs-admin-list-page',
  imports: [
    TranslocoDirective,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    EmptyStateComponent,
    ErrorBoxComponent,
    LoadingComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
    .card {
      background: #fff;
      border: 1px solid #e0e0e0;
      border-radius: 8px;
      padding: 20px;
    }
    h2 {
      margin: 0 0 4px;
      font-size: 22px;
    }
    .intro {
      margin: 0 0 16px;
      color: #5f6368;
      max-width: 760px;
    }
    .tools {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      align-items: flex-start;
      margin-bottom: 12px;
    }
    .tools .search {
      flex: 1 1 280px;
      max-width: 480px;
    }
    .tools .filter {
      flex: 0 1 220px;
    }
    .table-wrap {
      position: relative;
      overflow-x: auto;
    }
    .table-wrap[aria-busy='true'] {
      opacity: 0.55;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 14px;
    }
    th,
    td {
      text-align: left;
      padding: 8px 10px;
      border-bottom: 1px solid #eceff3;
      vertical-align: top;
    }
    th {
      font-weight: 500;
      color: #3c4043;
      white-space: nowrap;
    }
    td {
      overflow-wrap: anywhere;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    td.when {
      white-space: nowrap;
    }
    .code {
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      font-size: 12px;
    }
    td[data-value='failed'],
    td[data-value='not_sent'] {
      color: #b3261e;
      font-weight: 500;
    }
    td[data-value='sent'] {
      color: #1b5e20;
    }
    .pager {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: 8px;
      flex-wrap: wrap;
      margin-top: 12px;
    }
    @media (max-width: 760px) {
      .card {
        padding: 14px;
      }
      td.when {
        white-space: normal;
      }
      .secondary {
        display: none;
      }
      .pager {
        justify-content: space-between;
      }
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'admin'">
      <section class="card" [attr.data-testid]="'admin-list-' + list()">
        <h2>{{ t(list() + '.title') }}</h2>
        <p class="intro">{{ t(list() + '.intro') }}</p>
        <form class="tools" role="search" (submit)="$event.preventDefault(); searchNow()">
          <mat-form-field class="search" appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ t('search') }}</mat-label>
            <mat-icon matPrefix aria-hidden="true">search</mat-icon>
            <input
              matInput
              type="search"
              name="q"
              [value]="typed()"
              (input)="onType($any($event.target).value)"
              [placeholder]="t(list() + '.searchHint')"
              data-testid="admin-search"
            />
          </mat-form-field>
          @if (spec().filter; as f) {
            <mat-form-field class="filter" appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ t(list() + '.filter') }}</mat-label>
              <mat-select [value]="filterValue()" (selectionChange)="setFilter($event.value)">
                <mat-option value="">{{ t('all') }}</mat-option>
                @for (v of f.values; track v) {
                  <mat-option [value]="v">{{ t(list() + '.values.' + v) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          }
        </form>

        @if (error(); as message) {
          <scs-error-box [message]="message" [retryLabel]="t('retry')" (retry)="reload()" />
        } @else if (page(); as p) {
          @if (p.items.length === 0) {
            <scs-empty-state
              [icon]="spec().icon"
              [heading]="t(query() ? 'noMatchesHeading' : 'emptyHeading')"
              [level]="3"
            >
              <p>{{ query() ? t('noMatches', { q: query() }) : t(list() + '.empty') }}</p>
            </scs-empty-state>
          } @else {
            <div class="table-wrap" [attr.aria-busy]="loading()">
              <table data-testid="admin-table" [attr.aria-label]="t(list() + '.title')">
                <thead>
                  <tr>
                    @for (c of spec().columns; track c.key) {
                      <th scope="col" [class.num]="c.kind === 'number'" [class.secondary]="!c.primary">
                        {{ t(list() + '.columns.' + c.key) }}
                      </th>
                    }
                  </tr>
                </thead>
                <tbody>
                  @for (row of p.items; track row[spec().id]) {
                    <tr>
                      @for (c of spec().columns; track c.key) {
                        <td
                          [class.num]="c.kind === 'number'"
                          [class.when]="c.kind === 'date' || c.kind === 'datetime'"
                          [class.code]="c.kind === 'code'"
                          [class.secondary]="!c.primary"
                          [attr.data-value]="c.kind === 'enum' ? row[c.key] : null"
                        >
                          @switch (c.kind) {
                            @case ('bool') {
                              {{ t(row[c.key] ? 'yes' : 'no') }}
                            }
                            @case ('enum') {
                              {{ t(list() + '.values.' + row[c.key]) }}
                            }
                            @default {
                              {{ cell(row, c, lang()) }}
                            }
                          }
                        </td>
                      }
                    </tr>
                  }
                </tbody>
              </table>
            </div>
            <div class="pager">
              <span role="status" data-testid="admin-range">{{ t('range', range()) }}</span>
              <button mat-stroked-button type="button" (click)="go(-1)" [disabled]="!hasPrevious() || loading()">
                <mat-icon aria-hidden="true">chevron_left</mat-icon> {{ t('previous') }}
              </button>
              <button mat-stroked-button type="button" (click)="go(1)" [disabled]="!hasNext() || loading()">
                {{ t('next') }} <mat-icon aria-hidden="true" iconPositionEnd>chevron_right</mat-icon>
              </button>
            </div>
          }
        } @else {
          <scs-loading [label]="t('loading')" />
        }
      </section>
    </ng-container>
  `,
})
export class AdminListPage {
  private readonly api = inject(AdminApi);
  protected readonly lang = inject(LanguageService).current;
  /** Route data: which list. */
  readonly list = input.required<AdminListKind>();

  protected readonly spec = computed(() => ADMIN_LISTS[this.list()]);
  protected readonly typed = signal('');
  protected readonly query = signal('');
  protected readonly filterValue = signal('');
  protected readonly offset = signal(0);
  protected readonly page = signal<AdminPage | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;

  protected readonly range = computed(() => {
    const p = this.page();
    if (!p || p.items.length === 0) return { from: 0, to: 0, total: p?.total ?? 0 };
    return { from: p.offset + 1, to: p.offset + p.items.length, total: p.total };
  });
  protected readonly hasPrevious = computed(() => this.offset() > 0);
  protected readonly hasNext = computed(() => {
    const p = this.page();
    return !!p && p.offset + p.items.length < p.total;
  });

  constructor() {
    effect(() => {
      // A new list (tab), search, filter or page: fetch again.
      const kind = this.list();
      const q = this.query();
      const filter = this.filterValue();
      const offset = this.offset();
      untracked(() => void this.fetch(kind, q, filter, offset));
    });
  }

  protected onType(value: string): void {
    this.typed.set(value);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.searchNow(), SEARCH_DELAY_MS);
  }

  protected searchNow(): void {
    clearTimeout(this.timer);
    const q = this.typed().trim();
    if (q === this.query()) return;
    this.offset.set(0);
    this.query.set(q);
  }

  protected setFilter(value: string): void {
    this.offset.set(0);
    this.filterValue.set(value);
  }

  protected go(step: -1 | 1): void {
    this.offset.set(Math.max(0, this.offset() + step * PAGE_SIZE));
  }

  protected reload(): void {
    void this.fetch(this.list(), this.query(), this.filterValue(), this.offset());
  }

  /** The text of a plain cell (dates and numbers in the UI language; "–" for none). */
  protected cell(row: AdminRow, column: AdminColumn, lang: string): string {
    const value = row[column.key];
    if (value === null || value === undefined || value === '') return '–';
    switch (column.kind) {
      case 'date':
        return formatLocalDate(String(value), lang);
      case 'datetime':
        return formatLocalDate(String(value), lang, 'datetime');
      case 'number':
        return new Intl.NumberFormat(intlLocale(lang)).format(Number(value));
      default:
        return String(value);
    }
  }

  private async fetch(kind: AdminListKind, q: string, filter: string, offset: number): Promise<void> {
    const id = ++this.request;
    this.loading.set(true);
    this.error.set(null);
    const param = ADMIN_LISTS[kind].filter?.param;
    try {
      const page = await this.api.page(kind, {
        q,
        offset,
        limit: PAGE_SIZE,
        filters: param ? { [param]: filter } : {},
      });
      if (id === this.request) this.page.set(page);
    } catch (e) {
      if (id === this.request) this.error.set(describeError(e).message);
    } finally {
      if (id === this.request) this.loading.set(false);
    }
  }
}
