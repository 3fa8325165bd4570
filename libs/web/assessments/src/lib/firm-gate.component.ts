import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { firmContext, type FirmContext } from '@scs/web/core';
import { EmptyStateComponent, LoadingComponent } from '@scs/web/ui';

/** The firm the signed-in user acts for (one definition in @scs/web/core, shared with the firm pages). */
export type FirmAccess = FirmContext;
export const firmAccess = firmContext;

/** What to show instead of a firm page: loading, "sign in", or "switch to a firm". */
@Component({
  selector: 'scs-firm-gate',
  imports: [TranslocoDirective, RouterLink, MatButtonModule, EmptyStateComponent, LoadingComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'assessments.gate'">
      @switch (access().state) {
        @case ('loading') {
          <scs-loading [label]="t('loading')" />
        }
        @case ('signedOut') {
          <scs-empty-state icon="lock" [heading]="t('signedOutTitle')">
            <p>{{ t('signedOutText') }}</p>
            <a scsEmptyActions mat-flat-button routerLink="/login" [queryParams]="{ returnUrl: returnUrl() }">{{
              t('signIn')
            }}</a>
            <a scsEmptyActions mat-stroked-button routerLink="/register">{{ t('register') }}</a>
          </scs-empty-state>
        }
        @default {
          <scs-empty-state icon="domain_disabled" [heading]="t('notFirmTitle')">
            <p>{{ t('notFirmText', { org: orgName() }) }}</p>
            <a scsEmptyActions mat-stroked-button routerLink="/orgs">{{ t('switch') }}</a>
          </scs-empty-state>
        }
      }
    </ng-container>
  `,
})
export class FirmGateComponent {
  readonly access = input.required<FirmAccess>();
  protected readonly returnUrl = computed(() => (typeof location === 'undefined' ? '/' : location.pathname));
  protected readonly orgName = computed(() => {
    const a = this.access();
    return a.state === 'notFirm' ? (a.orgName ?? '–') : '';
  });
}
