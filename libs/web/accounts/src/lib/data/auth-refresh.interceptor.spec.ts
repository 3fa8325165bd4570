import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { setupAccountsTest } from '../../testing/accounts-testing';
import { authRefreshInterceptor } from '@scs/web/core';

describe('authRefreshInterceptor', () => {
  let http: Awaited<ReturnType<typeof setupAccountsTest>>;
  let client: HttpClient;

  beforeEach(async () => {
    http = await setupAccountsTest({ interceptors: [authRefreshInterceptor] });
    client = TestBed.inject(HttpClient);
  });
  afterEach(() => http.verify());

  const flushMicrotasks = () => new Promise((r) => setTimeout(r, 0));

  it('renews the session once on a 401 and repeats the request', async () => {
    const result = firstValueFrom(client.get<{ ok: boolean }>('/api/orgs/1/profile'));
    http.expectOne('/api/orgs/1/profile').flush({}, { status: 401, statusText: 'Unauthorized' });
    http.expectOne({ method: 'POST', url: '/api/auth/refresh' }).flush({ expiresIn: 900 });
    await flushMicrotasks();
    http.expectOne('/api/orgs/1/profile').flush({ ok: true });
    await expect(result).resolves.toEqual({ ok: true });
  });

  it('shares one refresh between concurrent 401s', async () => {
    const a = firstValueFrom(client.get('/api/a'));
    const b = firstValueFrom(client.get('/api/b'));
    http.expectOne('/api/a').flush({}, { status: 401, statusText: 'Unauthorized' });
    http.expectOne('/api/b').flush({}, { status: 401, statusText: 'Unauthorized' });
    http.expectOne('/api/auth/refresh').flush({ expiresIn: 900 });
    await flushMicrotasks();
    http.expectOne('/api/a').flush('A');
    http.expectOne('/api/b').flush('B');
    await expect(Promise.all([a, b])).resolves.toEqual(['A', 'B']);
  });

  it('passes the original 401 on when the refresh fails', async () => {
    const result = firstValueFrom(client.get('/api/auth/me'));
    http.expectOne('/api/auth/me').flush({ message: 'Session expired' }, { status: 401, statusText: 'Unauthorized' });
    http.expectOne('/api/auth/refresh').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401, url: '/api/auth/me' });
  });

  it('never refreshes for the sign-in requests themselves, nor for other errors', async () => {
    const login = firstValueFrom(client.post('/api/auth/login', {}));
    http.expectOne('/api/auth/login').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(login).rejects.toBeInstanceOf(HttpErrorResponse);
    const forbidden = firstValueFrom(client.get('/api/orgs/2/profile'));
    http.expectOne('/api/orgs/2/profile').flush({}, { status: 403, statusText: 'Forbidden' });
    await expect(forbidden).rejects.toMatchObject({ status: 403 });
    http.expectNone('/api/auth/refresh');
  });
});
