import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { SessionService } from '@scs/web/core';
import { AccountsApi } from '../data/accounts.api';
import { serverError } from '../data/form-errors';
import { AuthCardComponent } from './auth-card.component';
import { AuthFormSubmit } from './auth-form-submit';

/** The page behind the emailed reset link (`/reset-password/:token`). */
@Component({
  selector: 'scs-reset-confirm-page',
  imports: [
    TranslocoDirective,
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    AuthCardComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './auth-card.css',
  template: `
    <ng-container *transloco="let t; prefix: 'accounts'">
      <scs-auth-card [heading]="t('reset.confirmTitle')" [error]="submission.error()">
        @if (done()) {
          <p class="notice" role="status">{{ t('reset.confirmed') }}</p>
          <a mat-flat-button routerLink="/login">{{ t('reset.toLogin') }}</a>
        } @else {
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>{{ t('reset.newPassword') }}</mat-label>
              <input matInput formControlName="password" type="password" autocomplete="new-password" required />
              <mat-hint>{{ t('register.passwordHint') }}</mat-hint>
              <mat-error>{{ err(form.controls.password) ?? t('common.required') }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('reset.repeat') }}</mat-label>
              <input matInput formControlName="repeat" type="password" autocomplete="new-password" required />
              <mat-error>{{ t('reset.mismatch') }}</mat-error>
            </mat-form-field>
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="submission.busy()">
                {{ t('reset.confirmSubmit') }}
              </button>
            </div>
          </form>
        }
      </scs-auth-card>
    </ng-container>
  `,
})
export class ResetConfirmPage {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(SessionService);
  readonly token = input.required<string>();
  protected readonly form = inject(FormBuilder).nonNullable.group({
    password: ['', Validators.required],
    repeat: ['', Validators.required],
  });
  protected readonly done = signal(false);
  protected readonly submission = new AuthFormSubmit();
  protected readonly err = serverError;

  protected submit(): Promise<void> {
    const { password, repeat } = this.form.getRawValue();
    if (password !== repeat) this.form.controls.repeat.setErrors({ mismatch: true });
    return this.submission.run(
      this.form,
      async () => {
        await this.api.confirmPasswordReset(this.token(), password);
        this.session.clear(); // every session was signed out
        this.done.set(true);
      },
      ({ message, fields }) => {
        if (!fields['password']) return fields['token'] ?? message;
        this.form.controls.password.setErrors({ server: fields['password'] });
        this.form.controls.password.markAsTouched();
        return null;
      },
    );
  }
}
