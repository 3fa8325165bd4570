import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError, LanguageService } from '@scs/web/core';
import { EmptyStateComponent, ErrorBoxComponent, LoadingComponent, LocalDatePipe } from '@scs/web/ui';
import { ChambersApi } from '../data/chambers.api';
import {
  type CampaignInvitationPage,
  type CampaignInvitationView,
  INVITATION_STATUSES,
  type InvitationStatus,
} from '../data/chambers.types';

export const INVITATIONS_PAGE = 50;

/**
 * The invited addresses of a campaign with their status (sent, opened, joined, bounced, withdrawn): filter by status,
 * search, page; resend a fresh link or withdraw one (chamber admins, open campaigns); download the status as CSV.
 */
@Component({
  selector: 'scs-invitations-panel',
  imports: [
    TranslocoDirective,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    EmptyStateComponent,
    ErrorBoxComponent,
    LoadingComponent,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 12px;
      flex-wrap: wrap;
    }
    h3 {
      margin: 0 0 8px;
      font-size: 18px;
    }
    .filters {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin: 8px 0 12px;
    }
    .filters button {
      border: 1px solid #c9ced6;
      background: #fff;
      border-radius: 16px;
      padding: 4px 12px;
      font: inherit;
      font-size: 13px;
      cursor: pointer;
    }
    .filters button[aria-pressed='true'] {
      background: var(--scs-primary);
      border-color: var(--scs-primary);
      color: #fff;
    }
    .search {
      width: 100%;
      max-width: 420px;
    }
    .wrap {
      position: relative;
      overflow-x: auto;
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
      border-bottom: 1px solid #e6e8eb;
      vertical-align: top;
    }
    th {
      font-weight: 500;
      background: #f8f9fa;
    }
    td.email {
      overflow-wrap: anywhere;
    }
    .st {
      display: inline-block;
      font-size: 12px;
      padding: 1px 8px;
      border-radius: 10px;
      border: 1px solid #b0bec5;
      white-space: nowrap;
    }
    .st-joined {
      background: #e7f4e8;
      color: #1b5e20;
      border-color: #9ccc9f;
    }
    .st-opened {
      background: #e8f0f8;
      color: #163a5c;
      border-color: #9db8d6;
    }
    .st-bounced {
      background: #fdecea;
      color: #8c1d18;
      border-color: #e6a39e;
    }
    .st-revoked {
      background: #eceff1;
      color: #37474f;
    }
    .sub {
      display: block;
      font-size: 12px;
      color: #5f6368;
    }
    .row-actions {
      display: flex;
      gap: 4px;
      flex-wrap: nowrap;
    }
    .row-actions button {
      white-space: nowrap;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .pager {
      display: flex;
      justify-content: flex-end;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
      margin-top: 8px;
    }
    @media (max-width: 760px) {
      thead {
        display: none;
      }
      tr {
        display: block;
        border-bottom: 1px solid #e6e8eb;
        padding: 8px 0;
      }
      td {
        display: block;
        border: none;
        padding: 2px 0;
      }
      td[data-label]::before {
        content: attr(data-label) ': ';
        color: #5f6368;
      }
      td.none {
        display: none;
      }
      .row-actions {
        flex-wrap: wrap;
      }
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'chambers.invitations'">
      <div class="head">
        <h3 id="invitations-heading">{{ t('heading') }}</h3>
        <a mat-stroked-button [href]="exportUrl()" download data-testid="export-csv">
          <mat-icon aria-hidden="true">download</mat-icon> {{ t('export') }}
        </a>
      </div>
      <p class="sub">{{ t('exportHint') }}</p>
      @if (page(); as p) {
        <div class="filters" role="group" [attr.aria-label]="t('filter')">
          <button type="button" [attr.aria-pressed]="status() === null" (click)="setStatus(null)">
            {{ t('all') }} ({{ total(p) }})
          </button>
          @for (s of statuses; track s) {
            <button type="button" [attr.aria-pressed]="status() === s" (click)="setStatus(s)" [attr.data-filter]="s">
              {{ t('status.' + s) }} ({{ p.counts[s] }})
            </button>
          }
        </div>
      }
      <mat-form-field class="search" appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ t('search') }}</mat-label>
        <mat-icon matPrefix aria-hidden="true">search</mat-icon>
        <input matInput type="search" [value]="typed()" (input)="onType($any($event.target).value)" />
      </mat-form-field>
      @if (error(); as message) {
        <scs-error-box [message]="message" />
      }
      @if (page(); as p) {
        @if (p.items.length === 0) {
          <scs-empty-state icon="mail" [heading]="t(query() || status() ? 'noMatches' : 'emptyHeading')" [level]="3">
            <p>{{ t(query() || status() ? 'noMatchesText' : 'empty') }}</p>
          </scs-empty-state>
        } @else {
          <div class="wrap">
            <table data-testid="invitations" [attr.aria-busy]="loading()">
              <thead>
                <tr>
                  <th scope="col">{{ t('email') }}</th>
                  <th scope="col">{{ t('statusHeading') }}</th>
                  <th scope="col">{{ t('lastSent') }}</th>
                  <th scope="col">{{ t('validUntil') }}</th>
                  @if (canAct()) {
                    <th scope="col">
                      <span class="visually-hidden">{{ t('actions') }}</span>
                    </th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (i of p.items; track i.id) {
                  <tr [attr.data-email]="i.email">
                    <td class="email">
                      {{ i.email }}
                      @if (i.firmName) {
                        <span class="sub">{{ i.firmName }}</span>
                      }
                    </td>
                    <td>
                      @if (i.status === 'sent' && i.delivery === 'not_sent') {
                        <span class="st st-bounced" data-testid="invitation-status">{{ t('notSentStatus') }}</span>
                        <span class="sub">{{ t('notSent') }}</span>
                      } @else {
                        <span class="st st-{{ i.status }}" data-testid="invitation-status">{{
                          t('status.' + i.status)
                        }}</span>
                      }
                      @if (i.status === 'bounced' && i.deliveryError) {
                        <span class="sub" [title]="i.deliveryError">{{ t('bouncedHint') }}</span>
                      } @else if (i.status === 'sent' && i.delivery === 'pending') {
                        <span class="sub">{{ t('queued') }}</span>
                      }
                    </td>
                    <td [attr.data-label]="t('lastSent')">
                      {{ i.lastSentAt | scsDate: lang() : 'datetime' }}
                      @if (i.sendCount > 1) {
                        <span class="sub">{{ t('sentTimes', { count: i.sendCount }) }}</span>
                      }
                    </td>
                    <td [attr.data-label]="t('validUntil')" [class.none]="!i.expiresAt">
                      {{ i.expiresAt ? (i.expiresAt | scsDate: lang()) : '–' }}
                    </td>
                    @if (canAct()) {
                      <td>
                        @if (i.status !== 'joined') {
                          <div class="row-actions">
                            <button
                              mat-button
                              type="button"
                              (click)="resend(i)"
                              [disabled]="busy() === i.id"
                              data-testid="resend"
                            >
                              {{ t('resend') }}
                            </button>
                            @if (i.status !== 'revoked') {
                              <button
                                mat-button
                                type="button"
                                (click)="revoke(i)"
                                [disabled]="busy() === i.id"
                                data-testid="revoke"
                              >
                                {{ t('revoke') }}
                              </button>
                            }
                          </div>
                        }
                      </td>
                    }
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @if (p.total > pageSize) {
            <div class="pager">
              <span>{{ t('range', { from: offset() + 1, to: offset() + p.items.length, total: p.total }) }}</span>
              <button mat-stroked-button type="button" (click)="go(-1)" [disabled]="offset() === 0">
                {{ t('previous') }}
              </button>
              <button
                mat-stroked-button
                type="button"
                (click)="go(1)"
                [disabled]="offset() + p.items.length >= p.total"
              >
                {{ t('next') }}
              </button>
            </div>
          }
        }
        @if (notice(); as n) {
          <p class="notice ok" role="status">{{ t(n.key, { email: n.email }) }}</p>
        }
      } @else {
        <scs-loading [label]="t('loading')" />
      }
    </ng-container>
  `,
})
export class InvitationsPanelComponent {
  private readonly api = inject(ChambersApi);
  protected readonly lang = inject(LanguageService).current;
  readonly chamberId = input.required<string>();
  readonly campaignId = input.required<string>();
  /** Resend and withdraw: chamber admins while the campaign is open. */
  readonly canAct = input(false);
  /** Changes whenever addresses were added elsewhere (reloads the list). */
  readonly version = input(0);

  protected readonly statuses = INVITATION_STATUSES;
  protected readonly pageSize = INVITATIONS_PAGE;
  protected readonly page = signal<CampaignInvitationPage | null>(null);
  protected readonly status = signal<InvitationStatus | null>(null);
  protected readonly typed = signal('');
  protected readonly query = signal('');
  protected readonly offset = signal(0);
  protected readonly loading = signal(false);
  protected readonly busy = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<{ key: string; email: string } | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;

  constructor() {
    effect(() => {
      this.version(); // reload when addresses were added elsewhere
      const query = { status: this.status(), q: this.query(), offset: this.offset() };
      const ids = [this.chamberId(), this.campaignId()] as const;
      untracked(() => void this.load(ids[0], ids[1], query));
    });
  }

  protected exportUrl(): string {
    return this.api.exportUrl(this.chamberId(), this.campaignId(), this.lang() === 'de' ? 'de' : 'en');
  }

  protected total(p: CampaignInvitationPage): number {
    return INVITATION_STATUSES.reduce((sum, s) => sum + p.counts[s], 0);
  }

  protected setStatus(status: InvitationStatus | null): void {
    this.offset.set(0);
    this.status.set(status);
  }

  protected onType(value: string): void {
    this.typed.set(value);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.offset.set(0);
      this.query.set(value.trim());
    }, 300);
  }

  protected go(step: -1 | 1): void {
    this.offset.set(Math.max(0, this.offset() + step * INVITATIONS_PAGE));
  }

  protected resend(i: CampaignInvitationView): Promise<void> {
    return this.act(i, () => this.api.resendInvitation(this.chamberId(), this.campaignId(), i.id), 'resent');
  }

  protected revoke(i: CampaignInvitationView): Promise<void> {
    return this.act(i, () => this.api.revokeInvitation(this.chamberId(), this.campaignId(), i.id), 'revoked');
  }

  private async act(
    i: CampaignInvitationView,
    call: () => Promise<CampaignInvitationView>,
    done: 'resent' | 'revoked',
  ): Promise<void> {
    if (this.busy()) return; // one action at a time: a double click sends one mail
    this.busy.set(i.id);
    this.error.set(null);
    this.notice.set(null);
    try {
      await call();
      this.notice.set({ key: done, email: i.email });
      await this.load(this.chamberId(), this.campaignId(), {
        status: this.status(),
        q: this.query(),
        offset: this.offset(),
      });
    } catch (e) {
      this.error.set(describeError(e).message);
    } finally {
      this.busy.set(null);
    }
  }

  private async load(
    chamberId: string,
    campaignId: string,
    query: { status: InvitationStatus | null; q: string; offset: number },
  ): Promise<void> {
    const id = ++this.request;
    this.loading.set(true);
    try {
      const page = await this.api.invitations(chamberId, campaignId, { ...query, limit: INVITATIONS_PAGE });
      if (id === this.request) this.page.set(page);
    } catch (e) {
      if (id === this.request) this.error.set(describeError(e).message);
    } finally {
      if (id === this.request) this.loading.set(false);
    }
  }
}
