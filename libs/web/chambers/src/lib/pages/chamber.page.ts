import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { ErrorBoxComponent, LoadingComponent } from '@scs/web/ui';
import { chamberContext } from '../data/chamber-context';

/** The chamber dashboard shell: the gate (signed in, acting for a chamber), the chamber's name and its sections. */
@Component({
  selector: 'scs-chamber-page',
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
      max-width: 1080px;
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
    <ng-container *transloco="let t; prefix: 'chambers'">
      @switch (ctx().state) {
        @case ('loading') {
          <scs-loading [label]="t('loading')" />
        }
        @case ('signedOut') {
          <section class="gate">
            <p>{{ t('gate.signedOut') }}</p>
            <a mat-flat-button routerLink="/login" [queryParams]="{ returnUrl: '/chamber' }">{{ t('gate.signIn') }}</a>
          </section>
        }
        @case ('notChamber') {
          <section class="gate">
            <scs-error-box [message]="t('gate.notChamber')" />
            <a mat-stroked-button routerLink="/orgs">{{ t('gate.switch') }}</a>
          </section>
        }
        @case ('chamber') {
          <header>
            <h1 class="page-title">{{ name() }}</h1>
            <span class="kind">{{ t('title') }}</span>
          </header>
          <nav
            mat-tab-nav-bar
            class="scs-tab-nav"
            [disablePagination]="true" [tabPanel]="panel" [attr.aria-label]="t('nav.label')">
            <a
              mat-tab-link
              routerLink="/chamber"
              [routerLinkActiveOptions]="{ exact: false }"
              routerLinkActive
              #campaigns="routerLinkActive"
              [active]="campaigns.isActive && !branding.isActive && !members.isActive"
              >{{ t('nav.campaigns') }}</a
            >
            <a
              mat-tab-link
              routerLink="/chamber/members"
              routerLinkActive
              #members="routerLinkActive"
              [active]="members.isActive"
              data-testid="nav-members"
              >{{ t('nav.members') }}</a
            >
            <a
              mat-tab-link
              routerLink="/chamber/branding"
              routerLinkActive
              #branding="routerLinkActive"
              [active]="branding.isActive"
              >{{ t('nav.branding') }}</a
            >
          </nav>
          <mat-tab-nav-panel #panel>
            <router-outlet />
          </mat-tab-nav-panel>
        }
      }
    </ng-container>
  `,
})
export class ChamberPage {
  protected readonly ctx = chamberContext();
  protected name(): string {
    const c = this.ctx();
    return c.state === 'chamber' ? c.name : '';
  }
}
