import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError, LanguageService } from '@scs/web/core';
import { EmptyStateComponent, ErrorBoxComponent, LoadingComponent, LocalDatePipe } from '@scs/web/ui';
import { AccountsApi } from '../../data/accounts.api';
import type { FirmChamberView } from '../../data/accounts.types';
import { firmContext } from './firm-context';

/** Chambers the firm belongs to; the owner can leave one. Joining happens through a chamber's invitation link. */
@Component({
  selector: 'scs-chambers-page',
  imports: [
    TranslocoDirective,
    MatButtonModule,
    EmptyStateComponent,
    ErrorBoxComponent,
    LoadingComponent,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    ul {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    li {
      display: flex;
      align-items: center;
      gap: 16px;
      background: #fff;
      border: 1px solid #dde1e7;
      border-radius: 8px;
      padding: 12px 16px;
    }
    li .meta {
      flex: 1;
      display: flex;
      flex-direction: column;
    }
    .muted {
      color: #555;
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'accounts'">
      <h2>{{ t('chambers.title') }}</h2>
      <p>{{ t('chambers.lead') }}</p>
      @if (error(); as message) {
        <scs-error-box [message]="message" />
      }
      @if (chambers(); as list) {
        @if (list.length === 0) {
          <scs-empty-state icon="account_balance" [heading]="t('chambers.title')" [level]="3">
            <p>{{ t('chambers.empty') }}</p>
          </scs-empty-state>
        } @else {
          <ul>
            @for (c of list; track c.chamberId) {
              <li data-testid="chamber">
                <div class="meta">
                  <strong>{{ c.name }}</strong>
                  <small class="muted">{{ t('chambers.joined', { date: (c.joinedAt | scsDate: lang()) }) }}</small>
                </div>
                @if (isOwner()) {
                  @if (confirming() === c.chamberId) {
                    <span>{{ t('chambers.confirmLeave', { name: c.name }) }}</span>
                    <button mat-button type="button" (click)="leave(c)">{{ t('common.confirm') }}</button>
                    <button mat-button type="button" (click)="confirming.set(null)">{{ t('common.cancel') }}</button>
                  } @else {
                    <button mat-stroked-button type="button" (click)="confirming.set(c.chamberId)">
                      {{ t('chambers.leave') }}
                    </button>
                  }
                }
              </li>
            }
          </ul>
          @if (!isOwner()) {
            <p class="muted">{{ t('chambers.ownerOnly') }}</p>
          }
        }
      } @else {
        <scs-loading [label]="t('common.loading')" />
      }
    </ng-container>
  `,
})
export class ChambersPage {
  private readonly api = inject(AccountsApi);
  protected readonly lang = inject(LanguageService).current;
  private readonly firm = firmContext();
  private readonly orgId = computed(() => {
    const f = this.firm();
    return f.state === 'firm' ? f.orgId : null;
  });
  protected readonly isOwner = computed(() => {
    const f = this.firm();
    return f.state === 'firm' && f.role === 'owner';
  });
  protected readonly chambers = signal<FirmChamberView[] | null>(null);
  protected readonly confirming = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const orgId = this.orgId();
      if (orgId) void this.load(orgId);
    });
  }

  private async load(orgId: string): Promise<void> {
    try {
      this.chambers.set(await this.api.chambers(orgId));
    } catch (e) {
      this.error.set(describeError(e).message);
    }
  }

  protected async leave(c: FirmChamberView): Promise<void> {
    const orgId = this.orgId();
    this.confirming.set(null);
    if (!orgId) return;
    try {
      await this.api.leaveChamber(orgId, c.chamberId);
      await this.load(orgId);
    } catch (e) {
      this.error.set(describeError(e).message);
    }
  }
}
