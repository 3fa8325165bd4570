import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource, type EntityManager, IsNull, MoreThan } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  type AuthUser,
  DomainError,
  fieldError,
  ForbiddenError,
  type Locale,
  translate,
  UnauthenticatedError,
  UnavailableError,
} from '@scs/api/core';
import { AuditService } from '../audit/audit.service';
import { InvitationsService } from '../invitations/invitations.service';
import { Invitation } from '../invitations/invitation.entity';
import {
  invitationAdmits,
  invitationStatus,
  lockUsableInvitation,
  notForThisAddress,
} from '../invitations/invitation-records';
import { appLink, RESET_PASSWORD_PATH, resetPasswordLink, verifyEmailLink } from '../links';
import { MailService } from '../mail/mail.service';
import { accountExistsMail, passwordResetMail, verifyEmailMail } from '../mail/templates';
import { createFirm } from '../orgs/organisations';
import { UserAccount } from '../users/user-account.entity';
import { createUser, findUserByEmail } from '../users/users';
import { accessTokenOf, cookie, type IssuedSession, REFRESH_COOKIE } from './cookies';
import {
  admitPasswordCheck,
  burnPasswordCheck,
  hashPassword,
  randomToken,
  setPasswordHashConcurrency,
  sha256,
  verifyPassword,
} from './crypto';
import type {
  ChangePasswordDto,
  LoginDto,
  MeResponse,
  PasswordResetConfirmDto,
  RegisterDto,
  RegisterResponse,
} from './dto/auth.dto';
import { EmailVerification } from './email-verification.entity';
import { LoginBackoffService } from './login-backoff.service';
import { PasswordReset } from './password-reset.entity';
import { passwordProblemOf } from './password-rules';
import { type ClientMeta, SessionsService } from './sessions.service';
import { TokenService } from './tokens.service';

const RESET_TTL_MS = 60 * 60 * 1000;
const VERIFY_TTL_MS = 48 * 60 * 60 * 1000;

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
    private readonly backoff: LoginBackoffService,
  ) {
    if (config.argon2Concurrency) setPasswordHashConcurrency(config.argon2Concurrency);
  }

  /**
   * Answers the same whether or not the address has an account (no enumeration): a new address gets an unverified
   * account (with its firm, unless a colleague's invitation names the organisation) and a verification link; an address
   * with an account gets a "you already have an account" mail. Nobody is signed in: the verification link does that.
   * An invitation must be for this address (or its domain); it is accepted once the address is verified.
   */
  async register(dto: RegisterDto, client: ClientMeta, locale: Locale = 'en'): Promise<RegisterResponse> {
    await this.dataSource.transaction(async (m) => {
      const invitation = dto.invitationToken
        ? await lockUsableInvitation(m, dto.invitationToken, 'invitationToken')
        : null;
      if (invitation && !invitationAdmits(invitation, dto.email)) throw notForThisAddress(invitation);
      if (invitation) await this.invitations.assertAcceptable(m, invitation); // e.g. 410 once its campaign closed
      const needsFirm = invitation?.kind !== 'member';
      if (needsFirm && !dto.firmName) throw fieldError('firmName', 'validation.firmName.required');
      const problem = passwordProblemOf(dto.password, dto.email.trim().toLowerCase());
      if (problem) throw fieldError('password', problem.code, problem.params);
      const existing = await findUserByEmail(m, dto.email);
      if (existing) {
        await hashPassword(dto.password); // the same work as a new account, so timing tells nothing either
        await this.mail.enqueue(
          accountExistsMail(
            existing.email,
            appLink(this.config.publicUrl, '/login'),
            appLink(this.config.publicUrl, RESET_PASSWORD_PATH),
          ),
          m,
        );
        await this.audit.record(
          { action: 'auth.register_existing', actorUserId: null, target: `user:${existing.id}`, ip: client.ip },
          m,
        );
        return;
      }
      const user = await createUser(m, { email: dto.email, name: dto.name, password: dto.password });
      let orgId: string | null = null;
      if (needsFirm) {
        const firm = await createFirm(m, dto.firmName as string, user.id);
        await this.audit.record(
          {
            action: 'org.created',
            actorUserId: user.id,
            orgId: firm.id,
            target: `org:${firm.id}`,
            ip: client.ip,
            details: { kind: 'firm' },
          },
          m,
        );
        orgId = firm.id;
      }
      await this.sendVerification(m, user, invitation?.id ?? null);
      await this.audit.record(
        { action: 'auth.registered', actorUserId: user.id, orgId, target: `user:${user.id}`, ip: client.ip },
        m,
      );
    });
    return { message: translate('auth.registered', {}, locale) };
  }

  private async sendVerification(
    m: EntityManager,
    user: Pick<UserAccount, 'id' | 'email'>,
    invitationId: string | null,
  ): Promise<void> {
    const token = randomToken();
    await m.insert(EmailVerification, {
      tokenHash: sha256(token),
      userId: user.id,
      invitationId,
      expiresAt: new Date(Date.now() + VERIFY_TTL_MS),
    });
    await this.mail.enqueue(verifyEmailMail(user.email, verifyEmailLink(this.config.publicUrl, token)), m);
  }

  /**
   * Opens a verification link: marks the address verified, accepts the invitation it was registered with (if still
   * usable) and signs in. Single use; 400 when unknown, used or expired.
   */
  async verifyEmail(token: string, client: ClientMeta): Promise<SignedIn & { orgId: string | null }> {
    const { userId, orgId, session } = await this.dataSource.transaction(async (m) => {
      const v = await m.findOne(EmailVerification, {
        where: { tokenHash: sha256(token), usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!v) throw fieldError('token', 'errors.auth.verifyLinkInvalid');
      await m.update(EmailVerification, { tokenHash: v.tokenHash }, { usedAt: new Date() });
      const user = await m.findOneByOrFail(UserAccount, { id: v.userId });
      if (!user.emailVerifiedAt) await m.update(UserAccount, { id: user.id }, { emailVerifiedAt: new Date() });
      await this.audit.record(
        { action: 'auth.email_verified', actorUserId: user.id, target: `user:${user.id}`, ip: client.ip },
        m,
      );
      const owned: { org_id: string }[] = await m.query(
        `SELECT ms."org_id" FROM "membership" ms JOIN "organisation" o ON o."id" = ms."org_id" WHERE ms."user_id" = $1 AND ms."role" = 'owner' AND o."kind" = 'firm' ORDER BY ms."created_at" LIMIT 1`,
        [user.id],
      );
      let orgId: string | null = owned[0]?.org_id ?? null;
      const invitation = v.invitationId
        ? await m.findOne(Invitation, { where: { id: v.invitationId }, lock: { mode: 'pessimistic_write' } })
        : null;
      // An invitation that was withdrawn, used or closed meanwhile is skipped: the address is verified all the same.
      if (invitation && invitationStatus(invitation) === 'pending') {
        await m.query('SAVEPOINT "accept_invitation"');
        try {
          const accepted = await this.invitations.acceptLocked(m, invitation, user, orgId ?? undefined, client);
          await m.query('RELEASE SAVEPOINT "accept_invitation"');
          if (accepted.kind === 'member') orgId = accepted.orgId;
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          await m.query('ROLLBACK TO SAVEPOINT "accept_invitation"');
        }
      }
      return { userId: user.id, orgId, session: await this.sessions.start(user.id, client, m) };
    });
    return { session, user: await this.me(userId), orgId };
  }

  /** Signs in; `language` (the UI language the request named) is remembered for answers without Accept-Language. */
  async login(dto: LoginDto, client: ClientMeta, language?: Locale): Promise<SignedIn> {
    // Under a sign-in burst: refuse at once (no hash, the same for every address) when this password check would wait
    // longer than LOGIN_QUEUE_MAX_MS for a hashing slot; the client tries again after Retry-After.
    const admission = this.config.loginQueueMaxMs ? admitPasswordCheck(this.config.loginQueueMaxMs) : undefined;
    if (admission && !admission.admitted) {
      const seconds = admission.retryAfterSeconds;
      throw new UnavailableError(
        'errors.auth.busy',
        { seconds },
        { headers: { 'Retry-After': String(seconds) }, details: { retryAfterSeconds: seconds } },
      );
    }
    try {
      return await this.signIn(dto, client, language);
    } finally {
      admission?.done();
    }
  }

  private async signIn(dto: LoginDto, client: ClientMeta, language?: Locale): Promise<SignedIn> {
    await this.backoff.assertAllowed(dto.email, client.ip);
    const user = await findUserByEmail(this.dataSource.manager, dto.email);
    let ok = false;
    if (user) ok = await verifyPassword(user.passwordHash, dto.password);
    else await burnPasswordCheck(dto.password); // same time whether or not the account exists
    if (!user || !ok) {
      await this.backoff.failed(dto.email, client.ip);
      await this.audit.record({
        action: 'auth.login_failed',
        actorUserId: user?.id ?? null,
        ip: client.ip,
        details: { email: dto.email },
      });
      throw fieldError('password', 'errors.auth.loginFailed', {}, UnauthenticatedError);
    }
    await this.backoff.succeeded(dto.email, client.ip);
    if (language && user.language !== language)
      await this.dataSource.manager.update(UserAccount, { id: user.id }, { language });
    if (!user.emailVerifiedAt) {
      // Only someone with the password learns this; a fresh link goes to the address, not to them.
      await this.dataSource.transaction((m) => this.sendVerification(m, user, null));
      throw fieldError('email', 'errors.auth.notVerified', {}, ForbiddenError);
    }
    const session = await this.sessions.start(user.id, client);
    await this.audit.record({
      action: 'auth.login',
      actorUserId: user.id,
      target: `session:${session.sessionId}`,
      ip: client.ip,
    });
    return { session, user: await this.me(user.id) };
  }

  /**
   * Rotates the refresh token. Cookie-based refreshes need the CSRF header (checked by `csrf`). A token that was
   * already rotated away means a copy exists: the whole session (every token descended from the sign-in) ends.
   */
  async refresh(
    source: RefreshSource | null,
    csrf: (sessionId: string) => Promise<void>,
    client: ClientMeta = {},
  ): Promise<SignedIn> {
    const expired = () => new UnauthenticatedError('errors.auth.sessionExpired');
    if (!source) throw expired();
    const current = await this.sessions.byRefreshToken(source.token);
    if (!current) {
      await this.endIfReused(source.token, client);
      throw expired();
    }
    if (source.via === 'cookie') await csrf(current.id);
    const session = await this.sessions.rotate(source.token);
    if (!session) {
      await this.endIfReused(source.token, client); // rotated concurrently: two holders of one token
      throw expired();
    }
    return { session, user: await this.me(session.userId) };
  }

  private async endIfReused(refreshToken: string, client: ClientMeta): Promise<void> {
    const reused = await this.sessions.revokeFamilyOf(refreshToken);
    if (reused) {
      await this.audit.record({
        action: 'auth.refresh_reused',
        actorUserId: reused.userId,
        target: `session:${reused.sessionId}`,
        ip: client.ip,
      });
      throw new UnauthenticatedError('errors.auth.refreshReused');
    }
  }

  /** Ends the session named by the refresh token, or else by the access token (even an expired one). */
  async logout(
    req: Request,
    source: RefreshSource | null,
    csrf: (sessionId: string) => Promise<void>,
    client: ClientMeta,
  ): Promise<void> {
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
    await this.audit.record({
      action: 'auth.logout',
      actorUserId: userId ?? null,
      target: `session:${sessionId}`,
      ip: client.ip,
    });
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
      if (!user || !(await verifyPassword(user.passwordHash, dto.currentPassword)))
        throw fieldError('currentPassword', 'errors.auth.currentPasswordWrong');
      const problem = passwordProblemOf(dto.newPassword, user.email);
      if (problem) throw fieldError('newPassword', problem.code, problem.params);
      await m.update(
        UserAccount,
        { id: user.id },
        { passwordHash: await hashPassword(dto.newPassword), passwordChangedAt: new Date() },
      );
      await this.sessions.revokeAllOf(user.id, actor.sessionId, m);
      await this.audit.record(
        { action: 'auth.password_changed', actorUserId: user.id, target: `user:${user.id}`, ip: client.ip },
        m,
      );
    });
  }

  /** Always succeeds (no account enumeration); mails a one-hour link when the account exists. */
  async requestPasswordReset(email: string, client: ClientMeta): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const user = await findUserByEmail(m, email);
      if (!user) return;
      const token = randomToken();
      await m.delete(PasswordReset, { userId: user.id, usedAt: IsNull() }); // only the newest link works
      await m.insert(PasswordReset, {
        tokenHash: sha256(token),
        userId: user.id,
        expiresAt: new Date(Date.now() + RESET_TTL_MS),
      });
      await this.mail.enqueue(passwordResetMail(user.email, resetPasswordLink(this.config.publicUrl, token)), m);
      await this.audit.record(
        { action: 'auth.password_reset_requested', actorUserId: null, target: `user:${user.id}`, ip: client.ip },
        m,
      );
    });
  }

  /** Sets a new password from a reset link (single use) and ends every session of the user. */
  async confirmPasswordReset(dto: PasswordResetConfirmDto, client: ClientMeta): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const reset = await m.findOne(PasswordReset, {
        where: { tokenHash: sha256(dto.token), usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!reset) throw fieldError('token', 'errors.auth.resetLinkInvalid');
      const user = await m.findOneByOrFail(UserAccount, { id: reset.userId });
      const problem = passwordProblemOf(dto.password, user.email);
      if (problem) throw fieldError('password', problem.code, problem.params);
      await m.update(
        UserAccount,
        { id: user.id },
        { passwordHash: await hashPassword(dto.password), passwordChangedAt: new Date() },
      );
      await m.update(PasswordReset, { tokenHash: reset.tokenHash }, { usedAt: new Date() });
      // The link reached the address: it is verified, and no throttle or backoff keeps its owner out any longer.
      if (!user.emailVerifiedAt) await m.update(UserAccount, { id: user.id }, { emailVerifiedAt: new Date() });
      await this.backoff.forgetAccount(user.email, m);
      await this.sessions.revokeAllOf(user.id, null, m);
      await this.audit.record(
        { action: 'auth.password_reset', actorUserId: user.id, target: `user:${user.id}`, ip: client.ip },
        m,
      );
    });
  }
}
