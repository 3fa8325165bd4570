import { HttpClient, registerUser, startTestApp, TEST_PASSWORD, type TestApp } from '../support/app';

// Attack 6 (issue 15): an auto-submitting form on another site signed the victim into the attacker's account.
describe('attack 6: login CSRF', () => {
  let t: TestApp;
  const email = 'attacker-account@login-csrf.test';

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    await registerUser(t.url, { email });
  });
  afterAll(() => t.close());

  const form = `email=${encodeURIComponent(email)}&password=${encodeURIComponent(TEST_PASSWORD)}`;

  it('refuses a form-encoded login posted from another site', async () => {
    const res = await new HttpClient(t.url).request('POST', '/api/auth/login', form, {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    console.log(
      `[attack 6a] form-encoded cross-site login -> ${res.status}, session cookie set: ${Boolean(res.headers.getSetCookie().some((c) => c.startsWith('scs_')))}`,
    );
    expect(res.status).toBe(415);
  });

  it('refuses a text/plain form that smuggles JSON', async () => {
    const res = await new HttpClient(t.url).request(
      'POST',
      '/api/auth/login',
      JSON.stringify({ email, password: TEST_PASSWORD }),
      { 'content-type': 'text/plain', origin: 'https://evil.example' },
    );
    console.log(`[attack 6b] text/plain cross-site login -> ${res.status}`);
    expect(res.status).toBe(415);
  });

  it('refuses a JSON login or registration from another origin', async () => {
    const login = await new HttpClient(t.url).request<{ message?: string }>(
      'POST',
      '/api/auth/login',
      { email, password: TEST_PASSWORD },
      { origin: 'https://evil.example' },
    );
    const fetchMeta = await new HttpClient(t.url).request<{ message?: string }>(
      'POST',
      '/api/auth/login',
      { email, password: TEST_PASSWORD },
      { 'sec-fetch-site': 'cross-site' },
    );
    const register = await new HttpClient(t.url).request(
      'POST',
      '/api/auth/register',
      { email: 'x@login-csrf.test', password: TEST_PASSWORD, name: 'X', firmName: 'X' },
      { origin: 'https://evil.example' },
    );
    console.log(
      `[attack 6c] JSON login with foreign Origin -> ${login.status} ${login.body.message ?? ''}; Sec-Fetch-Site cross-site -> ${fetchMeta.status}; register with foreign Origin -> ${register.status}`,
    );
    expect([login.status, fetchMeta.status, register.status]).toEqual([403, 403, 403]);
  });

  it('still signs in from the app itself and from API clients', async () => {
    const sameOrigin = await new HttpClient(t.url).request(
      'POST',
      '/api/auth/login',
      { email, password: TEST_PASSWORD },
      { origin: t.url, 'sec-fetch-site': 'same-origin' },
    );
    const apiClient = await new HttpClient(t.url).post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect([sameOrigin.status, apiClient.status]).toEqual([200, 200]);
  });
});
