import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError } from '@scs/web/core';
import { ErrorBoxComponent, LoadingComponent } from '@scs/web/ui';
import type { DistributionView } from '@scs/shared/contracts';
import { ChambersApi } from '../data/chambers.api';

const POLL_MS = 1500;

/**
 * "Distribute reports": every member that submitted in the campaign gets its own report with the chamber's branding in
 * its report list. The chamber sees only counts (done / failed / total) and can retry failed ones; never a PDF.
 */
@Component({
  selector: 'scs-distribution-panel',
  imports: [
    TranslocoDirective,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    ErrorBoxComponent,
    LoadingComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../pages/chambers.css',
  styles: `
    .bar {
      margin: 12px 0 6px;
      max-width: 640px;
    }
    .counts {
      display: flex;
      gap: 20px;
      flex-wrap: wrap;
      font-size: 14px;
    }
    .counts strong {
      font-variant-numeric: tabular-nums;
    }
    .failed {
      color: #b71c1c;
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'chambers.distribution'">
      <h3 id="distribution-heading">{{ t('heading') }}</h3>
      <p class="lead muted">{{ t('intro') }}</p>
      @if (error(); as message) {
        <scs-error-box [message]="message" [retryLabel]="t('reload')" (retry)="load()" />
      }
      @if (view(); as v) {
        @if (v.started) {
          <div class="bar">
            <mat-progress-bar
              mode="determinate"
              [value]="percent()"
              [attr.aria-label]="t('barLabel', { done: v.done, total: v.total })"
              data-testid="distribution-bar"
            />
          </div>
          <div class="counts" data-testid="distribution-counts" [attr.data-finished]="v.finished">
            <span
              >{{ t('done') }}: <strong data-testid="distribution-done">{{ v.done }}</strong> /
              <strong data-testid="distribution-total">{{ v.total }}</strong></span
            >
            <span [class.failed]="v.failed > 0"
              >{{ t('failed') }}: <strong data-testid="distribution-failed">{{ v.failed }}</strong></span
            >
            @if (v.prepared !== null) {
              <span
                >{{ t('prepared') }}: <strong>{{ v.prepared }}</strong></span
              >
            }
          </div>
          <p class="muted" role="status">
            @if (v.finished) {
              {{ v.failed > 0 ? t('finishedWithFailures', { failed: v.failed }) : t('finished') }}
            } @else {
              {{ t('running', { pending: v.pending }) }}
            }
          </p>
          @if (v.prepared === null) {
            <p class="notice">{{ t('preparedHidden') }}</p>
          }
        } @else {
          <p>{{ t('notStarted') }}</p>
        }
        @if (canManage()) {
          <div class="actions">
            <button
              mat-flat-button
              type="button"
              (click)="start()"
              [disabled]="busy() || (v.started && !v.finished)"
              data-testid="distribute"
            >
              <mat-icon aria-hidden="true">send</mat-icon> {{ v.started ? t('startAgain') : t('start') }}
            </button>
            @if (v.failed > 0) {
              <button
                mat-stroked-button
                type="button"
                (click)="retry()"
                [disabled]="busy()"
                data-testid="distribution-retry"
              >
                <mat-icon aria-hidden="true">replay</mat-icon> {{ t('retry', { failed: v.failed }) }}
              </button>
            }
            <span class="muted"
              ><small>{{ t('hint') }}</small></span
            >
          </div>
        }
      } @else if (!error()) {
        <scs-loading [label]="t('loading')" />
      }
    </ng-container>
  `,
})
export class DistributionPanelComponent {
  private readonly api = inject(ChambersApi);
  readonly chamberId = input.required<string>();
  readonly campaignId = input.required<string>();
  readonly canManage = input(false);

  protected readonly view = signal<DistributionView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly percent = computed(() => {
    const v = this.view();
    return v && v.total > 0 ? Math.round(((v.done + v.failed) / v.total) * 100) : v?.finished ? 100 : 0;
  });
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    effect(() => {
      if (this.chamberId() && this.campaignId()) untracked(() => void this.load());
    });
  }

  protected async load(): Promise<void> {
    clearTimeout(this.timer);
    try {
      this.show(await this.api.distribution(this.chamberId(), this.campaignId()));
      this.error.set(null);
    } catch (e) {
      this.error.set(describeError(e).message);
    }
  }

  /** Shows a state and keeps polling while members are pending. */
  private show(v: DistributionView): void {
    this.view.set(v);
    clearTimeout(this.timer);
    if (v.started && !v.finished) this.timer = setTimeout(() => void this.load(), POLL_MS);
  }

  protected async start(): Promise<void> {
    await this.act(() => this.api.startDistribution(this.chamberId(), this.campaignId()));
  }

  protected async retry(): Promise<void> {
    await this.act(() => this.api.retryDistribution(this.chamberId(), this.campaignId()));
  }

  private async act(call: () => Promise<DistributionView>): Promise<void> {
    if (this.busy()) return; // a double click starts once
    this.busy.set(true);
    this.error.set(null);
    try {
      this.show(await call());
    } catch (e) {
      this.error.set(describeError(e).message);
    } finally {
      this.busy.set(false);
    }
  }
}
