import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { EmptyStateComponent, LoadingComponent } from '@scs/web/ui';
import { firmContext } from './firm-context';

/** Frame of the firm pages (profile, team, chambers, consents) with the sign-in / switch-to-a-firm gate. */
@Component({
  selector: 'scs-firm-page',
  imports: [
    TranslocoDirective,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatTabsModule,
    MatButtonModule,
    EmptyStateComponent,
    LoadingComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      max-width: 960px;
      margin: 0 auto;
    }
    nav {
      margin-bottom: 16px;
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'accounts'">
      @switch (firm().state) {
        @case ('loading') {
          <scs-loading [label]="t('common.loading')" />
        }
        @case ('signedOut') {
          <scs-empty-state icon="lock" [heading]="t('firm.signedOutTitle')">
            <p>{{ t('firm.signedOutText') }}</p>
            <a scsEmptyActions mat-flat-button routerLink="/login" [queryParams]="{ returnUrl: '/firm' }">{{
              t('common.signIn')
            }}</a>
            <a scsEmptyActions mat-stroked-button routerLink="/register">{{ t('common.register') }}</a>
          </scs-empty-state>
        }
        @case ('notFirm') {
          <scs-empty-state icon="domain_disabled" [heading]="t('firm.notFirmTitle')">
            <p>{{ t('firm.notFirmText', { org: orgName() }) }}</p>
            <a scsEmptyActions mat-stroked-button routerLink="/orgs">{{ t('firm.switch') }}</a>
          </scs-empty-state>
        }
        @default {
          <h1>{{ orgName() }}</h1>
          <nav
            mat-tab-nav-bar
            class="scs-tab-nav"
            [disablePagination]="true" [tabPanel]="panel" [attr.aria-label]="t('firm.title')">
            <a mat-tab-link routerLink="profile" routerLinkActive #p="routerLinkActive" [active]="p.isActive">{{
              t('firm.tabs.profile')
            }}</a>
            <a mat-tab-link routerLink="members" routerLinkActive #m="routerLinkActive" [active]="m.isActive">{{
              t('firm.tabs.members')
            }}</a>
            <a mat-tab-link routerLink="chambers" routerLinkActive #c="routerLinkActive" [active]="c.isActive">{{
              t('firm.tabs.chambers')
            }}</a>
            <a mat-tab-link routerLink="consents" routerLinkActive #s="routerLinkActive" [active]="s.isActive">{{
              t('firm.tabs.consents')
            }}</a>
          </nav>
          <mat-tab-nav-panel #panel><router-outlet /></mat-tab-nav-panel>
        }
      }
    </ng-container>
  `,
})
export class FirmPage {
  protected readonly firm = firmContext();
  protected orgName(): string {
    const f = this.firm();
    return f.state === 'firm' || f.state === 'notFirm' ? (f.orgName ?? '–') : '';
  }
}
