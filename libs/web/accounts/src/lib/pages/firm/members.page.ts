import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeError, LanguageService, type OrgRole, SessionService } from '@scs/web/core';
import { ErrorBoxComponent, LoadingComponent, LocalDatePipe } from '@scs/web/ui';
import { AccountsApi } from '../../data/accounts.api';
import type { InvitationView, MemberView } from '../../data/accounts.types';
import { applyServerErrors, serverError } from '../../data/form-errors';
import { firmContext, isManager } from './firm-context';

/** The firm's team: roles, removal, leaving, invitations (send, withdraw). */
@Component({
  selector: 'scs-members-page',
  imports: [
    TranslocoDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorBoxComponent,
    LoadingComponent,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    table {
      width: 100%;
      border-collapse: collapse;
      background: #fff;
      border: 1px solid #dde1e7;
    }
    th,
    td {
      text-align: left;
      padding: 8px 12px;
      border-bottom: 1px solid #eceff3;
    }
    td.actions {
      text-align: right;
      white-space: nowrap;
    }
    td.email {
      overflow-wrap: anywhere;
    }
    @media (max-width: 600px) {
      th,
      td {
        padding: 8px 6px;
      }
      .role-select {
        width: 120px;
      }
    }
    .role-select {
      width: 160px;
    }
    section {
      margin-top: 24px;
    }
    .invite {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      align-items: baseline;
      background: #fff;
      border: 1px solid #dde1e7;
      border-radius: 8px;
      padding: 16px;
    }
    .invite mat-form-field {
      min-width: 240px;
    }
    .notice {
      padding: 12px 16px;
      border-radius: 8px;
      background: #eef6ee;
      border: 1px solid #b5d8b5;
      word-break: break-all;
    }
    .pending {
      list-style: none;
      padding: 0;
    }
    .pending li {
      display: flex;
      gap: 12px;
      align-items: center;
      padding: 6px 0;
    }
    .muted {
      color: #555;
    }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'accounts'">
      <h2>{{ t('members.title') }}</h2>
      <p class="muted">{{ t('members.roleHelp') }}</p>
      @if (error(); as message) {
        <scs-error-box [message]="message" />
      }
      @if (members() === null) {
        <scs-loading [label]="t('common.loading')" />
      } @else {
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th>{{ t('members.name') }}</th>
                <th>{{ t('common.email') }}</th>
                <th>{{ t('members.role') }}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              @for (m of members(); track m.userId) {
                <tr data-testid="member">
                  <td>
                    {{ m.name }}
                    @if (m.userId === me()) {
                      <span class="muted">({{ t('common.you') }})</span>
                    }
                  </td>
                  <td class="email">{{ m.email }}</td>
                  <td>
                    @if (canManage() && m.userId !== me() && (myRole() === 'owner' || m.role !== 'owner')) {
                      <mat-select
                        class="role-select"
                        [value]="m.role"
                        (selectionChange)="changeRole(m, $event.value)"
                        [attr.aria-label]="t('members.role')"
                      >
                        @for (r of assignable(); track r) {
                          <mat-option [value]="r">{{ t('roles.' + r) }}</mat-option>
                        }
                      </mat-select>
                    } @else {
                      {{ t('roles.' + m.role) }}
                    }
                  </td>
                  <td class="actions">
                    @if (confirming() === m.userId) {
                      <span>{{
                        m.userId === me() ? t('members.confirmLeave') : t('members.confirmRemove', { name: m.name })
                      }}</span>
                      <button mat-button type="button" (click)="remove(m)">{{ t('common.confirm') }}</button>
                      <button mat-button type="button" (click)="confirming.set(null)">{{ t('common.cancel') }}</button>
                    } @else if (m.userId === me()) {
                      <button mat-stroked-button type="button" (click)="confirming.set(m.userId)">
                        {{ t('members.leave') }}
                      </button>
                    } @else if (canManage() && (myRole() === 'owner' || m.role !== 'owner')) {
                      <button mat-stroked-button type="button" (click)="confirming.set(m.userId)">
                        {{ t('members.remove') }}
                      </button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>

        @if (canManage()) {
          <section>
            <h3>{{ t('members.invite') }}</h3>
            @if (invited(); as i) {
              <p class="notice" role="status">
                {{ t('members.invited', { email: i.email }) }} <code>{{ i.link }}</code>
              </p>
            }
            <form class="invite" [formGroup]="invite" (ngSubmit)="sendInvite()" novalidate>
              <mat-form-field>
                <mat-label>{{ t('members.inviteEmail') }}</mat-label>
                <input matInput type="email" formControlName="email" required />
                <mat-error>{{ err(invite.controls.email) ?? t('common.invalidEmail') }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ t('members.inviteRole') }}</mat-label>
                <mat-select formControlName="role">
                  @for (r of assignable(); track r) {
                    <mat-option [value]="r">{{ t('roles.' + r) }}</mat-option>
                  }
                </mat-select>
                <mat-error>{{ err(invite.controls.role) }}</mat-error>
              </mat-form-field>
              <button mat-flat-button type="submit" [disabled]="busy()">{{ t('members.inviteSubmit') }}</button>
            </form>
          </section>
          <section>
            <h3>{{ t('members.pending') }}</h3>
            @if (pending().length === 0) {
              <p class="muted">{{ t('members.noPending') }}</p>
            }
            <ul class="pending">
              @for (i of pending(); track i.id) {
                <li data-testid="pending">
                  <span
                    >{{ i.email }} · {{ t('roles.' + i.role) }} ·
                    {{ t('members.expires', { date: (i.expiresAt | scsDate: lang()) }) }}</span
                  >
                  <button mat-button type="button" (click)="revoke(i)">{{ t('members.revoke') }}</button>
                </li>
              }
            </ul>
          </section>
        }
      }
    </ng-container>
  `,
})
export class MembersPage {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  protected readonly lang = inject(LanguageService).current;
  private readonly firm = firmContext();
  private readonly orgId = computed(() => {
    const f = this.firm();
    return f.state === 'firm' ? f.orgId : null;
  });
  protected readonly me = computed(() => {
    const f = this.firm();
    return f.state === 'firm' ? f.userId : null;
  });
  protected readonly myRole = computed<OrgRole | null>(() => {
    const f = this.firm();
    return f.state === 'firm' ? f.role : null;
  });
  protected readonly canManage = computed(() => {
    const role = this.myRole();
    return role !== null && isManager(role);
  });
  /** Owners may hand out every role; admins everything but owner. */
  protected readonly assignable = computed<OrgRole[]>(() =>
    this.myRole() === 'owner' ? ['owner', 'admin', 'member'] : ['admin', 'member'],
  );

  protected readonly members = signal<MemberView[] | null>(null);
  protected readonly invitations = signal<InvitationView[]>([]);
  protected readonly pending = computed(() =>
    this.invitations().filter((i) => i.status === 'pending' && i.kind === 'member'),
  );
  protected readonly confirming = signal<string | null>(null);
  protected readonly invited = signal<InvitationView | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly err = serverError;
  protected readonly invite = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    role: ['member', Validators.required],
  });

  constructor() {
    effect(() => {
      const orgId = this.orgId();
      if (orgId) void this.load(orgId, this.canManage());
    });
  }

  private async load(orgId: string, withInvitations: boolean): Promise<void> {
    try {
      this.members.set(await this.api.members(orgId));
      this.invitations.set(withInvitations ? await this.api.invitations(orgId) : []);
    } catch (e) {
      this.error.set(describeError(e).message);
    }
  }

  private async run(action: (orgId: string) => Promise<unknown>): Promise<boolean> {
    const orgId = this.orgId();
    if (!orgId) return false;
    this.busy.set(true);
    this.error.set(null);
    try {
      await action(orgId);
      await this.load(orgId, this.canManage());
      return true;
    } catch (e) {
      this.error.set(describeError(e).message);
      await this.load(orgId, this.canManage()); // show the real state again (e.g. a role select that was refused)
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  protected changeRole(m: MemberView, role: OrgRole): Promise<boolean> {
    return this.run((orgId) => this.api.changeRole(orgId, m.userId, role));
  }

  protected async remove(m: MemberView): Promise<void> {
    this.confirming.set(null);
    const self = m.userId === this.me();
    const ok = await this.run((orgId) => this.api.removeMember(orgId, m.userId));
    if (ok && self) {
      await this.session.load();
      await this.router.navigateByUrl('/orgs');
    }
  }

  protected revoke(i: InvitationView): Promise<boolean> {
    return this.run((orgId) => this.api.revokeInvitation(orgId, i.id));
  }

  protected async sendInvite(): Promise<void> {
    const orgId = this.orgId();
    if (!orgId || this.busy()) return; // a double click sends one invitation
    if (this.invite.invalid) {
      this.invite.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.invited.set(null);
    try {
      const { email, role } = this.invite.getRawValue();
      this.invited.set(await this.api.invite(orgId, email, role));
      this.invite.reset({ email: '', role: 'member' });
      await this.load(orgId, true);
    } catch (e) {
      const { message, fields } = describeError(e);
      if (applyServerErrors(this.invite, fields).length > 0 || Object.keys(fields).length === 0)
        this.error.set(message);
    } finally {
      this.busy.set(false);
    }
  }
}
