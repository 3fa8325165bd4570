import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { describeError, LanguageService } from '@scs/web/core';
import { EmptyStateComponent, ErrorBoxComponent, LoadingComponent, LocalDatePipe } from '@scs/web/ui';
import { FunnelChartComponent, type FunnelStage } from '../components/funnel-chart.component';
import { DistributionPanelComponent } from '../components/distribution-panel.component';
import { InvitePanelComponent } from '../components/invite-panel.component';
import { CampaignManageComponent } from '../components/campaign-manage.component';
import { InvitationsPanelComponent } from '../components/invitations-panel.component';
import { ChambersApi } from '../data/chambers.api';
import type { CampaignFirmView, CampaignView, ProgressView, ReminderResult } from '../data/chambers.types';
import { chamberContext } from '../data/chamber-context';

const STAGES = ['invited', 'opened', 'joined', 'started', 'submitted'] as const;

/** One campaign: invite firms, follow the funnel, see which firms joined (and, where they allow it, their progress), remind, close. */
@Component({
  selector: 'scs-campaign-page',
  imports: [
    TranslocoDirective,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    EmptyStateComponent,
    ErrorBoxComponent,
    LoadingComponent,
    LocalDatePipe,
    FunnelChartComponent,
    InvitePanelComponent,
    DistributionPanelComponent,
    InvitationsPanelComponent,
    CampaignManageComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './chambers.css',
  styles: `
    .head {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    .head h2 {
      margin: 0;
    }
    .messages {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 16px;
    }
    .messages p {
      white-space: pre-line;
      margin: 4px 0 0;
      font-size: 14px;
      color: #333;
    }
    details summary {
      cursor: pointer;
      color: var(--scs-primary);
      margin-top: 8px;
    }
    .progress {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(220px, 2fr);
      gap: 24px;
      align-items: start;
    }
    .chart-placeholder {
      height: 244px;
    }
    .status-submitted {
      color: #1b5e20;
      font-weight: 500;
    }
    .status-started {
      color: #6d5200;
    }
    .hidden-status {
      color: #5f6368;
      font-style: italic;
    }
    .mail-warning {
      display: flex;
      gap: 10px;
      align-items: flex-start;
      padding: 10px 14px;
      border-radius: 8px;
      background: #fff4e5;
      color: #663c00;
      border: 1px solid #f0c27b;
      margin: 12px 0;
    }
    .mail-warning mat-icon {
      flex: 0 0 auto;
    }
    .left {
      font-size: 12px;
      color: #5f6368;
      margin-left: 6px;
    }
    @media (max-width: 760px) {
      .progress,
      .messages {
        grid-template-columns: 1fr;
      }
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'chambers'">
      <p>
        <a routerLink="/chamber">← {{ t('campaign.back') }}</a>
      </p>
      @if (loadError(); as message) {
        <scs-error-box [message]="message" [retryLabel]="t('retry')" (retry)="loadAll()" />
      } @else if (campaign(); as c) {
        <section class="card">
          <div class="head">
            <h2 data-testid="campaign-title">{{ c.title }}</h2>
            <span class="chip status-{{ c.status }}" data-testid="campaign-status">{{ t('status.' + c.status) }}</span>
          </div>
          <p class="muted">
            {{ t('campaign.period', { opens: (c.opensAt | scsDate: lang()), closes: (c.closesAt | scsDate: lang()) }) }}
          </p>
          @if (mailWarning(c); as w) {
            <p class="mail-warning" role="alert" data-testid="mail-warning">
              <mat-icon aria-hidden="true">warning</mat-icon>
              <span>{{ t('mail.' + w.key, { count: w.count }) }}</span>
            </p>
          }
          @if (c.status === 'closed') {
            <p class="notice">{{ t('campaign.closedOn', { date: (c.closedAt ?? c.closesAt | scsDate: lang()) }) }}</p>
          } @else if (c.status === 'scheduled') {
            <p class="notice">{{ t('campaign.scheduledNote', { date: (c.opensAt | scsDate: lang()) }) }}</p>
          }
          <details>
            <summary>{{ t('campaign.messages') }}</summary>
            <div class="messages">
              <div>
                <strong>{{ t('campaign.de') }}</strong>
                <p>{{ c.messageDe }}</p>
              </div>
              <div>
                <strong>{{ t('campaign.en') }}</strong>
                <p>{{ c.messageEn }}</p>
              </div>
            </div>
          </details>
          @if (canManage() && c.status !== 'closed') {
            <div class="actions">
              @if (confirmingClose()) {
                <span>{{ t('campaign.confirmClose') }}</span>
                <button mat-flat-button color="warn" type="button" (click)="close()" [disabled]="busy()">
                  {{ t('campaign.confirm') }}
                </button>
                <button mat-button type="button" (click)="confirmingClose.set(false)">
                  {{ t('campaign.cancel') }}
                </button>
              } @else {
                <button mat-stroked-button type="button" (click)="confirmingClose.set(true)">
                  <mat-icon aria-hidden="true">lock</mat-icon> {{ t('campaign.close') }}
                </button>
              }
            </div>
          }
          @if (actionError(); as message) {
            <scs-error-box [message]="message" />
          }
        </section>

        @if (canManage() && c.status === 'open') {
          <section class="card">
            <scs-invite-panel [chamberId]="chamberId()!" [campaignId]="c.id" (invited)="onInvited()" />
          </section>
        }

        <section class="card" aria-labelledby="progress-heading">
          <div class="section-head">
            <h3 id="progress-heading">{{ t('progress.heading') }}</h3>
            <button mat-button type="button" (click)="refreshAll()" data-testid="refresh">
              <mat-icon aria-hidden="true">refresh</mat-icon> {{ t('progress.refresh') }}
            </button>
          </div>
          @if (progress(); as p) {
            <div class="progress">
              @defer (on idle) {
                <scs-funnel-chart [stages]="stages()" [summary]="t('progress.chartSummary', p)" />
              } @placeholder {
                <div class="chart-placeholder"></div>
              }
              <div class="table-scroll">
                <table class="data" data-testid="funnel">
                  <caption class="visually-hidden">
                    {{
                      t('progress.heading')
                    }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ t('progress.stage') }}</th>
                      <th scope="col" class="num">{{ t('progress.firms') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (s of stageKeys; track s) {
                      <tr [attr.data-stage]="s">
                        <td>{{ t('progress.' + s) }}</td>
                        <td class="num">{{ p[s] }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            </div>
            @if (!p.complete) {
              <p class="notice" data-testid="partial">
                {{ t('progress.partial', { sharing: p.sharingFirms, joined: p.joined, k: p.k }) }}
              </p>
            }
          } @else {
            <scs-loading [label]="t('loading')" />
          }
          @if (canManage() && c.status === 'open') {
            <div class="actions">
              <button mat-stroked-button type="button" (click)="remind()" [disabled]="reminding()" data-testid="remind">
                <mat-icon aria-hidden="true">notifications</mat-icon>
                {{ reminding() ? t('remind.sending') : t('remind.button') }}
              </button>
              <span class="muted"
                ><small>{{ t('remind.hint') }}</small></span
              >
            </div>
            @if (reminder(); as r) {
              <p class="notice ok" role="status" data-testid="reminder-result">
                {{
                  r.withheld
                    ? t('remind.withheld')
                    : t('remind.sent', { sent: r.sent, skipped: r.skippedRecentlyReminded })
                }}
              </p>
            }
          }
        </section>

        <section class="card" aria-labelledby="distribution-heading">
          <scs-distribution-panel [chamberId]="chamberId()!" [campaignId]="c.id" [canManage]="canManage()" />
        </section>

        <section class="card" aria-labelledby="firms-heading">
          <h3 id="firms-heading">{{ t('firms.heading') }}</h3>
          @if (firms(); as list) {
            @if (list.length === 0) {
              <scs-empty-state icon="domain" [heading]="t('firms.emptyHeading')" [level]="3"
                ><p>{{ t('firms.empty') }}</p></scs-empty-state
              >
            } @else {
              <div class="table-scroll">
                <table class="data" data-testid="firms">
                  <thead>
                    <tr>
                      <th scope="col">{{ t('firms.name') }}</th>
                      <th scope="col">{{ t('firms.joined') }}</th>
                      <th scope="col">{{ t('firms.status') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (f of list; track f.firmId) {
                      <tr>
                        <td>
                          <!-- The name in an element of its own: the cell's text is the name, without template whitespace. -->
                          <span class="firm-name">{{ f.name }}</span>
                          @if (!f.member) {
                            <span class="left"> ({{ t('firms.left') }})</span>
                          }
                        </td>
                        <td>{{ f.joinedAt | scsDate: lang() }}</td>
                        <td>
                          @if (f.status; as s) {
                            <span class="status-{{ s }}">{{ t('firms.' + s) }}</span>
                          } @else {
                            <span class="hidden-status" [title]="t('firms.hiddenHint')">{{ t('firms.hidden') }}</span>
                          }
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            }
          } @else {
            <scs-loading [label]="t('loading')" />
          }
        </section>
        <section class="card" aria-labelledby="invitations-heading">
          <scs-invitations-panel
            [chamberId]="chamberId()!"
            [campaignId]="c.id"
            [canAct]="canManage() && c.status === 'open'"
            [version]="version()"
          />
        </section>
        @if (canManage()) {
          <section class="card" aria-labelledby="manage-heading">
            <scs-campaign-manage
              [chamberId]="chamberId()!"
              [campaign]="c"
              [campaigns]="allCampaigns()"
              (merged)="onMerged($event)"
              (deleted)="onDeleted()"
            />
          </section>
        }
      } @else {
        <scs-loading [label]="t('loading')" />
      }
    </ng-container>
  `,
})
export class CampaignPage {
  private readonly api = inject(ChambersApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).current;
  private readonly ctx = chamberContext();
  /** Route parameter (component input binding). */
  readonly campaignId = input.required<string>();

  protected readonly stageKeys = STAGES;
  protected readonly chamberId = computed(() => {
    const c = this.ctx();
    return c.state === 'chamber' ? c.chamberId : null;
  });
  protected readonly canManage = computed(() => {
    const c = this.ctx();
    return c.state === 'chamber' && c.canManage;
  });
  protected readonly campaign = signal<CampaignView | null>(null);
  protected readonly progress = signal<ProgressView | null>(null);
  protected readonly firms = signal<CampaignFirmView[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly confirmingClose = signal(false);
  protected readonly reminding = signal(false);
  protected readonly reminder = signal<ReminderResult | null>(null);
  /** Bumped after invitations were added or campaigns merged: the address list reloads. */
  protected readonly version = signal(0);
  /** The chamber's campaigns (merge candidates; chamber admins only). */
  protected readonly allCampaigns = signal<CampaignView[]>([]);
  private readonly router = inject(Router);

  protected readonly stages = computed<FunnelStage[]>(() => {
    const p = this.progress();
    this.lang(); // relabel on language change
    return p ? STAGES.map((s) => ({ label: this.transloco.translate(`chambers.progress.${s}`), value: p[s] })) : [];
  });

  constructor() {
    effect(() => {
      if (this.chamberId() && this.campaignId()) void this.loadAll();
    });
  }

  protected async loadAll(): Promise<void> {
    const chamberId = this.chamberId();
    if (!chamberId) return;
    this.loadError.set(null);
    try {
      this.campaign.set(await this.api.campaign(chamberId, this.campaignId()));
      if (this.canManage()) this.allCampaigns.set(await this.api.campaigns(chamberId));
      await this.refresh();
    } catch (e) {
      this.loadError.set(describeError(e).message);
    }
  }

  protected async refresh(): Promise<void> {
    const chamberId = this.chamberId();
    if (!chamberId) return;
    try {
      const [campaign, progress, firms] = await Promise.all([
        this.api.campaign(chamberId, this.campaignId()),
        this.api.progress(chamberId, this.campaignId()),
        this.api.firms(chamberId, this.campaignId()),
      ]);
      this.campaign.set(campaign);
      this.progress.set(progress);
      this.firms.set(firms);
    } catch (e) {
      this.actionError.set(describeError(e).message);
    }
  }

  /** Why the campaign's invitation mails do not go out, if they do not (no mail server, not sent, bounced). */
  protected mailWarning(c: CampaignView): { key: 'notConfigured' | 'notSent' | 'bounced'; count: number } | null {
    const mail = c.mail;
    if (!mail || !mail.warning) return null;
    if (!mail.configured) return { key: 'notConfigured', count: mail.notSent };
    if (mail.notSent > 0) return { key: 'notSent', count: mail.notSent };
    return { key: 'bounced', count: mail.failed };
  }

  /** The Refresh button: numbers, firms and the address list. */
  protected async refreshAll(): Promise<void> {
    this.version.update((v) => v + 1);
    await this.refresh();
  }

  protected async onInvited(): Promise<void> {
    this.version.update((v) => v + 1);
    await this.refresh();
  }

  protected async onMerged(campaign: CampaignView): Promise<void> {
    this.campaign.set(campaign);
    const chamberId = this.chamberId();
    if (chamberId) this.allCampaigns.set(await this.api.campaigns(chamberId));
    this.version.update((v) => v + 1);
    await this.refresh();
  }

  protected async onDeleted(): Promise<void> {
    await this.router.navigateByUrl('/chamber');
  }

  protected async close(): Promise<void> {
    const chamberId = this.chamberId();
    if (!chamberId) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      this.campaign.set(await this.api.closeCampaign(chamberId, this.campaignId()));
      this.confirmingClose.set(false);
    } catch (e) {
      this.actionError.set(describeError(e).message);
    } finally {
      this.busy.set(false);
    }
  }

  protected async remind(): Promise<void> {
    const chamberId = this.chamberId();
    if (!chamberId || this.reminding()) return; // a double click sends one round of reminders
    this.reminding.set(true);
    this.actionError.set(null);
    try {
      this.reminder.set(await this.api.remind(chamberId, this.campaignId()));
    } catch (e) {
      this.actionError.set(describeError(e).message);
    } finally {
      this.reminding.set(false);
    }
  }
}
