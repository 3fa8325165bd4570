import { SessionCache } from '@scs/api/accounts';
import { HttpClient, registerUser, startTestApp, type TestApp, type TestUser, tokenOfLink } from './support/app';

/**
 * The access guard remembers sessions and memberships per process (SessionCache). Each test first makes the cache
 * serve the entry (a request succeeds), then changes the state and expects the very next request to see the change:
 * without the invalidation the remembered entry would let it through.
 */
describe('session cache: sign-out, role change and removal take effect at once (real PostgreSQL)', () => {
  let t: TestApp;
  let cache: SessionCache;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    cache = t.app.get(SessionCache);
    for (let i = 0; i < 50 && !cache.active; i++) await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(() => t.close());

  const bearer = (u: TestUser) => {
    const http = new HttpClient(t.url);
    http.bearer = u.accessToken;
    return http;
  };
  const members = (u: TestUser, orgId: string) => bearer(u).get(`/api/orgs/${orgId}/members`);
  const invitations = (u: TestUser, orgId: string) => bearer(u).get(`/api/orgs/${orgId}/invitations`);

  /** An owner's firm with a colleague who joined through an invitation in `role`. */
  async function firmWithColleague(role: 'admin' | 'member') {
    n++;
    const owner = await registerUser(t.url, { email: `cache-owner${n}@example.test` });
    const created = await owner.http.post<{ link: string }>(`/api/orgs/${owner.orgId}/invitations`, {
      email: `cache-colleague${n}@example.test`,
      role,
    });
    expect(created.status).toBe(201);
    const colleague = await registerUser(t.url, {
      email: `cache-colleague${n}@example.test`,
      invitationToken: tokenOfLink(created.body.link),
    });
    return { owner, colleague, orgId: owner.orgId };
  }

  /** Polls until `check` passes (a change made by another process arrives as a notification, within milliseconds). */
  async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
    const until = Date.now() + ms;
    for (;;) {
      if (await check()) return true;
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /**
   * Repeats `request` (which must answer 200) until the cache holds the entry `lookup` reads. A notification still on
   * its way (for instance the membership row the registration just inserted) makes the cache refuse to store a lookup
   * that overlapped it, so the first request alone does not always fill the cache on a busy machine.
   */
  async function servedFromCache<T>(request: () => Promise<{ status: number }>, lookup: () => T | undefined) {
    const filled = await eventually(async () => {
      expect((await request()).status).toBe(200);
      return lookup() !== undefined;
    });
    expect(filled).toBe(true);
    return lookup();
  }

  it('listens for invalidations', () => {
    expect(cache.active).toBe(true);
  });

  it('sign-out: the access token of the ended session is refused on the next request', async () => {
    const user = await registerUser(t.url, { email: 'cache-signout@example.test' });
    expect(
      await servedFromCache(
        () => members(user, user.orgId),
        () => cache.session(sessionOf(user), user.id),
      ),
    ).toBeDefined();
    expect((await user.http.post('/api/auth/logout')).status).toBe(204);
    expect((await members(user, user.orgId)).status).toBe(401);
    expect((await bearer(user).get('/api/auth/me')).status).toBe(401);
  });

  it('role change: a demoted admin loses admin routes on the next request, a promoted member gains them', async () => {
    const { owner, colleague, orgId } = await firmWithColleague('admin');
    expect(
      await servedFromCache(
        () => invitations(colleague, orgId),
        () => cache.membership(colleague.id, orgId),
      ),
    ).toEqual({ role: 'admin', kind: 'firm' });
    const demoted = await owner.http.patch(`/api/orgs/${orgId}/members/${colleague.id}`, { role: 'member' });
    expect(demoted.status).toBe(200);
    expect((await invitations(colleague, orgId)).status).toBe(403);
    expect((await members(colleague, orgId)).status).toBe(200);
    const promoted = await owner.http.patch(`/api/orgs/${orgId}/members/${colleague.id}`, { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect((await invitations(colleague, orgId)).status).toBe(200);
  });

  it('removal: a removed member gets 404 for the organisation on the next request', async () => {
    const { owner, colleague, orgId } = await firmWithColleague('member');
    expect(
      await servedFromCache(
        () => members(colleague, orgId),
        () => cache.membership(colleague.id, orgId),
      ),
    ).toBeDefined();
    expect((await owner.http.delete(`/api/orgs/${orgId}/members/${colleague.id}`)).status).toBe(204);
    expect((await members(colleague, orgId)).status).toBe(404);
  });

  it('changes made elsewhere (another API process, the admin CLI, SQL) arrive through the database triggers', async () => {
    const { colleague, orgId } = await firmWithColleague('admin');
    expect((await invitations(colleague, orgId)).status).toBe(200);
    // Role changed by another process: only the trigger's notification can tell this process.
    await t.dataSource.query(`UPDATE "membership" SET "role" = 'member' WHERE "user_id" = $1 AND "org_id" = $2`, [
      colleague.id,
      orgId,
    ]);
    expect(await eventually(async () => (await invitations(colleague, orgId)).status === 403)).toBe(true);
    // Removed elsewhere.
    expect((await members(colleague, orgId)).status).toBe(200);
    await t.dataSource.query(`DELETE FROM "membership" WHERE "user_id" = $1 AND "org_id" = $2`, [colleague.id, orgId]);
    expect(await eventually(async () => (await members(colleague, orgId)).status === 404)).toBe(true);
    // Signed out elsewhere (the session revoked on another process).
    const user = await registerUser(t.url, { email: 'cache-elsewhere@example.test' });
    expect((await members(user, user.orgId)).status).toBe(200);
    await t.dataSource.query(`UPDATE "session" SET "revoked_at" = now() WHERE "id" = $1`, [sessionOf(user)]);
    expect(await eventually(async () => (await members(user, user.orgId)).status === 401)).toBe(true);
  });

  it('a password change ends the other sessions of the user on their next request', async () => {
    const user = await registerUser(t.url, { email: 'cache-password@example.test' });
    const other = await registerUserSession(user);
    expect((await members(other, user.orgId)).status).toBe(200);
    const changed = await user.http.post('/api/auth/password', {
      currentPassword: 'correct horse battery staple',
      newPassword: 'ein anderes langes Passwort 42',
    });
    expect(changed.status).toBeLessThan(300);
    expect((await members(other, user.orgId)).status).toBe(401);
  });

  /** The session id inside an access token (the `sid` claim). */
  function sessionOf(u: TestUser): string {
    const payload = JSON.parse(Buffer.from(u.accessToken.split('.')[1], 'base64url').toString()) as { sid: string };
    return payload.sid;
  }

  /** A second sign-in of `u` (another device): its own session and access token. */
  async function registerUserSession(u: TestUser): Promise<TestUser> {
    const http = new HttpClient(t.url);
    const res = await http.post<{ accessToken: string; refreshToken: string }>('/api/auth/login', {
      email: u.email,
      password: 'correct horse battery staple',
    });
    expect(res.status).toBe(200);
    return { ...u, http, accessToken: res.body.accessToken, refreshToken: res.body.refreshToken };
  }
});
