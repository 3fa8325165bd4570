import { withHashSlot } from '@scs/api/accounts';
import { HttpClient, registerUser, startTestApp, TEST_PASSWORD, type TestApp } from './support/app';

// Sign-in admission under a burst (issue 18): a login whose password check would wait longer than LOGIN_QUEUE_MAX_MS
// for a hashing slot is refused at once with 503 and Retry-After, before any hash or account lookup.
describe('sign-in admission', () => {
  let strict: TestApp;
  let open: TestApp;
  const email = `admission-${Date.now()}@firm.example`;

  beforeAll(async () => {
    // One hashing slot and a budget below the time of one hash: a sign-in is refused whenever a hash is ahead of it.
    strict = await startTestApp({ LOGIN_QUEUE_MAX_MS: '1', ARGON2_CONCURRENCY: '1' });
    open = await startTestApp({ LOGIN_QUEUE_MAX_MS: '0' });
    await registerUser(open.url, { email });
  });
  afterAll(async () => {
    await strict.close();
    await open.close();
  });

  it('refuses with 503, Retry-After and a translated message while a hash is ahead, and counts no failed attempt', async () => {
    // The test runs in the app's process: holding the one hashing slot here is a hash ahead of every sign-in.
    let release = (): void => undefined;
    const held = withHashSlot(() => new Promise<void>((r) => (release = r)));
    const res = await new HttpClient(strict.url)
      .request<{
        code: string;
        message: string;
        retryAfterSeconds: number;
      }>('POST', '/api/auth/login', { email, password: 'not the password' }, { 'accept-language': 'de' })
      .finally(() => release());
    await held;
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('errors.auth.busy');
    expect(res.body.message).toMatch(/Gerade melden sich sehr viele Personen an/);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(res.body.retryAfterSeconds).toBe(retryAfter);
    const failed: unknown[] = await open.dataSource.query(
      `SELECT 1 FROM "audit_log" WHERE "action" = 'auth.login_failed' AND "details"->>'email' = $1`,
      [email],
    );
    expect(failed).toHaveLength(0);
  });

  it('admits a sign-in with nothing ahead even when one hash exceeds the budget', async () => {
    const res = await new HttpClient(strict.url).post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
  });

  it('with LOGIN_QUEUE_MAX_MS=0 never refuses: the sign-in waits for the slot', async () => {
    let release = (): void => undefined;
    const held = withHashSlot(() => new Promise<void>((r) => (release = r)));
    const pending = new HttpClient(open.url).post('/api/auth/login', { email, password: TEST_PASSWORD });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await held;
    expect((await pending).status).toBe(200);
  });
});
