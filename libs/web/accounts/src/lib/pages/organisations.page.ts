import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError, SessionService } from '@scs/web/core';
import { EmptyStateComponent, ErrorBoxComponent, LoadingComponent } from '@scs/web/ui';
import { AccountsApi } from '../data/accounts.api';
import { applyServerErrors, serverError } from '../data/form-errors';

/** The user's organisations (choose the one to act for) and their password. */
@Component({
  selector: 'scs-organisations-page',
  imports: [
    TranslocoDirective,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    EmptyStateComponent,
    ErrorBoxComponent,
    LoadingComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      max-width: 760px;
      margin: 24px auto;
    }
    .orgs {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .org {
      display: flex;
      align-items: center;
      gap: 16px;
      background: #fff;
      border: 1px solid #dde1e7;
      border-radius: 8px;
      padding: 12px 16px;
    }
    .org.active {
      border-color: var(--scs-primary, #1f4e79);
      box-shadow: inset 4px 0 0 var(--scs-primary, #1f4e79);
    }
    .org .meta {
      flex: 1;
      display: flex;
      flex-direction: column;
    }
    .org .meta small {
      color: #555;
    }
    .badge {
      font-size: 12px;
      padding: 2px 8px;
      border-radius: 12px;
      background: #e6eef7;
    }
    .password {
      margin-top: 32px;
      background: #fff;
      border: 1px solid #dde1e7;
      border-radius: 8px;
      padding: 16px 24px;
      max-width: 460px;
    }
    .password form {
      display: flex;
      flex-direction: column;
    }
    .notice {
      padding: 12px 16px;
      border-radius: 8px;
      background: #eef6ee;
      border: 1px solid #b5d8b5;
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'accounts'">
      <h1>{{ t('orgs.title') }}</h1>
      @if (!session.loaded()) {
        <scs-loading [label]="t('common.loading')" />
      } @else if (session.user(); as user) {
        <p>{{ t('orgs.lead') }}</p>
        @if (user.memberships.length === 0) {
          <scs-empty-state icon="domain" [heading]="t('orgs.empty')" />
        }
        <ul class="orgs">
          @for (m of user.memberships; track m.orgId) {
            <li class="org" [class.active]="session.activeOrg()?.orgId === m.orgId" data-testid="org">
              <div class="meta">
                <strong>{{ m.orgName }}</strong>
                <small>{{ t('kinds.' + m.kind) }} · {{ t('roles.' + m.role) }}</small>
              </div>
              @if (session.activeOrg()?.orgId === m.orgId) {
                <span class="badge">{{ t('orgs.active') }}</span>
              } @else {
                <button mat-stroked-button type="button" (click)="session.selectOrg(m.orgId)">
                  {{ t('orgs.switch') }}
                </button>
              }
            </li>
          }
        </ul>

        <section class="password">
          <h2>{{ t('orgs.passwordTitle') }}</h2>
          @if (passwordChanged()) {
            <p class="notice" role="status">{{ t('orgs.passwordChanged') }}</p>
          }
          @if (passwordError(); as message) {
            <scs-error-box [message]="message" />
          }
          <form [formGroup]="password" (ngSubmit)="changePassword()" novalidate>
            <mat-form-field>
              <mat-label>{{ t('orgs.currentPassword') }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="currentPassword"
                autocomplete="current-password"
                required
              />
              <mat-error>{{ err(password.controls.currentPassword) ?? t('common.required') }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('orgs.newPassword') }}</mat-label>
              <input matInput type="password" formControlName="newPassword" autocomplete="new-password" required />
              <mat-hint>{{ t('register.passwordHint') }}</mat-hint>
              <mat-error>{{ err(password.controls.newPassword) ?? t('common.required') }}</mat-error>
            </mat-form-field>
            <div>
              <button mat-flat-button type="submit" [disabled]="busy()">{{ t('orgs.passwordSubmit') }}</button>
            </div>
          </form>
        </section>
      } @else {
        <scs-empty-state icon="lock" [heading]="t('firm.signedOutTitle')">
          <a scsEmptyActions mat-flat-button routerLink="/login" [queryParams]="{ returnUrl: '/orgs' }">{{
            t('common.signIn')
          }}</a>
        </scs-empty-state>
      }
    </ng-container>
  `,
})
export class OrganisationsPage {
  private readonly api = inject(AccountsApi);
  protected readonly session = inject(SessionService);
  protected readonly password = inject(FormBuilder).nonNullable.group({
    currentPassword: ['', Validators.required],
    newPassword: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly passwordChanged = signal(false);
  protected readonly passwordError = signal<string | null>(null);
  protected readonly err = serverError;

  protected async changePassword(): Promise<void> {
    if (this.password.invalid) {
      this.password.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.passwordChanged.set(false);
    this.passwordError.set(null);
    try {
      const { currentPassword, newPassword } = this.password.getRawValue();
      await this.api.changePassword(currentPassword, newPassword);
      this.password.reset();
      this.passwordChanged.set(true);
    } catch (e) {
      const { message, fields } = describeError(e);
      if (applyServerErrors(this.password, fields).length > 0 || Object.keys(fields).length === 0)
        this.passwordError.set(message);
    } finally {
      this.busy.set(false);
    }
  }
}
