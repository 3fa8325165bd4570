import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { SessionService } from '@scs/web/core';

@Component({
  selector: 'app-home-page',
  imports: [RouterLink, TranslocoDirective, MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <section class="hero">
        <h1>{{ t('home.title') }}</h1>
        <p class="lead">{{ t('home.lead') }}</p>
        <div class="cta">
          @if (session.user()?.platformAdmin) {
            <a mat-flat-button routerLink="/admin">{{ t('home.toAdmin') }}</a>
          } @else if (session.signedIn()) {
            <a mat-flat-button routerLink="/assessments">{{ t('home.continue') }}</a>
          } @else {
            <a mat-flat-button routerLink="/register">{{ t('home.start') }}</a>
            <a mat-stroked-button routerLink="/login">{{ t('nav.login') }}</a>
          }
          <a mat-button routerLink="/catalogue">{{ t('home.what') }}</a>
        </div>
      </section>
      <section class="points" [attr.aria-label]="t('home.pointsLabel')">
        @for (p of points; track p.key) {
          <article class="point">
            <mat-icon aria-hidden="true">{{ p.icon }}</mat-icon>
            <h2>{{ t('home.' + p.key + '.title') }}</h2>
            <p>{{ t('home.' + p.key + '.text') }}</p>
          </article>
        }
      </section>
      <p class="notice">{{ t('home.notice') }}</p>
    </ng-container>
  `,
  styles: `
    .hero {
      padding: 32px 0 16px;
    }
    h1 {
      font-size: 34px;
      line-height: 1.2;
      margin: 0 0 12px;
      max-width: 820px;
    }
    .lead {
      font-size: 18px;
      color: #333;
      max-width: 760px;
    }
    .cta {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      margin-top: 20px;
    }
    .points {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
      gap: 16px;
      margin-top: 32px;
    }
    .point {
      border: 1px solid #e0e0e0;
      border-radius: 8px;
      padding: 16px;
      background: #fff;
    }
    .point h2 {
      font-size: 17px;
      margin: 8px 0;
    }
    .point p {
      margin: 0;
      color: #444;
    }
    .point mat-icon {
      color: var(--scs-primary);
    }
    .notice {
      margin-top: 32px;
      color: #555;
      font-size: 13px;
      max-width: 760px;
    }
  `,
})
export class HomePage {
  protected readonly session = inject(SessionService);
  protected readonly points = [
    { key: 'p1', icon: 'fact_check' },
    { key: 'p2', icon: 'insights' },
    { key: 'p3', icon: 'picture_as_pdf' },
    { key: 'p4', icon: 'lock' },
  ];
}
