import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError } from '@scs/web/core';
import { ErrorBoxComponent } from '@scs/web/ui';
import { AccountsApi } from '../data/accounts.api';
import type { InvitationPreview } from '../data/accounts.types';
import { applyServerErrors, serverError } from '../data/form-errors';
import { AuthCardComponent } from './auth-card.component';
import { AuthFormSubmit } from './auth-form-submit';

/**
 * Registration: a new firm, or — with `?invitation=<token>` — joining the inviting organisation. Ends with "check your
 * e-mail": the confirmation link (VerifyEmailPage) signs in and accepts the invitation.
 */
@Component({
  selector: 'scs-register-page',
  imports: [
    TranslocoDirective,
    ReactiveFormsModule,
    RouterLink,
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
      <scs-auth-card [heading]="t('register.title')">
        @if (preview(); as p) {
          <p class="info" data-testid="invitation-info">
            @if (p.kind === 'member') {
              {{ t('register.joining', { org: p.orgName, role: t('roles.' + p.role) }) }}
            } @else {
              {{ t('register.joiningChamber', { org: p.orgName }) }}
            }
          </p>
        } @else {
          <p class="lead">{{ t('register.lead') }}</p>
        }
        @if (invitationError(); as message) {
          <scs-error-box [message]="t('register.invitationProblem', { message })" />
        }
        @if (submission.error(); as message) {
          <scs-error-box [message]="message" />
        }
        @if (sentTo(); as email) {
          <p class="notice" role="status" data-testid="check-mail">{{ t('register.checkMail', { email }) }}</p>
        } @else {
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>{{ t('common.name') }}</mat-label>
              <input matInput formControlName="name" autocomplete="name" required />
              <mat-error>{{ err(form.controls.name) ?? t('common.required') }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('common.email') }}</mat-label>
              <input matInput formControlName="email" type="email" autocomplete="username" required />
              <mat-error>{{ err(form.controls.email) ?? t('common.invalidEmail') }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('common.password') }}</mat-label>
              <input matInput formControlName="password" type="password" autocomplete="new-password" required />
              <mat-hint>{{ t('register.passwordHint') }}</mat-hint>
              <mat-error data-testid="password-error">{{
                err(form.controls.password) ?? t('common.required')
              }}</mat-error>
            </mat-form-field>
            @if (needsFirm()) {
              <mat-form-field>
                <mat-label>{{ t('register.firmName') }}</mat-label>
                <input matInput formControlName="firmName" autocomplete="organization" />
                <mat-hint>{{ t('register.firmHint') }}</mat-hint>
                <mat-error>{{ err(form.controls.firmName) ?? t('common.required') }}</mat-error>
              </mat-form-field>
            }
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="submission.busy()">{{ t('register.submit') }}</button>
            </div>
          </form>
        }
        <div class="links">
          <span
            >{{ t('register.haveAccount') }} <a routerLink="/login">{{ t('common.signIn') }}</a></span
          >
        </div>
      </scs-auth-card>
    </ng-container>
  `,
})
export class RegisterPage {
  private readonly api = inject(AccountsApi);
  /** Invitation token (query parameter) when registering through an invitation link. */
  readonly invitation = input<string>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', Validators.required],
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
    firmName: [''],
  });
  protected readonly preview = signal<InvitationPreview | null>(null);
  protected readonly invitationError = signal<string | null>(null);
  /** Set once registered: the address the confirmation link went to (nobody is signed in before it is opened). */
  protected readonly sentTo = signal<string | null>(null);
  protected readonly needsFirm = computed(() => this.preview()?.kind !== 'member');
  protected readonly submission = new AuthFormSubmit();
  protected readonly err = serverError;

  constructor() {
    effect(() => {
      const token = this.invitation();
      if (token) void this.loadInvitation(token);
    });
  }

  private async loadInvitation(token: string): Promise<void> {
    try {
      const preview = await this.api.invitation(token);
      this.preview.set(preview);
      if (!preview.boundDomain) this.form.controls.email.setValue(preview.email); // the invitation is for this address only
    } catch (e) {
      this.invitationError.set(describeError(e).message);
    }
  }

  protected submit(): Promise<void> {
    return this.submission.run(
      this.form,
      async () => {
        const { name, email, password, firmName } = this.form.getRawValue();
        const token = this.preview() ? this.invitation() : undefined;
        await this.api.register({
          name,
          email,
          password,
          ...(this.needsFirm() ? { firmName } : {}),
          ...(token ? { invitationToken: token } : {}),
        });
        this.sentTo.set(email);
      },
      ({ message, fields }) => {
        // Field errors show next to their fields; the box only for what no field can show.
        const rest = applyServerErrors(this.form, fields);
        return Object.keys(fields).length > 0 && rest.length === 0 ? null : message;
      },
    );
  }
}
