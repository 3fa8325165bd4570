import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink, TranslocoDirective, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section *transloco="let t" class="not-found">
      <p class="code" aria-hidden="true">404</p>
      <h1>{{ t('notFound.title') }}</h1>
      <p>{{ t('notFound.text') }}</p>
      <a mat-flat-button routerLink="/">{{ t('notFound.home') }}</a>
    </section>
  `,
  styles: `
    .not-found {
      text-align: center;
      padding: 48px 0;
    }
    .code {
      font-size: 72px;
      font-weight: 700;
      color: var(--scs-primary);
      margin: 0;
    }
  `,
})
export class NotFoundPage {}
