import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, appSecret } from '@scs/api/core';
import { hmac } from './crypto';

export interface AccessClaims {
  /** user id */
  sub: string;
  /** session id */
  sid: string;
}

const AUDIENCE = 'scs-api';
const SECRET_NAME = 'jwt_signing_key';
/** Verified tokens and CSRF tokens remembered per process (oldest out first); a few hundred bytes each. */
const REMEMBERED_MAX = 20_000;

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= REMEMBERED_MAX) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

/** Signs and verifies access tokens and derives the per-session CSRF token. */
@Injectable()
export class TokenService {
  private secret?: Promise<string>;
  /**
   * Tokens whose signature and audience were verified, with their expiry: a token is immutable, so checking it again
   * on every request only repeats the HMAC (jsonwebtoken also builds a key object per call: about 8 % of an
   * autosave's CPU in the profile, docs/performance.md). The expiry is still checked on every use.
   */
  private readonly verified = new Map<string, AccessClaims & { expiresAtMs: number }>();
  /** The CSRF token per session (an HMAC of the session id, so fixed for the session). */
  private readonly csrfTokens = new Map<string, string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
  ) {}

  /** JWT_SECRET, or else a random key generated once and kept in app_secret so every replica signs alike. */
  signingSecret(): Promise<string> {
    this.secret ??= this.config.jwtSecret ? Promise.resolve(this.config.jwtSecret) : this.loadOrCreateSecret();
    this.secret.catch(() => (this.secret = undefined)); // retry after a database hiccup
    return this.secret;
  }

  private async loadOrCreateSecret(): Promise<string> {
    const secret = await appSecret(this.dataSource, SECRET_NAME, () => randomBytes(48).toString('base64url'));
    if (!secret) throw new Error(`app_secret ${SECRET_NAME} could not be stored`);
    return secret;
  }

  async signAccess(claims: AccessClaims): Promise<string> {
    return this.jwt.signAsync(
      { sub: claims.sub, sid: claims.sid },
      {
        secret: await this.signingSecret(),
        algorithm: 'HS256',
        expiresIn: this.config.accessTokenTtlSeconds,
        audience: AUDIENCE,
      },
    );
  }

  /** The claims of a valid token, or null (bad signature, expired, malformed). */
  async verifyAccess(token: string, options: { ignoreExpiration?: boolean } = {}): Promise<AccessClaims | null> {
    const known = this.verified.get(token);
    if (known && (options.ignoreExpiration || known.expiresAtMs > Date.now()))
      return { sub: known.sub, sid: known.sid };
    try {
      const payload = await this.jwt.verifyAsync<Partial<AccessClaims> & { exp?: number }>(token, {
        secret: await this.signingSecret(),
        algorithms: ['HS256'],
        audience: AUDIENCE,
        ignoreExpiration: options.ignoreExpiration ?? false,
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
      const claims = { sub: payload.sub, sid: payload.sid };
      if (typeof payload.exp === 'number' && payload.exp * 1000 > Date.now())
        remember(this.verified, token, { ...claims, expiresAtMs: payload.exp * 1000 });
      return claims;
    } catch {
      return null;
    }
  }

  /** Double-submit CSRF token bound to the session (so a cookie planted by another site cannot match). */
  async csrfToken(sessionId: string): Promise<string> {
    const known = this.csrfTokens.get(sessionId);
    if (known) return known;
    const token = hmac(await this.signingSecret(), `xsrf:${sessionId}`);
    remember(this.csrfTokens, sessionId, token);
    return token;
  }
}
