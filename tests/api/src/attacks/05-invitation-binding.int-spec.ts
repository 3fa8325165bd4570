import {
  createChamberWithAdmin,
  HttpClient,
  registerUser,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestUser,
} from '../support/app';
import { chamberSetup, type MemberFirm } from '../support/chamber-members';

// Attack 5 (issue 15): invitation links worked for whoever held them, and chamber consent carried over to a chamber
// joined later. Each case prints what the attacker got.
describe('attack 5: invitations are bound to the invited address; unverified accounts count nowhere', () => {
  let t: TestApp;
  let chamber: TestUser;

  const invite = async (email: string, bindTo?: 'address' | 'domain') => {
    const res = await chamber.http.post<{ link: string }>(`/api/orgs/${chamber.orgId}/firm-invitations`, {
      email,
      ...(bindTo ? { bindTo } : {}),
    });
    if (res.status !== 201) throw new Error(`invite ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.link.split('/').pop() as string;
  };
  const rawRegister = (email: string, invitationToken?: string) =>
    new HttpClient(t.url).post<{ accessToken?: string; orgId?: string; message?: string }>('/api/auth/register', {
      email,
      password: TEST_PASSWORD,
      name: email.split('@')[0],
      firmName: `Firm of ${email}`,
      ...(invitationToken ? { invitationToken } : {}),
    });

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000', RESEARCH_K: '5' });
    chamber = await createChamberWithAdmin(t, { name: 'AHK Attack Five', adminEmail: 'admin@ahk-five.test' });
  });
  afterAll(() => t.close());

  it('a link sent to one address does not register another', async () => {
    const token = await invite('owner@rightful-one.test');
    const res = await rawRegister('mallory@attacker.test', token);
    console.log(
      `[attack 5a] registering mallory@attacker.test with a link sent to owner@rightful-one.test -> ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`,
    );
    expect(res.status).toBe(403);
  });

  it('a firm owner cannot accept a link meant for another firm, and the rightful recipient can still use it', async () => {
    const token = await invite('owner@rightful-two.test');
    const mallory = await registerUser(t.url, { email: 'owner@other-firm.test' });
    const accepted = await mallory.http.post(`/api/invitations/${token}/accept`, { firmId: mallory.orgId });
    const rightful = await rawRegister('owner@rightful-two.test', token);
    console.log(
      `[attack 5b] other firm's owner accepts -> ${accepted.status}; rightful recipient registers afterwards -> ${rightful.status}`,
    );
    expect(accepted.status).toBe(403);
    expect(rightful.status).not.toBe(410);
  });

  it('a new account neither signs in nor counts before its e-mail address is verified', async () => {
    const res = await rawRegister('sybil1@chamber-controlled.test');
    const login = await new HttpClient(t.url).post<{ message?: string }>('/api/auth/login', {
      email: 'sybil1@chamber-controlled.test',
      password: TEST_PASSWORD,
    });
    console.log(
      `[attack 5c] unverified registration -> ${res.status} (session issued: ${Boolean(res.body.accessToken)}); login before verifying -> ${login.status} ${login.body.message ?? ''}`,
    );
    expect(res.body.accessToken).toBeUndefined();
    expect(login.status).toBe(403);
  });

  it('a domain invitation admits a verified address of that domain only', async () => {
    const token = await invite('info@domain-firm.test', 'domain');
    const outsider = await registerUser(t.url, { email: 'owner@not-the-domain.test' });
    const insider = await registerUser(t.url, { email: 'ceo@domain-firm.test' });
    const byOutsider = await outsider.http.post(`/api/invitations/${token}/accept`, { firmId: outsider.orgId });
    const byInsider = await insider.http.post(`/api/invitations/${token}/accept`, { firmId: insider.orgId });
    console.log(
      `[attack 5d] domain invitation: outsider -> ${byOutsider.status}, verified address at the domain -> ${byInsider.status}`,
    );
    expect([byOutsider.status, byInsider.status]).toEqual([403, 200]);
  });

  it('chamber consent is not inherited by a chamber joined later', async () => {
    const firm = await registerUser(t.url, { email: 'owner@consenting-firm.test' });
    const first = await firm.http.post(`/api/invitations/${await invite('owner@consenting-firm.test')}/accept`, {
      firmId: firm.orgId,
    });
    expect(first.status).toBe(200);
    const texts = await firm.http.get<{ kind: string; version: number }[]>('/api/consent-texts');
    const version = texts.body.find((x) => x.kind === 'chamber')?.version;
    expect(
      (
        await firm.http.put(`/api/orgs/${firm.orgId}/consents`, {
          kind: 'chamber',
          granted: true,
          textVersion: version,
        })
      ).status,
    ).toBe(200);

    const other = await createChamberWithAdmin(t, { name: 'AHK Joined Later', adminEmail: 'admin@ahk-later.test' });
    const link = await other.http.post<{ link: string }>(`/api/orgs/${other.orgId}/firm-invitations`, {
      email: 'owner@consenting-firm.test',
    });
    expect(
      (await firm.http.post(`/api/invitations/${link.body.link.split('/').pop()}/accept`, { firmId: firm.orgId }))
        .status,
    ).toBe(200);
    type Status = { kind: string; chamberId: string | null; granted: boolean };
    const consents = await firm.http.get<Status[]>(`/api/orgs/${firm.orgId}/consents`);
    // Per chamber: the grant names the first chamber; the chamber joined later has none of its own.
    const chamberConsent = consents.body.find((c) => c.kind === 'chamber' && c.chamberId === other.orgId)?.granted;
    const firstConsent = consents.body.find((c) => c.kind === 'chamber' && c.chamberId === chamber.orgId)?.granted;
    console.log(
      `[attack 5e] chamber consent active right after joining a second chamber: ${chamberConsent} (for the first chamber, granted before: ${firstConsent})`,
    );
    expect(chamberConsent).toBe(false);
    expect(firstConsent).toBe(true);
    // Without naming the chamber, a firm in two chambers cannot grant (it would be ambiguous).
    const unnamed = await firm.http.put(`/api/orgs/${firm.orgId}/consents`, {
      kind: 'chamber',
      granted: true,
      textVersion: version,
    });
    expect(unnamed.status).toBe(400);
    // A chamber the firm does not belong to cannot be named.
    const stranger = await createChamberWithAdmin(t, { name: 'AHK Stranger', adminEmail: 'admin@ahk-stranger.test' });
    const foreign = await firm.http.put(`/api/orgs/${firm.orgId}/consents`, {
      kind: 'chamber',
      granted: true,
      textVersion: version,
      chamberId: stranger.orgId,
    });
    expect(foreign.status).toBe(400);
  });

  it("the later chamber's release never counts a firm whose only chamber consent names the first chamber", async () => {
    const setupA = await chamberSetup(t, 'AHK Release First');
    const setupB = await chamberSetup(t, 'AHK Release Later');
    // Firms join chamber A and consent for A only; then join chamber B (through B's campaign link).
    const firms: MemberFirm[] = [];
    for (let i = 0; i < 5; i++) {
      const firm = await setupA.addFirm(`owner@per-chamber${i}.test`, 'mixed');
      await setupA.share(firm);
      firms.push(firm);
    }
    for (const firm of firms) {
      const invited = await setupB.chamber.http.post(
        `/api/orgs/${setupB.chamber.orgId}/campaigns/${setupB.campaignId}/invitations`,
        { addresses: firm.email },
      );
      expect(invited.status).toBe(200);
      const [mail]: { text: string }[] = await t.dataSource.query(
        `SELECT "text" FROM "mail_outbox" WHERE "to" = $1 ORDER BY "created_at" DESC LIMIT 1`,
        [firm.email],
      );
      const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] as string;
      expect((await firm.http.post(`/api/invitations/${token}/accept`, { firmId: firm.orgId })).status).toBe(200);
    }
    setupA.nextQuarter();
    setupB.nextQuarter();
    const a = await setupA.aggregates();
    const b = await setupB.aggregates();
    console.log(
      `[attack 5f] five firms consent for chamber A, then join chamber B: A's release ${a.status} (${a.firms ?? '.'} members), B's release ${b.status} (${b.firms ?? '.'} members)`,
    );
    expect(a).toMatchObject({ status: 'published', firms: 5 });
    expect(b).toMatchObject({ status: 'not_enough_members', firms: null });
  }, 240_000);
});
