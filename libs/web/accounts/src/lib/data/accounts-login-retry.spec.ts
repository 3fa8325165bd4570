import { TestBed } from '@angular/core/testing';
import { setupAccountsTest } from '../../testing/accounts-testing';
import { AccountsApi, BUSY_SIGN_IN_RETRIES } from './accounts.api';

describe('sign-in refused as busy', () => {
  let http: Awaited<ReturnType<typeof setupAccountsTest>>;
  let api: AccountsApi;

  beforeEach(async () => {
    http = await setupAccountsTest();
    api = TestBed.inject(AccountsApi);
  });
  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  const busy = (seconds: number) =>
    http
      .expectOne('/api/auth/login')
      .flush(
        { code: 'errors.auth.busy', message: 'Many people are signing in right now', retryAfterSeconds: seconds },
        { status: 503, statusText: 'Service Unavailable', headers: { 'Retry-After': String(seconds) } },
      );
  const settle = () => Promise.resolve().then(() => undefined);

  it('tries again by itself after Retry-After and signs in', async () => {
    jest.useFakeTimers();
    const result = api.login('a@firm.example', 'secret');
    busy(2);
    await settle();
    jest.advanceTimersByTime(1_999);
    await settle();
    http.expectNone('/api/auth/login'); // not before Retry-After
    jest.advanceTimersByTime(1);
    await settle();
    http.expectOne('/api/auth/login').flush({ user: { id: 'u' } });
    await expect(result).resolves.toEqual({ user: { id: 'u' } });
  });

  it(`gives up after ${BUSY_SIGN_IN_RETRIES} tries again, and never retries other errors`, async () => {
    jest.useFakeTimers();
    const result = api.login('a@firm.example', 'secret');
    const rejected = expect(result).rejects.toMatchObject({ status: 503 });
    for (let i = 0; i <= BUSY_SIGN_IN_RETRIES; i++) {
      busy(1);
      await settle();
      jest.advanceTimersByTime(1_000);
      await settle();
    }
    await rejected;
    const wrong = api.login('a@firm.example', 'wrong');
    http.expectOne('/api/auth/login').flush({ message: 'no' }, { status: 401, statusText: 'Unauthorized' });
    await expect(wrong).rejects.toMatchObject({ status: 401 });
  });
});
