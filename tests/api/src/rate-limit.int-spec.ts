import { HttpClient, registerUser, startTestApp, TEST_PASSWORD, type TestApp } from './support/app';

// Two API processes (two app instances on one database) share the login rate limit (DatabaseThrottlerStorage).
describe('login rate limit shared by API replicas', () => {
  let a: TestApp;
  let b: TestApp;
  const email = `shared-limit-${Date.now()}@firm.example`;
  const login = (t: TestApp, user: string, password: string) =>
    new HttpClient(t.url).post<{ message?: string }>('/api/auth/login', { email: user, password });

  beforeAll(async () => {
    a = await startTestApp({ LOGIN_RATE_LIMIT: '4' });
    b = await startTestApp({ LOGIN_RATE_LIMIT: '4' });
    await registerUser(a.url, { email });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('counts failed logins of one account from one address on either replica against one budget and blocks that pair on both', async () => {
    const statuses: number[] = [];
    for (const [i, t] of [a, b, a, b].entries()) statuses.push((await login(t, email, `wrong password ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401]);

    // Each replica alone has seen two attempts: an in-memory counter would let both through.
    const onA = await login(a, email, TEST_PASSWORD);
    const onB = await login(b, email, TEST_PASSWORD);
    expect([onA.status, onB.status]).toEqual([429, 429]);
    expect(onB.body.message).toMatch(/Too many attempts/);
    expect(onB.headers.get('retry-after-per-account-ip')).toMatch(/^\d+$/);

    // Other accounts still sign in on both.
    const other = await registerUser(b.url, { email: `other-${email}` });
    expect((await login(a, other.email, TEST_PASSWORD)).status).toBe(200);
    expect((await login(b, other.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('lets the account in again once the window and the block are over', async () => {
    // Fast-forward the 15 minutes for this account's counters.
    await a.dataSource.query(
      `UPDATE "rate_limit" SET "window_ends_at" = now() - interval '1 second', "blocked_until" = now() - interval '1 second' WHERE "key" LIKE 'per-account-ip:%'`,
    );
    expect((await login(b, email, TEST_PASSWORD)).status).toBe(200);
    const rows: { key: string; hits: number }[] = await a.dataSource.query(
      `SELECT "key", "hits" FROM "rate_limit" WHERE "key" LIKE 'per-account-ip:4:%' ORDER BY "hits"`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });
});
