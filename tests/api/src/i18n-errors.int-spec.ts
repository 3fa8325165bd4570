import { HttpClient, registerUser, startTestApp, type TestApp, TEST_PASSWORD, type TestUser } from './support/app';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
  codes?: Record<string, string>;
}

// Issue 16 item 3: every message the API returns comes in the language of the request (the web app sends its UI
// language as Accept-Language), with a stable code; fields are named in the user's words.
describe('API messages in the language of the request (real PostgreSQL)', () => {
  let t: TestApp;
  let owner: TestUser;
  const german = { 'accept-language': 'de' };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    owner = await registerUser(t.url, { email: 'sprache@example.test', firmName: 'Muster' });
  });
  afterAll(() => t.close());

  it("answers a validation error in German, naming the field and its options in the user's words", async () => {
    const res = await owner.http.request<ErrorBody>(
      'PUT',
      `/api/orgs/${owner.orgId}/profile`,
      { name: 'Muster', legalForm: 'gmbh' },
      german,
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation.request');
    expect(res.body.errors?.['legalForm']).toBe(
      'Bitte wählen Sie eine der Optionen Hundertprozentige Auslandsgesellschaft (WFOE), Joint Venture, Repräsentanz, Zweigniederlassung, Sonstige',
    );
    expect(res.body.codes?.['legalForm']).toBe('validation.oneOf');
    expect(res.body.errors?.['germanParent']).toBe('Bitte antworten Sie mit Ja oder Nein');
    expect(res.body.message).toMatch(/^Ungültige Anfrage\. /);
    expect(res.body.message).toContain('Rechtsform der Gesellschaft in China: Bitte wählen Sie eine der Optionen');
    expect(res.body.message).toContain('Hat eine deutsche Muttergesellschaft: Bitte antworten Sie mit Ja oder Nein');
    expect(res.headers.get('content-language')).toBe('de');

    const english = await owner.http.put<ErrorBody>(`/api/orgs/${owner.orgId}/profile`, {
      name: 'Muster',
      legalForm: 'gmbh',
    });
    expect(english.body.errors?.['germanParent']).toBe('Answer yes or no');
    expect(english.body.codes?.['germanParent']).toBe('validation.yesNo');
  });

  it('answers a failed sign-in in German, with the same code as in English', async () => {
    const http = new HttpClient(t.url);
    const wrong = { email: 'sprache@example.test', password: `${TEST_PASSWORD}-wrong` };
    const de = await http.request<ErrorBody>('POST', '/api/auth/login', wrong, german);
    expect(de.status).toBe(401);
    expect(de.body).toMatchObject({
      code: 'errors.auth.loginFailed',
      message: 'E-Mail-Adresse oder Passwort ist falsch',
      errors: { password: 'E-Mail-Adresse oder Passwort ist falsch' },
    });
    const en = await http.request<ErrorBody>('POST', '/api/auth/login', wrong, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body).toMatchObject({ code: 'errors.auth.loginFailed', message: 'Email or password is incorrect' });
  });

  it('answers a 404 in German, for a missing resource and for an unknown API address', async () => {
    const missing = await owner.http.request<ErrorBody>('GET', '/api/catalogue/1999.1', undefined, {
      'accept-language': 'de-DE,de;q=0.9,en;q=0.8',
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      code: 'errors.catalogue.noSuchVersion',
      message: 'Die Katalogversion 1999.1 gibt es nicht',
    });
    const route = await owner.http.request<ErrorBody>('GET', '/api/no-such-thing', undefined, german);
    expect(route.status).toBe(404);
    expect(route.body).toMatchObject({ code: 'errors.routeNotFound', message: 'Diese API-Adresse gibt es nicht' });
  });

  it('answers a signed-in user without Accept-Language in the language they last signed in with', async () => {
    const http = new HttpClient(t.url);
    const login = await http.request(
      'POST',
      '/api/auth/login',
      { email: 'sprache@example.test', password: TEST_PASSWORD },
      german,
    );
    expect(login.status).toBe(200);
    const unknownOrg = '00000000-0000-4000-8000-000000000000';
    const res = await http.request<ErrorBody>('GET', `/api/orgs/${unknownOrg}/profile`, undefined, {
      'accept-language': '*',
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'errors.notFound.organisation', message: 'Organisation nicht gefunden' });
    const english = await http.request<ErrorBody>('GET', `/api/orgs/${unknownOrg}/profile`, undefined, {
      'accept-language': 'en',
    });
    expect(english.body.message).toBe('Organisation not found');
  });

  it('falls back to English for a language it does not have', async () => {
    const res = await owner.http.request<ErrorBody>('GET', '/api/catalogue/1999.1', undefined, {
      'accept-language': 'fr',
    });
    expect(res.body.message).toBe('Catalogue version 1999.1 does not exist');
  });

  it('answers in Simplified Chinese for zh and zh-CN, and remembers a Chinese sign-in for later requests', async () => {
    const http = new HttpClient(t.url);
    const wrong = { email: 'sprache@example.test', password: `${TEST_PASSWORD}-wrong` };
    const failed = await http.request<ErrorBody>('POST', '/api/auth/login', wrong, { 'accept-language': 'zh-CN' });
    expect(failed.status).toBe(401);
    expect(failed.body).toMatchObject({ code: 'errors.auth.loginFailed', message: '邮箱或密码不正确' });

    const profile = await owner.http.request<ErrorBody>(
      'PUT',
      `/api/orgs/${owner.orgId}/profile`,
      { name: 'Muster', legalForm: 'gmbh' },
      { 'accept-language': 'zh' },
    );
    expect(profile.status).toBe(400);
    expect(profile.body.code).toBe('validation.request');
    expect(profile.body.message).toMatch(/^请求无效。/);
    expect(profile.body.errors?.['germanParent']).toBe('请回答是或否');
    expect(profile.headers.get('content-language')).toBe('zh');

    const login = await http.request(
      'POST',
      '/api/auth/login',
      { email: 'sprache@example.test', password: TEST_PASSWORD },
      { 'accept-language': 'zh-CN,zh;q=0.9' },
    );
    expect(login.status).toBe(200);
    const missing = await http.request<ErrorBody>(
      'GET',
      '/api/orgs/00000000-0000-4000-8000-000000000000/profile',
      undefined,
      { 'accept-language': '*' },
    );
    expect(missing.body).toMatchObject({ code: 'errors.notFound.organisation', message: '未找到该组织' });
    const route = await http.request<ErrorBody>('GET', '/api/no-such-route', undefined, { 'accept-language': 'zh' });
    expect(route.body.message).toBe('此 API 地址不存在');
  });

  it('serves the catalogue in Chinese for zh, untranslated texts in English behind a visible mark', async () => {
    const res = await owner.http.request<{ locale: string; dimensions: { id: string; name: string }[] }>(
      'GET',
      '/api/catalogue/2026.2',
      undefined,
      { 'accept-language': 'zh-CN' },
    );
    expect(res.status).toBe(200);
    expect(res.body.locale).toBe('zh');
    expect(res.body.dimensions.find((d) => d.id === 'tax')?.name).toMatch(/\p{Script=Han}/u);
    expect(JSON.stringify(res.body)).not.toMatch(/questions\.\w+\.text/);
  });
});
