import { BadRequestException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { APP_CONFIG, type AppConfig, type AuthUser, fieldError } from '@scs/api/core';
import { AuditService } from '../audit/audit.service';
import { InvitationsService } from '../invitations/invitations.service';
import { lockUsableInvitation } from '../invitations/invitation-records';
import { resetPasswordLink } from '../links';
import { MailService } from '../mail/mail.service';
import { passwordResetMail } from '../mail/templates';
import { createFirm } from '../orgs/organisations';
import { UserAccount } from '../users/user-account.entity';
import { createUser, findUserByEmail } from '../users/users';
import { accessTokenOf, cookie, type IssuedSession, REFRESH_COOKIE } from './cookies';
import { burnPasswordCheck, hashPassword, randomToken, sha256, verifyPassword } from './crypto';
import type { ChangePasswordDto, LoginDto, MeResponse, PasswordResetConfirmDto, RegisterDto } from './dto/auth.dto';
import { PasswordReset } from './password-reset.entity';
import { passwordProblem } from './password-rules';
import { type ClientMeta, SessionsService } from './sessions.service';
import { TokenService } from './tokens.service';

export const LOGIN_FAILED = 'Email or password is incorrect';
const RESET_TTL_MS = 60 * 60 * 1000;

export interface SignedIn {
  session: IssuedSession;
  user: MeResponse;
}

/** Where a refresh/logout request's credentials came from: API clients send the body, the web app the cookie. */
export interface RefreshSource {
  token: string;
  via: 'body' | 'cookie';
}

export function refreshSourceOf(req: Request, bodyToken: string | undefined): RefreshSource | null {
  if (bodyToken) return { token: bodyToken, via: 'body' };
  const fromCookie = cookie(req, REFRESH_COOKIE);
  return fromCookie ? { token: fromCookie, via: 'cookie' } : null;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly tokens: TokenService,
    private readonly invitations: InvitationsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Creates the user and, in the same transaction, either a firm (owner, profile version 1) or — with a colleague's
   * invitation — the membership in the inviting organisation. A chamber invitation creates the firm and joins it to the chamber.
   */
  async register(dto: RegisterDto, client: ClientMeta): Promise<SignedIn & { orgId: string }> {
    const { userId, orgId, session } = await this.dataSource.transaction(async (m) => {
      const invitation = dto.invitationToken ? await lockUsableInvitation(m, dto.invitationToken, 'invitationToken') : null;
      if (invitation?.kind === 'member' && invitation.email !== dto.email) {
        throw fieldError('email', `This invitation was sent to ${invitation.email}; register with that address`);
      }
      const needsFirm = invitation?.kind !== 'member';
      if (needsFirm && !dto.firmName) throw fieldError('firmName', 'Enter the firm\'s name');
      const user = await createUser(m, { email: dto.email, name: dto.name, password: dto.password });
      let orgId: string;
      if (needsFirm) {
        const firm = await createFirm(m, dto.firmName as string, user.id);
        await this.audit.record({ action: 'org.created', actorUserId: user.id, orgId: firm.id, target: `org:${firm.id}`, ip: client.ip, details: { kind: 'firm' } }, m);
        orgId = firm.id;
        if (invitation) await this.invitations.acceptLocked(m, invitation, user, firm.id, client);
      } else {
        orgId = (await this.invitations.acceptLocked(m, invitation, user, undefined, client)).orgId;
      }
      await this.audit.record({ action: 'auth.registered', actorUserId: user.id, orgId, target: `user:${user.id}`, ip: client.ip }, m);
      return { userId: user.id, orgId, session: await this.sessions.start(user.id, client, m) };
    });
    return { session, user: await this.me(userId), orgId };
  }

  async login(dto: LoginDto, client: ClientMeta): Promise<SignedIn> {
    const user = await findUserByEmail(this.dataSource.manager, dto.email);
    let ok = false;
    if (user) ok = await verifyPassword(user.passwordHash, dto.password);
    else await burnPasswordCheck(dto.password); // same time whether or not the account exists
    if (!user || !ok) {
      await this.audit.record({ action: 'auth.login_failed', actorUserId: user?.id ?? null, ip: client.ip, details: { email: dto.email } });
      throw new UnauthorizedException({ message: LOGIN_FAILED, errors: { password: LOGIN_FAILED } });
    }
    const session = await this.sessions.start(user.id, client);
    await this.audit.record({ action: 'auth.login', actorUserId: user.id, target: `session:${session.sessionId}`, ip: client.ip });
    return { session, user: await this.me(user.id) };
  }

  /** Rotates the refresh token. Cookie-based refreshes need the CSRF header (checked by `csrf`). */
  async refresh(source: RefreshSource | null, csrf: (sessionId: string) => Promise<void>): Promise<SignedIn> {
    const expired = () => new UnauthorizedException('Session expired; sign in again');
    if (!source) throw expired();
    const current = await this.sessions.byRefreshToken(source.token);
    if (!current) throw expired();
    if (source.via === 'cookie') await csrf(current.id);
    const session = await this.sessions.rotate(source.token);
    if (!session) throw expired(); // rotated concurrently
    return { session, user: await this.me(session.userId) };
  }

  /** Ends the session named by the refresh token, or else by the access token (even an expired one). */
  async logout(req: Request, source: RefreshSource | null, csrf: (sessionId: string) => Promise<void>, client: ClientMeta): Promise<void> {
    let sessionId: string | undefined;
    let userId: string | undefined;
    let viaCookie = false;
    if (source) {
      const s = await this.sessions.byRefreshToken(source.token);
      sessionId = s?.id;
      userId = s?.userId;
      viaCookie = source.via === 'cookie';
    }
    if (!sessionId) {
      const access = accessTokenOf(req);
      if (access && !('malformed' in access)) {
        const claims = await this.tokens.verifyAccess(access.token, { ignoreExpiration: true });
        sessionId = claims?.sid;
        userId = claims?.sub;
        viaCookie = access.via === 'cookie';
      }
    }
    if (!sessionId) return; // nothing to end; clearing the cookies is all that is left
    if (viaCookie) await csrf(sessionId);
    await this.sessions.revoke(sessionId);
    await this.audit.record({ action: 'auth.logout', actorUserId: userId ?? null, target: `session:${sessionId}`, ip: client.ip });
  }

  async me(userId: string): Promise<MeResponse> {
    const user = await this.dataSource.manager.findOneByOrFail(UserAccount, { id: userId });
    const memberships: MeResponse['memberships'] = await this.dataSource.query(
      `SELECT o."id" AS "orgId", o."kind", o."name" AS "orgName", m."role" FROM "membership" m JOIN "organisation" o ON o."id" = m."org_id"
        WHERE m."user_id" = $1 ORDER BY o."kind", o."name"`,
      [userId],
    );
    return { id: user.id, email: user.email, name: user.name, platformAdmin: user.platformAdmin, memberships };
  }

  /** Changes the password and ends every other session of the user. */
  async changePassword(actor: AuthUser, dto: ChangePasswordDto, client: ClientMeta): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(UserAccount, { where: { id: actor.id }, lock: { mode: 'pessimistic_write' } });
      if (!user || !(await verifyPassword(user.passwordHash, dto.currentPassword))) throw fieldError('currentPassword', 'The current password is not correct');
      const problem = passwordProblem(dto.newPassword, user.email);
      if (problem) throw fieldError('newPassword', problem);
      await m.update(UserAccount, { id: user.id }, { passwordHash: await hashPassword(dto.newPassword), passwordChangedAt: new Date() });
      await this.sessions.revokeAllOf(user.id, actor.sessionId, m);
      await this.audit.record({ action: 'auth.password_changed', actorUserId: user.id, target: `user:${user.id}`, ip: client.ip }, m);
    });
  }

  /** Always succeeds (no account enumeration); mails a one-hour link when the account exists. */
  async requestPasswordReset(email: string, client: ClientMeta): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const user = await findUserByEmail(m, email);
      if (!user) return;
      const token = randomToken();
      await m.delete(PasswordReset, { userId: user.id, usedAt: IsNull() }); // only the newest link works
      await m.insert(PasswordReset, { tokenHash: sha256(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_TTL_MS) });
      await this.mail.enqueue(passwordResetMail(user.email, resetPasswordLink(this.config.publicUrl, token)), m);
      await this.audit.record({ action: 'auth.password_reset_requested', actorUserId: null, target: `user:${user.id}`, ip: client.ip }, m);
    });
  }

  /** Sets a new password from a reset link (single use) and ends every session of the user. */
  async confirmPasswordReset(dto: PasswordResetConfirmDto, client: ClientMeta): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const reset = await m.findOne(PasswordReset, {
        where: { tokenHash: sha256(dto.token), usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!reset) throw new BadRequestException({ message: 'This reset link is invalid or has expired', errors: { token: 'This reset link is invalid or has expired' } });
      const user = await m.findOneByOrFail(UserAccount, { id: reset.userId });
      const problem = passwordProblem(dto.password, user.email);
      if (problem) throw fieldError('password', problem);
      await m.update(UserAccount, { id: user.id }, { passwordHash: await hashPassword(dto.password), passwordChangedAt: new Date() });
      await m.update(PasswordReset, { tokenHash: reset.tokenHash }, { usedAt: new Date() });
      await this.sessions.revokeAllOf(user.id, null, m);
      await this.audit.record({ action: 'auth.password_reset', actorUserId: user.id, target: `user:${user.id}`, ip: client.ip }, m);
    });
  }
}
