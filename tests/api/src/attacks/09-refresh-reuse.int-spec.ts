import { HttpClient, registerUser, startTestApp, type TestApp } from '../support/app';

// Attack 9 (issue 15): a stolen refresh token, used first by the thief, kept the thief signed in after the owner's
// reuse of the rotated token was refused.
describe('attack 9: refresh-token reuse ends the whole session family', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
  });
  afterAll(() => t.close());

  it("revokes the thief's newer tokens when the rotated token comes back", async () => {
    const owner = await registerUser(t.url, { email: 'owner@refresh-reuse.test' });
    const stolen = owner.refreshToken;
    const thief = new HttpClient(t.url);
    const thiefRefresh = await thief.post<{ accessToken: string; refreshToken: string }>('/api/auth/refresh', {
      refreshToken: stolen,
    });
    expect(thiefRefresh.status).toBe(200);

    const ownerReuse = await new HttpClient(t.url).post('/api/auth/refresh', { refreshToken: stolen });
    const thiefAgain = await new HttpClient(t.url).post('/api/auth/refresh', {
      refreshToken: thiefRefresh.body.refreshToken,
    });
    const thiefApi = new HttpClient(t.url);
    thiefApi.bearer = thiefRefresh.body.accessToken;
    const thiefMe = await thiefApi.get('/api/auth/me');
    console.log(
      `[attack 9] owner reuses the rotated token -> ${ownerReuse.status}; thief's newer refresh token -> ${thiefAgain.status}; thief's access token on /api/auth/me -> ${thiefMe.status}`,
    );
    expect(ownerReuse.status).toBe(401);
    expect([thiefAgain.status, thiefMe.status]).toEqual([401, 401]);
  });
});
