import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError } from '@scs/web/core';
import { ErrorBoxComponent } from '@scs/web/ui';
import { AccountsApi } from '../data/accounts.api';

@Component({
  selector: 'scs-reset-request-page',
  imports: [TranslocoDirective, ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, ErrorBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './auth-card.css',
  template: `
    <ng-container *transloco="let t; prefix: 'accounts'">
      <section class="card">
        <h1>{{ t('reset.requestTitle') }}</h1>
        @if (sentTo(); as email) {
          <p class="notice" role="status">{{ t('reset.requestSent', { email }) }}</p>
        } @else {
          <p class="lead">{{ t('reset.requestLead') }}</p>
          @if (error(); as message) {
            <scs-error-box [message]="message" />
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>{{ t('common.email') }}</mat-label>
              <input matInput formControlName="email" type="email" autocomplete="username" required />
              <mat-error>{{ t('common.invalidEmail') }}</mat-error>
            </mat-form-field>
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="busy()">{{ t('reset.requestSubmit') }}</button>
            </div>
          </form>
        }
      </section>
    </ng-container>
  `,
})
export class ResetRequestPage {
  private readonly api = inject(AccountsApi);
  protected readonly form = inject(FormBuilder).nonNullable.group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly busy = signal(false);
  protected readonly sentTo = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    try {
      const { email } = this.form.getRawValue();
      await this.api.requestPasswordReset(email);
      this.sentTo.set(email);
    } catch (e) {
      this.error.set(describeError(e).message);
    } finally {
      this.busy.set(false);
    }
  }
}
