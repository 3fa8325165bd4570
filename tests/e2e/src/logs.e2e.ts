import { startServer } from './support/server';
import { confirmationToken } from './support/confirm';

/** A cookie-keeping client for the flow below. */
class Client {
  cookies = new Map<string, string>();
  constructor(private readonly base: string) {}
  async send<T>(method: string, path: string, body?: unknown, bearer?: string): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (bearer) headers['authorization'] = `Bearer ${bearer}`;
    else if (this.cookies.size) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (xsrf && !bearer) headers['x-xsrf-token'] = decodeURIComponent(xsrf);
    const res = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
}

describe('secrets never reach the logs', () => {
  it('a full account flow at debug level logs no password, token or CSRF value', async () => {
    const databaseUrl = process.env['E2E_DATABASE_URL'];
    if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set');
    const server = await startServer({
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'debug',
      JWT_SECRET: 'logs-test-secret-0123456789abcdef0123',
      LOGIN_RATE_LIMIT: '100',
    });
    const secrets: string[] = [];
    try {
      const c = new Client(server.url);
      const password = 'Geheimes-Passwort-fuer-Logs-2026';
      const newPassword = 'Noch-geheimeres-Passwort-2027';
      secrets.push(password, newPassword);
      expect(
        (
          await c.send('POST', '/api/auth/register', {
            email: 'logs@example.test',
            password,
            name: 'Log Tester',
            firmName: 'Log GmbH',
          })
        ).status,
      ).toBe(202);
      const confirmToken = await confirmationToken('logs@example.test', databaseUrl);
      secrets.push(confirmToken);
      const reg = await c.send<{ orgId: string; accessToken: string; refreshToken: string }>(
        'POST',
        '/api/auth/verify-email',
        { token: confirmToken },
      );
      expect(reg.status).toBe(200);
      secrets.push(reg.body.accessToken, reg.body.refreshToken, decodeURIComponent(c.cookies.get('XSRF-TOKEN') ?? ''));
      const wrong = await c.send('POST', '/api/auth/login', {
        email: 'logs@example.test',
        password: 'Falsches-Passwort-123',
      });
      expect(wrong.status).toBe(401);
      secrets.push('Falsches-Passwort-123');
      const login = await c.send<{ accessToken: string; refreshToken: string }>('POST', '/api/auth/login', {
        email: 'logs@example.test',
        password,
      });
      secrets.push(login.body.accessToken, login.body.refreshToken);
      const refreshed = await c.send<{ accessToken: string; refreshToken: string }>('POST', '/api/auth/refresh', {
        refreshToken: login.body.refreshToken,
      });
      secrets.push(refreshed.body.accessToken, refreshed.body.refreshToken);
      const invite = await c.send<{ link: string }>(
        'POST',
        `/api/orgs/${reg.body.orgId}/invitations`,
        { email: 'colleague@example.test', role: 'member' },
        refreshed.body.accessToken,
      );
      expect(invite.status).toBe(201);
      secrets.push(invite.body.link.split('/').pop() ?? '');
      await c.send('GET', '/api/auth/me', undefined, refreshed.body.accessToken);
      const change = await c.send(
        'POST',
        '/api/auth/password',
        { currentPassword: password, newPassword },
        refreshed.body.accessToken,
      );
      expect([200, 204]).toContain(change.status);
      await c.send('POST', '/api/auth/password-reset/request', { email: 'logs@example.test' });
    } finally {
      server.proc.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
    }
    const log = server.log();
    expect(log.length).toBeGreaterThan(200); // the debug log really captured the flow
    const leaked = secrets.filter((s) => s.length >= 8 && log.includes(s));
    expect(leaked).toEqual([]);
  });
});
