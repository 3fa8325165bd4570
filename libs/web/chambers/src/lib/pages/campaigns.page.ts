import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError, LanguageService } from '@scs/web/core';
import { EmptyStateComponent, ErrorBoxComponent, LoadingComponent, LocalDatePipe } from '@scs/web/ui';
import { ChambersApi } from '../data/chambers.api';
import type { CampaignView } from '../data/chambers.types';
import { chamberContext } from '../data/chamber-context';

/** The chamber's campaigns, newest first. */
@Component({
  selector: 'scs-campaigns-page',
  imports: [
    TranslocoDirective,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    EmptyStateComponent,
    ErrorBoxComponent,
    LoadingComponent,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './chambers.css',
  template: `
    <ng-container *transloco="let t; prefix: 'chambers'">
      <div class="section-head">
        <div>
          <h2>{{ t('campaigns.heading') }}</h2>
          <p class="muted lead">{{ t('campaigns.lead') }}</p>
        </div>
        @if (canManage()) {
          <a mat-flat-button routerLink="campaigns/new"
            ><mat-icon aria-hidden="true">add</mat-icon>{{ t('campaigns.new') }}</a
          >
        }
      </div>
      @if (error(); as message) {
        <scs-error-box [message]="message" [retryLabel]="t('retry')" (retry)="load()" />
      } @else if (campaigns(); as list) {
        @if (list.length === 0) {
          <scs-empty-state icon="campaign" [heading]="t('campaigns.emptyHeading')">
            <p>{{ t('campaigns.empty') }}</p>
            @if (canManage()) {
              <a scsEmptyActions mat-flat-button routerLink="campaigns/new">{{ t('campaigns.new') }}</a>
            }
          </scs-empty-state>
        } @else {
          <ul class="campaigns">
            @for (c of list; track c.id) {
              <li>
                <a
                  class="campaign"
                  [routerLink]="['campaigns', c.id]"
                  [attr.aria-label]="t('campaigns.open', { title: c.title })"
                  data-testid="campaign"
                >
                  <span class="title">{{ c.title }}</span>
                  <span class="chip status-{{ c.status }}">{{ t('status.' + c.status) }}</span>
                  <span class="muted">{{
                    t('campaigns.dates', {
                      opens: (c.opensAt | scsDate: lang()),
                      closes: (c.closesAt | scsDate: lang()),
                    })
                  }}</span>
                  <span class="counts">{{ t('campaigns.counts', { invited: c.invited, joined: c.joined }) }}</span>
                </a>
              </li>
            }
          </ul>
        }
      } @else {
        <scs-loading [label]="t('loading')" />
      }
    </ng-container>
  `,
})
export class CampaignsPage {
  private readonly api = inject(ChambersApi);
  protected readonly lang = inject(LanguageService).current;
  private readonly ctx = chamberContext();
  protected readonly canManage = computed(() => {
    const c = this.ctx();
    return c.state === 'chamber' && c.canManage;
  });
  protected readonly campaigns = signal<CampaignView[] | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      if (this.ctx().state === 'chamber') void this.load();
    });
  }

  protected async load(): Promise<void> {
    const c = this.ctx();
    if (c.state !== 'chamber') return;
    this.error.set(null);
    try {
      this.campaigns.set(await this.api.campaigns(c.chamberId));
    } catch (e) {
      this.error.set(describeError(e).message);
    }
  }
}
