import { HttpClient, registerUser, startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';

// Attack 8 (issue 15): ten wrong passwords from anywhere locked the real owner out for 15 minutes.
// TRUST_PROXY lets the test speak from different client IPs (X-Forwarded-For), as behind the production proxy.
describe('attack 8: an attacker cannot lock the owner out', () => {
  let t: TestApp;
  const email = 'owner@lockout.test';
  const login = (ip: string, password: string) =>
    new HttpClient(t.url).request<{ message?: string }>(
      'POST',
      '/api/auth/login',
      { email, password },
      { 'x-forwarded-for': ip },
    );

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true' });
    await registerUser(t.url, { email });
  });
  afterAll(() => t.close());

  it('lets the owner in from their own address after ten wrong passwords from another', async () => {
    const attacker: number[] = [];
    for (let i = 0; i < 10; i++) attacker.push((await login('203.0.113.66', `wrong password ${i}`)).status);
    const owner = await login('198.51.100.7', TEST_PASSWORD);
    console.log(
      `[attack 8a] attacker statuses ${attacker.join(',')}; owner with the right password from another address -> ${owner.status} ${owner.body.message ?? ''}`,
    );
    expect(owner.status).toBe(200);
    // The attacker's own address is slowed down (backoff), not the account.
    expect(attacker.slice(-1)[0]).toBe(429);
  });

  it('a password reset lets the owner back in even from the throttled address', async () => {
    const http = new HttpClient(t.url);
    const requested = await http.request(
      'POST',
      '/api/auth/password-reset/request',
      { email },
      { 'x-forwarded-for': '203.0.113.66' },
    );
    const rows: { text: string }[] = await t.dataSource.query(
      `SELECT "text" FROM "mail_outbox" WHERE "to" = $1 AND "subject" LIKE '%Passwort%' ORDER BY "created_at" DESC LIMIT 1`,
      [email],
    );
    const token = /reset-password\/([\w-]+)/.exec(rows[0]?.text ?? '')?.[1];
    const confirmed = await http.request(
      'POST',
      '/api/auth/password-reset/confirm',
      { token, password: 'a brand new passphrase 2026' },
      { 'x-forwarded-for': '203.0.113.66' },
    );
    const after = await login('203.0.113.66', 'a brand new passphrase 2026');
    console.log(
      `[attack 8b] reset request -> ${requested.status}, confirm -> ${confirmed.status}, login from the throttled address after the reset -> ${after.status}`,
    );
    expect(after.status).toBe(200);
  });
});
