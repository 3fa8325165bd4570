import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError, SessionService } from '@scs/web/core';
import { AccountsApi } from '../data/accounts.api';
import { AuthCardComponent } from './auth-card.component';

/** The page behind the e-mailed confirmation link (`/verify-email/:token`): confirms, signs in, opens the organisation. */
@Component({
  selector: 'scs-verify-email-page',
  imports: [TranslocoDirective, RouterLink, MatButtonModule, AuthCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './auth-card.css',
  template: `
    <ng-container *transloco="let t; prefix: 'accounts'">
      <scs-auth-card [heading]="t('verify.title')">
        @if (error(); as message) {
          <p class="notice" role="alert" data-testid="verify-error">{{ t('verify.failed', { message }) }}</p>
          <a mat-flat-button routerLink="/login">{{ t('verify.toLogin') }}</a>
        } @else {
          <p class="notice" role="status">{{ t('verify.working') }}</p>
        }
      </scs-auth-card>
    </ng-container>
  `,
})
export class VerifyEmailPage {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  readonly token = input.required<string>();
  protected readonly error = signal<string | null>(null);
  private started = false;

  constructor() {
    effect(() => {
      const token = this.token();
      if (!this.started) {
        this.started = true; // single-use link: post it once
        void this.verify(token);
      }
    });
  }

  private async verify(token: string): Promise<void> {
    try {
      const result = await this.api.verifyEmail(token);
      await this.session.load();
      const firm = result.user.memberships.find((m) => m.orgId === result.orgId)?.kind === 'firm';
      if (result.orgId) this.session.selectOrg(result.orgId);
      await this.router.navigateByUrl(firm ? '/firm' : '/orgs');
    } catch (e) {
      this.error.set(describeError(e).message);
    }
  }
}
