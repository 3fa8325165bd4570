import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { SessionService } from '@scs/web/core';
import { EmptyStateComponent, LoadingComponent } from '@scs/web/ui';

export type FirmAccess =
  | { state: 'loading' }
  | { state: 'signedOut' }
  | { state: 'notFirm'; orgName: string | null }
  | { state: 'firm'; orgId: string };

/** Whether the signed-in user acts for a firm (the only kind of organisation with self-checks). */
export function firmAccess() {
  const session = inject(SessionService);
  return computed<FirmAccess>(() => {
    if (!session.loaded()) return { state: 'loading' };
    if (!session.user()) return { state: 'signedOut' };
    const org = session.activeOrg();
    if (!org || org.kind !== 'firm') return { state: 'notFirm', orgName: org?.orgName ?? null };
    return { state: 'firm', orgId: org.orgId };
  });
}

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
