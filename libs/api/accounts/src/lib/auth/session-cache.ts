import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig, type AuthUser, DATABASE_URL } from '@scs/api/core';
import type { MembershipInfo } from '../orgs/memberships.service';

/** The channel the database triggers of migration AuthCacheNotify notify on (payloads: see `forget`). */
export const AUTH_CACHE_CHANNEL = 'scs_auth_cache';
/** How long an entry is trusted at most, even without any notification. */
const TTL_MS = 60_000;
/** Sessions and memberships remembered per process (oldest out first); a few hundred bytes each. */
const MAX_ENTRIES = 50_000;
const RECONNECT_MS = 1_000;

interface SessionEntry {
  user: AuthUser;
  /** min(session expiry, fill time + TTL) */
  validUntil: number;
}
interface MembershipEntry {
  membership: MembershipInfo;
  validUntil: number;
}

/**
 * Per-process cache of the access guard's lookups: an active session with its user, and a user's membership (role and
 * organisation kind) in an organisation. Only positive answers are kept. Every change that could make an entry wrong
 * removes it, in every API process:
 * - database triggers (migration AuthCacheNotify) send `pg_notify('scs_auth_cache', …)` when a session is revoked,
 *   shortened or deleted (`s:<session>`), a user row changes or goes (`u:<user>`), a membership changes or goes
 *   (`m:<user>:<org>`), or an organisation changes kind or goes (`o:<org>`); the notification arrives with the commit,
 *   whichever process or tool (admin CLI, SQL) made the change. Each process LISTENs on its own connection.
 * - the process that makes the change also forgets at once, without waiting for its own notification
 *   (SessionsService, MembersService), so the next request of the same client never sees the old state.
 * While the listening connection is down (start-up, database restart) nothing is served from or stored in the cache,
 * and everything is dropped when it reconnects, so a missed notification cannot leave a stale entry. A lookup that
 * overlapped any invalidation is not stored (the generation check in `fill`). Entries live at most 60 s.
 */
@Injectable()
export class SessionCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionCache.name);
  private readonly sessions = new Map<string, SessionEntry>();
  private readonly memberships = new Map<string, MembershipEntry>();
  private client?: Client;
  private listening = false;
  private closed = false;
  private timer?: NodeJS.Timeout;
  /** Incremented on every invalidation; a lookup that started under another generation is not stored. */
  private generation = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {}

  onModuleInit(): void {
    // Only processes that answer HTTP requests use the guard; workers and the admin CLI do not listen.
    if (this.config.role !== 'worker') void this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.listening = false;
    await this.client?.end().catch(() => undefined);
  }

  /** Whether entries are served (the listening connection is up). */
  get active(): boolean {
    return this.listening;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'scs-auth-cache' });
    this.client = client;
    const down = (why: string) => {
      if (this.client !== client) return;
      this.client = undefined;
      if (this.listening) this.logger.warn(`Session cache off until the database is back (${why})`);
      this.listening = false;
      this.clear();
      client.end().catch(() => undefined);
      if (!this.closed) this.timer = setTimeout(() => void this.listen(), RECONNECT_MS);
    };
    client.on('error', (e) => down(e.message));
    client.on('end', () => down('connection ended'));
    client.on('notification', (n) => {
      if (n.channel === AUTH_CACHE_CHANNEL && n.payload) this.forget(n.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CACHE_CHANNEL}`);
      if (this.client !== client) return;
      this.clear();
      this.listening = true;
    } catch (e) {
      down((e as Error).message);
    }
  }

  /** The generation to pass to `fillSession`/`fillMembership` for a lookup that starts now. */
  begin(): number {
    return this.generation;
  }

  session(sessionId: string, userId: string): AuthUser | undefined {
    if (!this.listening) return undefined;
    const e = this.sessions.get(sessionId);
    if (!e) return undefined;
    if (e.validUntil <= Date.now() || e.user.id !== userId) {
      this.sessions.delete(sessionId);
      return undefined;
    }
    return e.user;
  }

  membership(userId: string, orgId: string): MembershipInfo | undefined {
    if (!this.listening) return undefined;
    const key = `${userId}:${orgId}`;
    const e = this.memberships.get(key);
    if (!e) return undefined;
    if (e.validUntil <= Date.now()) {
      this.memberships.delete(key);
      return undefined;
    }
    return e.membership;
  }

  fillSession(generation: number, user: AuthUser, sessionExpiresAt: Date): void {
    if (!this.listening || generation !== this.generation) return;
    const validUntil = Math.min(sessionExpiresAt.getTime(), Date.now() + TTL_MS);
    bounded(this.sessions, user.sessionId, { user, validUntil });
  }

  fillMembership(generation: number, userId: string, orgId: string, membership: MembershipInfo): void {
    if (!this.listening || generation !== this.generation) return;
    bounded(this.memberships, `${userId}:${orgId}`, { membership, validUntil: Date.now() + TTL_MS });
  }

  forgetSession(sessionId: string): void {
    this.forget(`s:${sessionId}`);
  }

  forgetUser(userId: string): void {
    this.forget(`u:${userId}`);
  }

  forgetMembership(userId: string, orgId: string): void {
    this.forget(`m:${userId}:${orgId}`);
  }

  /** Applies one invalidation: `s:<session>`, `u:<user>`, `m:<user>:<org>` or `o:<org>`; anything else clears all. */
  forget(payload: string): void {
    this.generation++;
    const [kind, a, b] = payload.split(':');
    if (kind === 's' && a) this.sessions.delete(a);
    else if (kind === 'u' && a) {
      for (const [k, e] of this.sessions) if (e.user.id === a) this.sessions.delete(k);
      for (const k of this.memberships.keys()) if (k.startsWith(`${a}:`)) this.memberships.delete(k);
    } else if (kind === 'm' && a && b) this.memberships.delete(`${a}:${b}`);
    else if (kind === 'o' && a) {
      for (const k of this.memberships.keys()) if (k.endsWith(`:${a}`)) this.memberships.delete(k);
    } else this.clear();
  }

  private clear(): void {
    this.generation++;
    this.sessions.clear();
    this.memberships.clear();
  }
}

function bounded<V>(map: Map<string, V>, key: string, value: V): void {
  if (!map.has(key) && map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string);
  map.set(key, value);
}
