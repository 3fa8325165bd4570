import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { ErrorBoxComponent } from '@scs/web/ui';
import { AccountsApi } from '../data/accounts.api';
import { AuthCardComponent } from './auth-card.component';
import { AuthFormSubmit } from './auth-form-submit';

@Component({
  selector: 'scs-reset-request-page',
  imports: [
    TranslocoDirective,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    ErrorBoxComponent,
    AuthCardComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './auth-card.css',
  template: `
    <ng-container *transloco="let t; prefix: 'accounts'">
      <scs-auth-card [heading]="t('reset.requestTitle')">
        @if (sentTo(); as email) {
          <p class="notice" role="status">{{ t('reset.requestSent', { email }) }}</p>
        } @else {
          <p class="lead">{{ t('reset.requestLead') }}</p>
          @if (submission.error(); as message) {
            <scs-error-box [message]="message" />
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>{{ t('common.email') }}</mat-label>
              <input matInput formControlName="email" type="email" autocomplete="username" required />
              <mat-error>{{ t('common.invalidEmail') }}</mat-error>
            </mat-form-field>
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="submission.busy()">
                {{ t('reset.requestSubmit') }}
              </button>
            </div>
          </form>
        }
      </scs-auth-card>
    </ng-container>
  `,
})
export class ResetRequestPage {
  private readonly api = inject(AccountsApi);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
  });
  protected readonly sentTo = signal<string | null>(null);
  protected readonly submission = new AuthFormSubmit();

  protected submit(): Promise<void> {
    return this.submission.run(this.form, async () => {
      const { email } = this.form.getRawValue();
      await this.api.requestPasswordReset(email);
      this.sentTo.set(email);
    });
  }
}
