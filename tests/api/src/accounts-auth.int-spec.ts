import { MailService } from '@scs/api/accounts';
import {
  HttpClient,
  type MailCatcher,
  registerUser,
  startMailCatcher,
  startTestApp,
  type TestApp,
  TEST_PASSWORD,
  tokenOfLink,
  verificationTokenFor,
} from './support/app';

interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; email: string; memberships: { orgId: string; kind: string; role: string; orgName: string }[] };
}
interface ErrorBody {
  message: string;
  errors?: Record<string, string>;
}

describe('accounts: registration, sessions, passwords (real PostgreSQL)', () => {
  let t: TestApp;
  let mail: MailCatcher;

  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await startTestApp({ SMTP_URL: mail.url, LOGIN_RATE_LIMIT: '1000', PUBLIC_URL: 'https://scs.example.test' });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const auditRows = (
    action: string,
    actor?: string,
  ): Promise<{ action: string; actor_user_id: string | null; org_id: string | null }[]> =>
    t.dataSource.query(
      `SELECT action, actor_user_id, org_id FROM audit_log WHERE action = $1 ${actor ? 'AND actor_user_id = $2' : ''}`,
      actor ? [action, actor] : [action],
    );

  describe('register', () => {
    it('creates an unverified user and a firm they own (profile version 1); the mailed link verifies and signs them in', async () => {
      const http = new HttpClient(t.url);
      const res = await http.post<{ message: string }>('/api/auth/register', {
        email: 'Reg.Owner@Example.test',
        password: TEST_PASSWORD,
        name: 'Regina Owner',
        firmName: 'Owner GmbH',
      });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ message: expect.stringMatching(/Check your e-mail/) });
      expect(http.cookie('scs_access')).toBeUndefined();
      const before = await new HttpClient(t.url).post('/api/auth/login', {
        email: 'reg.owner@example.test',
        password: TEST_PASSWORD,
      });
      expect(before.status).toBe(403);

      const verified = await http.post<Session & { orgId: string }>('/api/auth/verify-email', {
        token: await verificationTokenFor(t.url, 'reg.owner@example.test'),
      });
      expect(verified.status).toBe(200);
      expect(verified.body.user.email).toBe('reg.owner@example.test');
      expect(verified.body.user.memberships).toEqual([
        { orgId: verified.body.orgId, kind: 'firm', orgName: 'Owner GmbH', role: 'owner' },
      ]);
      const profile = await http.get<{ version: number; data: { name: string }; complete: boolean; missing: string[] }>(
        `/api/orgs/${verified.body.orgId}/profile`,
      );
      expect(profile.status).toBe(200);
      expect(profile.body).toMatchObject({ version: 1, data: { name: 'Owner GmbH' }, complete: false });
      expect(profile.body.missing).toContain('legalForm');
      expect(await auditRows('auth.registered', verified.body.user.id)).toHaveLength(1);
      expect(await auditRows('auth.email_verified', verified.body.user.id)).toHaveLength(1);
    });

    it('answers a duplicate email (any case) exactly like a new one, creating nothing and mailing "you already have an account"', async () => {
      await registerUser(t.url, { email: 'dup@example.test' });
      const orgsBefore = await t.dataSource.query(`SELECT count(*)::int AS n FROM organisation`);
      const res = await new HttpClient(t.url).post<{ message: string }>('/api/auth/register', {
        email: 'DUP@example.test',
        password: TEST_PASSWORD,
        name: 'Dup',
        firmName: 'Dup AG',
      });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ message: expect.stringMatching(/Check your e-mail/) });
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM organisation`)).toEqual(orgsBefore);
      const mails: { subject: string }[] = await t.dataSource.query(
        `SELECT subject FROM mail_outbox WHERE "to" = 'dup@example.test' ORDER BY created_at`,
      );
      expect(mails.map((m) => m.subject)).toEqual([
        expect.stringMatching(/Confirm your e-mail/),
        expect.stringMatching(/You already have an account/),
      ]);
    });

    it('refuses a confirmation link twice', async () => {
      await new HttpClient(t.url).post('/api/auth/register', {
        email: 'twice@example.test',
        password: TEST_PASSWORD,
        name: 'Twice',
        firmName: 'Twice AG',
      });
      const token = await verificationTokenFor(t.url, 'twice@example.test');
      expect((await new HttpClient(t.url).post('/api/auth/verify-email', { token })).status).toBe(200);
      const again = await new HttpClient(t.url).post<ErrorBody>('/api/auth/verify-email', { token });
      expect(again.status).toBe(400);
      expect(again.body.errors?.['token']).toMatch(/invalid or has expired/);
    });

    it.each([
      ['too short', 'Short1!pass', /at least 12/],
      ['common', 'Password1234', /too common/],
      ['equal to the email', 'weak.pw@example.test', /email/],
    ])('rejects a password that is %s, with a message on the password field', async (_label, password, message) => {
      const res = await new HttpClient(t.url).post<ErrorBody>('/api/auth/register', {
        email: 'weak.pw@example.test',
        password,
        name: 'W',
        firmName: 'W',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors?.['password']).toMatch(message);
      expect(await t.dataSource.query(`SELECT 1 FROM user_account WHERE email = 'weak.pw@example.test'`)).toHaveLength(
        0,
      );
    });

    it('reports every invalid field, and rejects unknown fields', async () => {
      const res = await new HttpClient(t.url).post<ErrorBody>('/api/auth/register', {
        email: 'not-an-email',
        password: TEST_PASSWORD,
        name: '',
        isAdmin: true,
      });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {}).sort()).toEqual(['email', 'isAdmin', 'name']);
      expect(res.body.errors?.['email']).toBe('Enter a valid email address');
    });

    it('requires a firm name when not registering through an invitation', async () => {
      const res = await new HttpClient(t.url).post<ErrorBody>('/api/auth/register', {
        email: 'nofirm@example.test',
        password: TEST_PASSWORD,
        name: 'No Firm',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors?.['firmName']).toBeDefined();
    });
  });

  describe('login', () => {
    it('returns tokens in the body and sets httpOnly session cookies plus a readable XSRF cookie', async () => {
      await registerUser(t.url, { email: 'login@example.test' });
      const http = new HttpClient(t.url);
      const res = await http.post<Session>('/api/auth/login', { email: 'LOGIN@example.test', password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.accessToken.split('.')).toHaveLength(3);
      expect(res.body.refreshToken.length).toBeGreaterThanOrEqual(43);
      expect(res.body.expiresIn).toBe(t.config.accessTokenTtlSeconds);
      const cookies = res.headers.getSetCookie();
      const find = (name: string) => cookies.find((c) => c.startsWith(`${name}=`)) ?? '';
      expect(find('scs_access')).toMatch(/Path=\/api;.*HttpOnly/);
      expect(find('scs_access')).toMatch(/SameSite=Lax/);
      expect(find('scs_refresh')).toMatch(/Path=\/api\/auth;.*HttpOnly/);
      expect(find('XSRF-TOKEN')).not.toMatch(/HttpOnly/);
      expect(find('scs_access')).toMatch(/Secure/); // PUBLIC_URL is https
    });

    it('answers the same generic 401 for a wrong password and for an unknown email, and audits both', async () => {
      const wrong = await new HttpClient(t.url).post<ErrorBody>('/api/auth/login', {
        email: 'login@example.test',
        password: 'not the right password',
      });
      const unknown = await new HttpClient(t.url).post<ErrorBody>('/api/auth/login', {
        email: 'nobody@example.test',
        password: 'not the right password',
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.message).toBe('Email or password is incorrect');
      expect(unknown.body.message).toBe(wrong.body.message);
      expect((await auditRows('auth.login_failed')).length).toBeGreaterThanOrEqual(2);
    });
  });

  describe('tokens and sessions', () => {
    it('accepts the access token as Bearer and as cookie', async () => {
      const u = await registerUser(t.url, { email: 'tokens@example.test' });
      expect((await u.http.get('/api/auth/me')).status).toBe(200);
      const api = new HttpClient(t.url);
      api.bearer = u.accessToken;
      const me = await api.get<{ email: string }>('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.email).toBe('tokens@example.test');
    });

    it('answers 401 without a token and for a tampered token', async () => {
      const u = await registerUser(t.url, { email: 'tamper@example.test' });
      expect((await new HttpClient(t.url).get('/api/auth/me')).status).toBe(401);
      const api = new HttpClient(t.url);
      api.bearer = u.accessToken.slice(0, -2) + (u.accessToken.endsWith('AA') ? 'BB' : 'AA');
      expect((await api.get('/api/auth/me')).status).toBe(401);
    });

    it('rotates the refresh token: the new one works once; the old one never again, and its reuse ends the session', async () => {
      const u = await registerUser(t.url, { email: 'rotate@example.test' });
      const api = new HttpClient(t.url);
      const first = await api.post<Session>('/api/auth/refresh', { refreshToken: u.refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(u.refreshToken);
      const second = await new HttpClient(t.url).post<Session>('/api/auth/refresh', {
        refreshToken: first.body.refreshToken,
      });
      expect(second.status).toBe(200);
      const bearer = new HttpClient(t.url);
      bearer.bearer = second.body.accessToken;
      expect((await bearer.get('/api/auth/me')).status).toBe(200);
      const reused = await new HttpClient(t.url).post<ErrorBody>('/api/auth/refresh', { refreshToken: u.refreshToken });
      expect(reused.status).toBe(401);
      expect(reused.body.message).toMatch(/old refresh token was used again/);
      expect((await bearer.get('/api/auth/me')).status).toBe(401);
      expect(
        (await new HttpClient(t.url).post('/api/auth/refresh', { refreshToken: second.body.refreshToken })).status,
      ).toBe(401);
      expect(await auditRows('auth.refresh_reused', u.id)).toHaveLength(1);
    });

    it('refreshes by cookie only with the CSRF header, and then keeps the tokens out of the body', async () => {
      const u = await registerUser(t.url, { email: 'cookie.refresh@example.test' });
      const noCsrf = await fetch(`${t.url}/api/auth/refresh`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `scs_refresh=${u.http.cookie('scs_refresh')}; XSRF-TOKEN=${u.http.cookie('XSRF-TOKEN')}`,
        },
        body: '{}',
      });
      expect(noCsrf.status).toBe(403);
      const before = u.http.cookie('scs_refresh');
      const res = await u.http.post<Session>('/api/auth/refresh');
      expect(res.status).toBe(200);
      expect(res.body.accessToken).toBeUndefined();
      expect(res.body.refreshToken).toBeUndefined();
      expect(u.http.cookie('scs_refresh')).not.toBe(before);
      expect((await u.http.get('/api/auth/me')).status).toBe(200);
    });

    it('logout ends the session: its refresh token and its (still unexpired) access token stop working', async () => {
      const u = await registerUser(t.url, { email: 'logout@example.test' });
      const api = new HttpClient(t.url);
      api.bearer = u.accessToken;
      expect((await api.get('/api/auth/me')).status).toBe(200);
      const out = await u.http.post('/api/auth/logout');
      expect(out.status).toBe(204);
      expect(u.http.cookie('scs_access')).toBeUndefined();
      expect((await api.get('/api/auth/me')).status).toBe(401);
      expect((await new HttpClient(t.url).post('/api/auth/refresh', { refreshToken: u.refreshToken })).status).toBe(
        401,
      );
      expect(await auditRows('auth.logout', u.id)).toHaveLength(1);
    });

    it('logout by an API client with its refresh token in the body', async () => {
      const u = await registerUser(t.url, { email: 'logout.api@example.test' });
      const api = new HttpClient(t.url);
      api.bearer = u.accessToken;
      expect((await api.post('/api/auth/logout', { refreshToken: u.refreshToken })).status).toBe(204);
      expect((await api.get('/api/auth/me')).status).toBe(401);
    });
  });

  describe('CSRF', () => {
    it('refuses a cookie-authenticated POST without X-XSRF-TOKEN, and one with a wrong value', async () => {
      const u = await registerUser(t.url, { email: 'csrf@example.test' });
      const cookieHeader = `scs_access=${u.http.cookie('scs_access')}; XSRF-TOKEN=${u.http.cookie('XSRF-TOKEN')}`;
      const body = JSON.stringify({ currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' });
      const without = await fetch(`${t.url}/api/auth/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookieHeader },
        body,
      });
      expect(without.status).toBe(403);
      expect(((await without.json()) as ErrorBody).message).toMatch(/CSRF/);
      const wrong = await fetch(`${t.url}/api/auth/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookieHeader, 'x-xsrf-token': 'guess' },
        body,
      });
      expect(wrong.status).toBe(403);
    });

    it('needs no CSRF header for a Bearer request', async () => {
      const u = await registerUser(t.url, { email: 'csrf.bearer@example.test' });
      const res = await fetch(`${t.url}/api/auth/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${u.accessToken}` },
        body: JSON.stringify({ currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' }),
      });
      expect(res.status).toBe(204);
    });
  });

  describe('password change', () => {
    it('signs out every other session but keeps the current one', async () => {
      const u = await registerUser(t.url, { email: 'change@example.test' });
      const other = new HttpClient(t.url);
      const otherLogin = await other.post<Session>('/api/auth/login', {
        email: 'change@example.test',
        password: TEST_PASSWORD,
      });
      const res = await u.http.post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'a brand new passphrase',
      });
      expect(res.status).toBe(204);
      expect((await u.http.get('/api/auth/me')).status).toBe(200);
      expect((await other.get('/api/auth/me')).status).toBe(401);
      expect(
        (await new HttpClient(t.url).post('/api/auth/refresh', { refreshToken: otherLogin.body.refreshToken })).status,
      ).toBe(401);
      expect(
        (await new HttpClient(t.url).post('/api/auth/login', { email: 'change@example.test', password: TEST_PASSWORD }))
          .status,
      ).toBe(401);
      expect(
        (
          await new HttpClient(t.url).post('/api/auth/login', {
            email: 'change@example.test',
            password: 'a brand new passphrase',
          })
        ).status,
      ).toBe(200);
      expect(await auditRows('auth.password_changed', u.id)).toHaveLength(1);
    });

    it('needs the current password and applies the rules to the new one, per field', async () => {
      const u = await registerUser(t.url, { email: 'change2@example.test' });
      const wrong = await u.http.post<ErrorBody>('/api/auth/password', {
        currentPassword: 'nope nope nope',
        newPassword: 'a brand new passphrase',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors?.['currentPassword']).toBeDefined();
      const weak = await u.http.post<ErrorBody>('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'qwerty123456',
      });
      expect(weak.status).toBe(400);
      expect(weak.body.errors?.['newPassword']).toMatch(/too common/);
    });
  });

  describe('password reset', () => {
    const flush = () => t.app.get(MailService).flush();

    it('mails a link (captured over SMTP) that sets a new password once and signs out every session', async () => {
      const u = await registerUser(t.url, { email: 'reset@example.test' });
      await flush();
      await mail.waitFor('reset@example.test'); // the confirmation mail of the registration
      const res = await new HttpClient(t.url).post('/api/auth/password-reset/request', { email: 'Reset@Example.test' });
      expect(res.status).toBe(202);
      await flush();
      const message = await mail.waitFor('reset@example.test');
      const link = /https:\/\/scs\.example\.test\/reset-password\/[A-Za-z0-9_-]+/.exec(message.text)?.[0];
      expect(link).toBeDefined();
      const token = tokenOfLink(link as string);

      const weak = await new HttpClient(t.url).post<ErrorBody>('/api/auth/password-reset/confirm', {
        token,
        password: 'reset@example.test',
      });
      expect(weak.status).toBe(400);
      expect(weak.body.errors?.['password']).toBeDefined();

      const ok = await new HttpClient(t.url).post('/api/auth/password-reset/confirm', {
        token,
        password: 'reset via the emailed link',
      });
      expect(ok.status).toBe(204);
      expect((await u.http.get('/api/auth/me')).status).toBe(401);
      expect(
        (
          await new HttpClient(t.url).post('/api/auth/login', {
            email: 'reset@example.test',
            password: 'reset via the emailed link',
          })
        ).status,
      ).toBe(200);

      const again = await new HttpClient(t.url).post<ErrorBody>('/api/auth/password-reset/confirm', {
        token,
        password: 'and once more please',
      });
      expect(again.status).toBe(400);
      expect(again.body.errors?.['token']).toMatch(/invalid or has expired/);
      const status: { status: string }[] = await t.dataSource.query(
        `SELECT status FROM mail_outbox WHERE "to" = 'reset@example.test' AND subject LIKE '%Passwort%'`,
      );
      expect(status).toEqual([{ status: 'sent' }]);
    });

    it('answers 202 for an unknown email too, and sends nothing', async () => {
      const res = await new HttpClient(t.url).post('/api/auth/password-reset/request', { email: 'ghost@example.test' });
      expect(res.status).toBe(202);
      await flush();
      expect(mail.messages.filter((m) => m.to.includes('ghost@example.test'))).toHaveLength(0);
      expect(await t.dataSource.query(`SELECT 1 FROM mail_outbox WHERE "to" = 'ghost@example.test'`)).toHaveLength(0);
    });

    it('refuses an expired reset link', async () => {
      await registerUser(t.url, { email: 'reset.late@example.test' });
      await flush();
      await mail.waitFor('reset.late@example.test'); // the confirmation mail of the registration
      await new HttpClient(t.url).post('/api/auth/password-reset/request', { email: 'reset.late@example.test' });
      await flush();
      const token = tokenOfLink((await mail.waitFor('reset.late@example.test')).text);
      await t.dataSource.query(`UPDATE password_reset SET expires_at = now() - interval '1 minute'`);
      const res = await new HttpClient(t.url).post('/api/auth/password-reset/confirm', {
        token,
        password: 'too late for this one',
      });
      expect(res.status).toBe(400);
    });
  });
});

describe('accounts: login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '3' });
    await registerUser(t.url, { email: 'limited@example.test' });
  });
  afterAll(() => t.close());

  it('answers 429 after LOGIN_RATE_LIMIT attempts for one account from one address, even with the right password, and other accounts still sign in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (
          await new HttpClient(t.url).post('/api/auth/login', {
            email: 'limited@example.test',
            password: `wrong password ${i}`,
          })
        ).status,
      );
    expect(statuses).toEqual([401, 401, 401]);
    const blocked = await new HttpClient(t.url).post<ErrorBody>('/api/auth/login', {
      email: 'Limited@example.test',
      password: TEST_PASSWORD,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after-per-account-ip')).toBeTruthy();
    await registerUser(t.url, { email: 'unlimited@example.test' });
    expect(
      (
        await new HttpClient(t.url).post('/api/auth/login', {
          email: 'unlimited@example.test',
          password: TEST_PASSWORD,
        })
      ).status,
    ).toBe(200);
  });
});

describe('accounts: signing key without JWT_SECRET', () => {
  it('generates one key, stores it in app_secret and shares it between replicas', async () => {
    const a = await startTestApp({ JWT_SECRET: '' });
    const b = await startTestApp({ JWT_SECRET: '' });
    try {
      const u = await registerUser(a.url, { email: 'replica@example.test' });
      const onB = new HttpClient(b.url);
      onB.bearer = u.accessToken;
      expect((await onB.get('/api/auth/me')).status).toBe(200);
      const rows: unknown[] = await a.dataSource.query(`SELECT 1 FROM app_secret WHERE name = 'jwt_signing_key'`);
      expect(rows).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
