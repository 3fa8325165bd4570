import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError, SessionService } from '@scs/web/core';
import { ErrorBoxComponent, LoadingComponent } from '@scs/web/ui';
import { AccountsApi } from '../data/accounts.api';
import { AuthCardComponent } from './auth-card.component';
import { AuthFormSubmit } from './auth-form-submit';
import type { InvitationPreview } from '../data/accounts.types';

type State =
  | { kind: 'loading' }
  | { kind: 'invalid' }
  | { kind: 'gone'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'open'; preview: InvitationPreview };

/** The page behind an invitation link (`/invitations/:token`): colleagues join, firm owners join their firm to a chamber. */
@Component({
  selector: 'scs-invitation-page',
  imports: [
    TranslocoDirective,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    ErrorBoxComponent,
    LoadingComponent,
    AuthCardComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './auth-card.css',
  template: `
    <ng-container *transloco="let t; prefix: 'accounts'">
      <scs-auth-card [heading]="t('invitation.title')">
        @switch (state().kind) {
          @case ('loading') {
            <scs-loading [label]="t('invitation.loading')" />
          }
          @case ('invalid') {
            <scs-error-box [message]="t('invitation.invalid')" />
          }
          @case ('gone') {
            <scs-error-box data-testid="gone" [message]="t('invitation.gone', { message: goneMessage() })" />
          }
          @case ('error') {
            <scs-error-box [message]="goneMessage()" />
          }
          @case ('open') {
            @if (preview(); as p) {
              @if (accepted()) {
                <p class="notice" role="status">
                  {{
                    t(p.kind === 'member' ? 'invitation.accepted' : 'invitation.acceptedChamber', { org: p.orgName })
                  }}
                </p>
                <a mat-flat-button [routerLink]="p.kind === 'member' ? '/orgs' : '/firm/chambers'">{{
                  t('firm.switch')
                }}</a>
              } @else {
                @if (p.kind === 'member') {
                  <p data-testid="offer">
                    {{ t('invitation.memberOffer', { org: p.orgName, role: t('roles.' + p.role) }) }}
                  </p>
                  <p class="lead">{{ t('invitation.sentTo', { email: p.email }) }}</p>
                } @else {
                  <p data-testid="offer">{{ t('invitation.chamberOffer', { org: p.orgName }) }}</p>
                  <p class="info">{{ t('invitation.chamberPrivacy') }}</p>
                }
                @if (submission.error(); as message) {
                  <scs-error-box [message]="message" />
                }
                @if (!session.user()) {
                  <div class="actions">
                    <a mat-flat-button routerLink="/login" [queryParams]="{ returnUrl: here() }">{{
                      t('invitation.signInToAccept')
                    }}</a>
                    <a mat-stroked-button routerLink="/register" [queryParams]="{ invitation: token() }">{{
                      t('invitation.registerToAccept')
                    }}</a>
                  </div>
                } @else if (p.kind === 'chamber_firm' && ownedFirms().length === 0) {
                  <scs-error-box data-testid="no-owned-firm" [message]="t('invitation.noOwnedFirm')" />
                } @else {
                  @if (p.kind === 'chamber_firm') {
                    <mat-form-field>
                      <mat-label>{{ t('invitation.chooseFirm') }}</mat-label>
                      <mat-select [(ngModel)]="firmId" data-testid="firm-select">
                        @for (f of ownedFirms(); track f.orgId) {
                          <mat-option [value]="f.orgId">{{ f.orgName }}</mat-option>
                        }
                      </mat-select>
                    </mat-form-field>
                  }
                  <div class="actions">
                    <button
                      mat-flat-button
                      type="button"
                      (click)="accept()"
                      [disabled]="submission.busy() || (p.kind === 'chamber_firm' && !firmId())"
                    >
                      {{ submission.busy() ? t('invitation.accepting') : t('invitation.accept') }}
                    </button>
                  </div>
                }
              }
            }
          }
        }
      </scs-auth-card>
    </ng-container>
  `,
})
export class InvitationPage {
  private readonly api = inject(AccountsApi);
  protected readonly session = inject(SessionService);
  readonly token = input.required<string>();

  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly preview = computed(() => {
    const s = this.state();
    return s.kind === 'open' ? s.preview : null;
  });
  protected readonly goneMessage = computed(() => {
    const s = this.state();
    return s.kind === 'gone' || s.kind === 'error' ? s.message : '';
  });
  /** Firms the signed-in user owns: only those can join a chamber. */
  protected readonly ownedFirms = computed(() =>
    (this.session.user()?.memberships ?? []).filter((m) => m.kind === 'firm' && m.role === 'owner'),
  );
  protected readonly firmId = signal<string | null>(null);
  protected readonly accepted = signal(false);
  protected readonly submission = new AuthFormSubmit();
  protected readonly here = computed(() => `/invitations/${this.token()}`);

  constructor() {
    effect(() => void this.load(this.token()));
    effect(() => {
      const firms = this.ownedFirms();
      if (!this.firmId() && firms.length === 1) this.firmId.set(firms[0].orgId);
    });
  }

  private async load(token: string): Promise<void> {
    try {
      this.state.set({ kind: 'open', preview: await this.api.invitation(token) });
    } catch (e) {
      const { status, message } = describeError(e);
      this.state.set(
        status === 404 ? { kind: 'invalid' } : status === 410 ? { kind: 'gone', message } : { kind: 'error', message },
      );
    }
  }

  protected accept(): Promise<void> {
    return this.submission.run(
      null,
      async () => {
        const result = await this.api.acceptInvitation(
          this.token(),
          this.preview()?.kind === 'chamber_firm' ? (this.firmId() ?? undefined) : undefined,
        );
        await this.session.load();
        this.session.selectOrg(result.kind === 'member' ? result.orgId : (result.firmId ?? result.orgId));
        this.accepted.set(true);
      },
      ({ message, fields }) => Object.values(fields)[0] ?? message,
    );
  }
}
