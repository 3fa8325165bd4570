import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { AbstractControl, FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError } from '@scs/web/core';
import { ErrorBoxComponent } from '@scs/web/ui';
import { AccountsApi } from '../data/accounts.api';
import type { InvitationPreview } from '../data/accounts.types';
import { NAME_MAX, applyServerErrors, serverError } from '../data/form-errors';
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
              <input
                matInput
                formControlName="name"
                autocomplete="name"
                required
                [errorStateMatcher]="live"
                data-testid="name"
              />
              @if (form.controls.name.value.length > nameMax - 40) {
                <mat-hint align="end">{{ form.controls.name.value.length }} / {{ nameMax }}</mat-hint>
              }
              <mat-error>{{ lengthOrRequired(form.controls.name, t) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('common.email') }}</mat-label>
              <input matInput formControlName="email" type="email" autocomplete="username" required />
              <mat-error>{{ err(form.controls.email) ?? t('common.invalidEmail') }}</mat-error>
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ t('common.password') }}</mat-label>
              <input matInput formControlName="password" type="password" autocomplete="new-password" required />
              <mat-hint>{{ t('register.passwordHint') }}</mat-hint>
              <mat-error data-testid="password-error">{{
                err(form.controls.password) ?? t('common.required')
              }}</mat-error>
            </mat-form-field>
            @if (needsFirm()) {
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>{{ t('register.firmName') }}</mat-label>
                <input
                  matInput
                  formControlName="firmName"
                  autocomplete="organization"
                  required
                  [errorStateMatcher]="live"
                  data-testid="firm-name"
                />
                <mat-hint>{{ t('register.firmHint') }}</mat-hint>
                @if (form.controls.firmName.value.length > nameMax - 40) {
                  <mat-hint align="end" data-testid="firm-name-count"
                    >{{ form.controls.firmName.value.length }} / {{ nameMax }}</mat-hint
                  >
                }
                <mat-error data-testid="firm-name-error">{{ lengthOrRequired(form.controls.firmName, t) }}</mat-error>
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

  protected readonly nameMax = NAME_MAX;
  /** Errors show while typing (a name over the limit is flagged at once, not only after submit). */
  protected readonly live = new ShowOnDirtyErrorStateMatcher();
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(NAME_MAX)]],
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
    // Required only for a new firm (not when joining an organisation by invitation): see the effect below.
    firmName: ['', Validators.maxLength(NAME_MAX)],
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
    effect(() => {
      const firmName = this.form.controls.firmName;
      firmName.setValidators(
        this.needsFirm() ? [Validators.required, Validators.maxLength(NAME_MAX)] : Validators.maxLength(NAME_MAX),
      );
      firmName.updateValueAndValidity();
    });
  }

  /** The server's message, else "at most 200 characters (233 entered)", else "required". */
  protected lengthOrRequired(control: AbstractControl<string>, t: (key: string, p?: object) => string): string {
    const server = serverError(control);
    if (server) return server;
    if (control.hasError('maxlength')) return t('common.tooLong', { max: NAME_MAX, length: control.value.length });
    return t('common.required');
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
