import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { SessionService } from '@scs/web/core';
import { ErrorBoxComponent, LoadingComponent } from '@scs/web/ui';

export const ADMIN_TABS = ['organisations', 'users', 'mails', 'catalogue', 'audit', 'exports'] as const;

/** The admin area's shell: the gate (signed in as a platform admin) and one tab per list. */
@Component({
  selector: 'scs-admin-page',
  imports: [
    TranslocoDirective,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatTabsModule,
    MatButtonModule,
    LoadingComponent,
    ErrorBoxComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      max-width: 1180px;
      margin: 0 auto;
    }
    header {
      display: flex;
      align-items: baseline;
      gap: 12px;
      flex-wrap: wrap;
    }
    header .kind {
      color: #5f6368;
      font-size: 14px;
      text-transform: uppercase;
      letter-spacing: 0.06em;
    }
    nav {
      margin-bottom: 20px;
    }
    .gate {
      background: #fff;
      border: 1px solid #e0e0e0;
      border-radius: 8px;
      padding: 24px;
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'admin'">
      @switch (state()) {
        @case ('loading') {
          <scs-loading [label]="t('loading')" />
        }
        @case ('signedOut') {
          <section class="gate">
            <p>{{ t('gate.signedOut') }}</p>
            <a mat-flat-button routerLink="/login" [queryParams]="{ returnUrl: '/admin' }">{{ t('gate.signIn') }}</a>
          </section>
        }
        @case ('notAdmin') {
          <section class="gate" data-testid="admin-denied">
            <scs-error-box [message]="t('gate.notAdmin')" />
          </section>
        }
        @case ('admin') {
          <header>
            <h1 class="page-title">{{ t('title') }}</h1>
            <span class="kind">{{ t('subtitle') }}</span>
          </header>
          <nav
            mat-tab-nav-bar
            class="scs-tab-nav"
            [disablePagination]="true" [tabPanel]="panel" [attr.aria-label]="t('nav')">
            @for (tab of tabs; track tab) {
              <a
                mat-tab-link
                [routerLink]="'/admin/' + tab"
                routerLinkActive
                #rla="routerLinkActive"
                [active]="rla.isActive"
                [attr.data-testid]="'admin-tab-' + tab"
                >{{ t(tab + '.tab') }}</a
              >
            }
          </nav>
          <mat-tab-nav-panel #panel>
            <router-outlet />
          </mat-tab-nav-panel>
        }
      }
    </ng-container>
  `,
})
export class AdminPage {
  private readonly session = inject(SessionService);
  protected readonly tabs = ADMIN_TABS;
  protected readonly state = computed<'loading' | 'signedOut' | 'notAdmin' | 'admin'>(() => {
    if (!this.session.loaded()) return 'loading';
    const user = this.session.user();
    if (!user) return 'signedOut';
    return user.platformAdmin ? 'admin' : 'notAdmin';
  });
}
