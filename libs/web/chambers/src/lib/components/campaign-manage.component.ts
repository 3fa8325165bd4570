import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError } from '@scs/web/core';
import { ErrorBoxComponent } from '@scs/web/ui';
import { ChambersApi } from '../data/chambers.api';
import type { CampaignView } from '../data/chambers.types';

/**
 * Deleting a campaign nobody joined through, and merging another campaign of the chamber (e.g. one created twice)
 * into this one. Both ask for confirmation; the API enforces the rules (409 with the reason otherwise).
 */
@Component({
  selector: 'scs-campaign-manage',
  imports: [TranslocoDirective, MatButtonModule, MatFormFieldModule, MatIconModule, MatSelectModule, ErrorBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
    h3 {
      margin: 0 0 8px;
      font-size: 18px;
    }
    .block {
      margin-top: 12px;
    }
    .line {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      align-items: center;
    }
    .line mat-form-field {
      flex: 1 1 260px;
      max-width: 420px;
    }
    .hint {
      color: #5f6368;
      font-size: 14px;
      margin: 4px 0 8px;
      max-width: 760px;
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'chambers.manage'">
      <h3 id="manage-heading">{{ t('heading') }}</h3>
      <div class="block">
        <p class="hint">{{ t('mergeHint') }}</p>
        @if (others().length === 0) {
          <p class="hint">{{ t('noOthers') }}</p>
        } @else if (campaign().status !== 'closed') {
          <div class="line">
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ t('mergeFrom') }}</mat-label>
              <mat-select [value]="source()" (selectionChange)="pick($event.value)" data-testid="merge-source">
                @for (o of others(); track o.id) {
                  <mat-option [value]="o.id"
                    >{{ o.title }} ({{ t('counts', { invited: o.invited, joined: o.joined }) }})</mat-option
                  >
                }
              </mat-select>
            </mat-form-field>
            @if (confirming() === 'merge') {
              <button mat-flat-button type="button" (click)="merge()" [disabled]="busy()" data-testid="merge-confirm">
                {{ t('mergeConfirm') }}
              </button>
              <button mat-button type="button" (click)="confirming.set(null)">{{ t('cancel') }}</button>
            } @else {
              <button
                mat-stroked-button
                type="button"
                (click)="confirming.set('merge')"
                [disabled]="!source()"
                data-testid="merge"
              >
                <mat-icon aria-hidden="true">call_merge</mat-icon> {{ t('merge') }}
              </button>
            }
          </div>
        } @else {
          <p class="hint">{{ t('mergeClosed') }}</p>
        }
      </div>
      <div class="block">
        @if (campaign().deletable) {
          <p class="hint">{{ t('deleteHint') }}</p>
          <div class="line">
            @if (confirming() === 'delete') {
              <span>{{ t('deleteQuestion', { title: campaign().title, invited: campaign().invited }) }}</span>
              <button
                mat-flat-button
                color="warn"
                type="button"
                (click)="remove()"
                [disabled]="busy()"
                data-testid="delete-confirm"
              >
                {{ t('deleteConfirm') }}
              </button>
              <button mat-button type="button" (click)="confirming.set(null)">{{ t('cancel') }}</button>
            } @else {
              <button mat-stroked-button type="button" (click)="confirming.set('delete')" data-testid="delete">
                <mat-icon aria-hidden="true">delete</mat-icon> {{ t('delete') }}
              </button>
            }
          </div>
        } @else {
          <p class="hint" data-testid="not-deletable">{{ t('notDeletable') }}</p>
        }
      </div>
      @if (error(); as message) {
        <scs-error-box [message]="message" />
      }
    </ng-container>
  `,
})
export class CampaignManageComponent {
  private readonly api = inject(ChambersApi);
  readonly chamberId = input.required<string>();
  readonly campaign = input.required<CampaignView>();
  /** The chamber's other campaigns (merge candidates). */
  readonly campaigns = input<CampaignView[]>([]);
  readonly merged = output<CampaignView>();
  readonly deleted = output<void>();

  protected readonly others = computed(() => this.campaigns().filter((c) => c.id !== this.campaign().id));
  protected readonly source = signal<string | null>(null);
  protected readonly confirming = signal<'merge' | 'delete' | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected pick(id: string): void {
    this.source.set(id);
    this.confirming.set(null);
  }

  protected async merge(): Promise<void> {
    const source = this.source();
    if (!source || this.busy()) return;
    await this.run(async () => {
      this.merged.emit(await this.api.mergeCampaign(this.chamberId(), this.campaign().id, source));
      this.source.set(null);
    });
  }

  protected async remove(): Promise<void> {
    if (this.busy()) return;
    await this.run(async () => {
      await this.api.deleteCampaign(this.chamberId(), this.campaign().id);
      this.deleted.emit();
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
      this.confirming.set(null);
    } catch (e) {
      this.error.set(describeError(e).message);
    } finally {
      this.busy.set(false);
    }
  }
}
