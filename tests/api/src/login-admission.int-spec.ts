import { HttpClient, registerUser, startTestApp, TEST_PASSWORD, type TestApp } from './support/app';

// Sign-in admission under a burst (issue 18): a login whose password check would wait longer than LOGIN_QUEUE_MAX_MS
// for a hashing slot is refused at once with 503 and Retry-After, before any hash or account lookup.
describe('sign-in admission', () => {
  let strict: TestApp;
  let normal: TestApp;
  const email = `admission-${Date.now()}@firm.example`;

  beforeAll(async () => {
    // A budget below the time of one hash refuses every sign-in: the refusal path, deterministically.
    strict = await startTestApp({ LOGIN_QUEUE_MAX_MS: '1' });
    normal = await startTestApp();
    await registerUser(normal.url, { email });
  });
  afterAll(async () => {
    await strict.close();
    await normal.close();
  });

  it('refuses with 503, Retry-After and a translated message, and counts no failed attempt', async () => {
    const res = await new HttpClient(strict.url).request<{ code: string; message: string; retryAfterSeconds: number }>(
      'POST',
      '/api/auth/login',
      { email, password: 'not the password' },
      { 'accept-language': 'de' },
    );
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('errors.auth.busy');
    expect(res.body.message).toMatch(/Gerade melden sich sehr viele Personen an/);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(res.body.retryAfterSeconds).toBe(retryAfter);
    const failed: unknown[] = await normal.dataSource.query(
      `SELECT 1 FROM "audit_log" WHERE "action" = 'auth.login_failed' AND "details"->>'email' = $1`,
      [email],
    );
    expect(failed).toHaveLength(0);
  });

  it('admits the sign-in when the hashes ahead fit the budget (default 2 s)', async () => {
    const res = await new HttpClient(normal.url).post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
  });
});
