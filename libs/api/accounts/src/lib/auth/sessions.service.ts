import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, Not, type EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  type AuthUser,
  type OrgKind,
  type OrgRoleName,
  isLocale,
  returnedRows,
} from '@scs/api/core';
import type { MembershipInfo } from '../orgs/memberships.service';
import type { IssuedSession } from './cookies';
import { randomToken, sha256 } from './crypto';
import { RetiredRefreshToken } from './retired-refresh-token.entity';
import { Session } from './session.entity';
import { SessionCache } from './session-cache';
import { TokenService } from './tokens.service';

export interface ClientMeta {
  ip?: string | null;
  userAgent?: string | null;
}

/** Sessions: one row per sign-in, holding the hash of the current refresh token. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly cache: SessionCache,
  ) {}

  private expiry(): Date {
    return new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
  }

  async start(
    userId: string,
    client: ClientMeta,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IssuedSession & { sessionId: string }> {
    const refreshToken = randomToken();
    const result = await manager.insert(Session, {
      userId,
      refreshTokenHash: sha256(refreshToken),
      expiresAt: this.expiry(),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip ?? null,
    });
    const sessionId = (result.identifiers[0] as { id: string }).id;
    return { sessionId, ...(await this.issue(userId, sessionId, refreshToken)) };
  }

  /**
   * Swaps a valid refresh token for a new one (the old one stops working and is remembered as retired, for reuse
   * detection) and extends the session.
   */
  async rotate(refreshToken: string): Promise<(IssuedSession & { sessionId: string; userId: string }) | null> {
    const next = randomToken();
    const row = await this.dataSource.transaction(async (m) => {
      const rows: unknown = await m.query(
        `UPDATE "session" SET "refresh_token_hash" = $1, "expires_at" = $2
          WHERE "refresh_token_hash" = $3 AND "revoked_at" IS NULL AND "expires_at" > now()
          RETURNING "id", "user_id"`,
        [sha256(next), this.expiry(), sha256(refreshToken)],
      );
      const updated = returnedRows<{ id: string; user_id: string }>(rows)[0];
      if (updated) await m.insert(RetiredRefreshToken, { tokenHash: sha256(refreshToken), sessionId: updated.id });
      return updated;
    });
    if (!row) return null;
    return { sessionId: row.id, userId: row.user_id, ...(await this.issue(row.user_id, row.id, next)) };
  }

  /** When `refreshToken` was rotated away earlier: ends its session (the whole family) and names it; else null. */
  async revokeFamilyOf(refreshToken: string): Promise<{ sessionId: string; userId: string } | null> {
    const rows: { id: string; user_id: string }[] = await this.dataSource.query(
      `UPDATE "session" s SET "revoked_at" = COALESCE(s."revoked_at", now())
         FROM "retired_refresh_token" r WHERE r."token_hash" = $1 AND r."session_id" = s."id"
       RETURNING s."id", s."user_id"`,
      [sha256(refreshToken)],
    );
    const row = returnedRows<{ id: string; user_id: string }>(rows)[0];
    if (row) this.cache.forgetSession(row.id);
    return row ? { sessionId: row.id, userId: row.user_id } : null;
  }

  private async issue(userId: string, sessionId: string, refreshToken: string): Promise<IssuedSession> {
    return {
      accessToken: await this.tokens.signAccess({ sub: userId, sid: sessionId }),
      refreshToken,
      csrfToken: await this.tokens.csrfToken(sessionId),
      expiresIn: this.config.accessTokenTtlSeconds,
    };
  }

  /** The session of a refresh token, if it is still valid. */
  async byRefreshToken(refreshToken: string): Promise<Session | null> {
    return this.dataSource.manager.findOne(Session, {
      where: { refreshTokenHash: sha256(refreshToken), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
  }

  async revoke(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(Session, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    // At once for this process (the trigger's notification follows at commit, also for the other processes).
    this.cache.forgetSession(sessionId);
  }

  /** Ends every session of a user, except `keep` (the one changing the password). */
  async revokeAllOf(
    userId: string,
    keep: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(
      Session,
      keep ? { userId, revokedAt: IsNull(), id: Not(keep) } : { userId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    this.cache.forgetUser(userId);
  }

  /**
   * The user behind an access token's session, or null when the session was revoked, expired or never existed. Served
   * from the per-process SessionCache when it remembers the session (invalidated on every revocation, see there).
   */
  async activeUser(sessionId: string, userId: string): Promise<AuthUser | null> {
    const cached = this.cache.session(sessionId, userId);
    if (cached) return cached;
    const generation = this.cache.begin();
    const rows: (UserRow & { expires_at: Date })[] = await this.dataSource.query(
      `SELECT u."id", u."email", u."name", u."platform_admin", u."language", s."expires_at"
         FROM "session" s JOIN "user_account" u ON u."id" = s."user_id"
        WHERE s."id" = $1 AND s."user_id" = $2 AND s."revoked_at" IS NULL AND s."expires_at" > now()`,
      [sessionId, userId],
    );
    const u = rows[0];
    if (!u) return null;
    const user = authUser(u, sessionId);
    this.cache.fillSession(generation, user, u.expires_at);
    return user;
  }

  /**
   * activeUser and the user's membership of `orgId` in one round trip (the guard's path for every organisation and
   * resource route), or none when SessionCache remembers both; `membership` is null when the user does not belong to
   * the organisation.
   */
  async activeUserIn(
    sessionId: string,
    userId: string,
    orgId: string,
  ): Promise<{ user: AuthUser; membership: MembershipInfo | null } | null> {
    const cachedUser = this.cache.session(sessionId, userId);
    const cachedMembership = cachedUser && this.cache.membership(userId, orgId);
    if (cachedUser && cachedMembership) return { user: cachedUser, membership: cachedMembership };
    const generation = this.cache.begin();
    const rows: (UserRow & { expires_at: Date; role: OrgRoleName | null; kind: OrgKind | null })[] =
      await this.dataSource.query(
        `SELECT u."id", u."email", u."name", u."platform_admin", u."language", s."expires_at", m."role", o."kind"
         FROM "session" s JOIN "user_account" u ON u."id" = s."user_id"
         LEFT JOIN "membership" m ON m."user_id" = u."id" AND m."org_id" = $3
         LEFT JOIN "organisation" o ON o."id" = m."org_id"
        WHERE s."id" = $1 AND s."user_id" = $2 AND s."revoked_at" IS NULL AND s."expires_at" > now()`,
        [sessionId, userId, orgId],
      );
    const u = rows[0];
    if (!u) return null;
    const user = authUser(u, sessionId);
    const membership = u.role && u.kind ? { role: u.role, kind: u.kind } : null;
    this.cache.fillSession(generation, user, u.expires_at);
    if (membership) this.cache.fillMembership(generation, userId, orgId, membership);
    return { user, membership };
  }
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  platform_admin: boolean;
  language: string | null;
}

function authUser(u: UserRow, sessionId: string): AuthUser {
  const user: AuthUser = { id: u.id, email: u.email, name: u.name, platformAdmin: u.platform_admin, sessionId };
  return isLocale(u.language) ? { ...user, locale: u.language } : user;
}
