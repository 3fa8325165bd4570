import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { SessionService } from '@scs/web/core';
import { AccountsApi } from '../data/accounts.api';
import { safeReturnUrl } from '../data/return-url';
import { AuthCardComponent } from './auth-card.component';
import { AuthFormSubmit } from './auth-form-submit';

@Component({
  selector: 'scs-login-page',
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
      <scs-auth-card [heading]="t('login.title')" [error]="submission.error()">
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field>
            <mat-label>{{ t('common.email') }}</mat-label>
            <input matInput formControlName="email" type="email" autocomplete="username" required />
            @if (form.controls.email.hasError('email')) {
              <mat-error>{{ t('common.invalidEmail') }}</mat-error>
            } @else {
              <mat-error>{{ t('common.required') }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('common.password') }}</mat-label>
            <input matInput formControlName="password" type="password" autocomplete="current-password" required />
            <mat-error>{{ t('common.required') }}</mat-error>
          </mat-form-field>
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="submission.busy()">{{ t('login.submit') }}</button>
          </div>
        </form>
        <div class="links">
          <a routerLink="/reset-password">{{ t('login.forgot') }}</a>
          <span
            >{{ t('login.noAccount') }} <a routerLink="/register">{{ t('login.register') }}</a></span
          >
        </div>
      </scs-auth-card>
    </ng-container>
  `,
})
export class LoginPage {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  /** Where to go after signing in (query parameter, same-site paths only). */
  readonly returnUrl = input<string>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submission = new AuthFormSubmit();

  protected submit(): Promise<void> {
    return this.submission.run(this.form, async () => {
      const { email, password } = this.form.getRawValue();
      await this.api.login(email, password);
      const user = await this.session.load();
      // A platform admin has no organisation to work in: the admin area is their start page.
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl(), user?.platformAdmin ? '/admin' : '/'));
    });
  }
}
