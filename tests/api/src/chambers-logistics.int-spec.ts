import { MailService } from '@scs/api/accounts';
import {
  createChamberWithAdmin,
  HttpClient,
  type MailCatcher,
  registerUser,
  startMailCatcher,
  startTestApp,
  type TestApp,
  type TestUser,
  tokenOfLink,
} from './support/app';

interface CampaignView {
  id: string;
  title: string;
  closesAt: string;
  invited: number;
  joined: number;
  deletable: boolean;
  mail: { configured: boolean; pending: number; sent: number; failed: number; notSent: number; warning: string | null };
}
interface InvitationView {
  id: string;
  email: string;
  status: 'sent' | 'opened' | 'joined' | 'bounced' | 'revoked';
  delivery: string | null;
  deliveryError: string | null;
  sendCount: number;
  expiresAt: string | null;
  firmName: string | null;
}
interface InvitationPage {
  items: InvitationView[];
  total: number;
  counts: Record<InvitationView['status'], number>;
}
interface ErrorBody {
  message: string;
}

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

/** Helpers shared by both app set-ups: campaigns, invitations and the links read from the outbox. */
function campaignHelpers(get: () => { t: TestApp; chamber: TestUser }) {
  const base = () => `/api/orgs/${get().chamber.orgId}/campaigns`;
  return {
    base,
    async create(title: string, closesInDays = 20): Promise<CampaignView> {
      const res = await get().chamber.http.post<CampaignView>(base(), {
        title,
        messageDe: 'Bitte machen Sie mit.',
        messageEn: 'Please take part.',
        opensAt: days(-1),
        closesAt: days(closesInDays),
      });
      expect(res.status).toBe(201);
      return res.body;
    },
    async invite(campaignId: string, addresses: string) {
      const res = await get().chamber.http.post<{
        invited: number;
        mailConfigured: boolean;
        warning: string | null;
      }>(`${base()}/${campaignId}/invitations`, { addresses });
      expect(res.status).toBe(200);
      return res.body;
    },
    async list(campaignId: string, query = ''): Promise<InvitationPage> {
      const res = await get().chamber.http.get<InvitationPage>(`${base()}/${campaignId}/invitations${query}`);
      expect(res.status).toBe(200);
      return res.body;
    },
    async entry(campaignId: string, email: string): Promise<InvitationView> {
      const found = (await this.list(campaignId, `?q=${encodeURIComponent(email)}`)).items.find(
        (i) => i.email === email,
      );
      if (!found) throw new Error(`${email} not invited`);
      return found;
    },
    /** The token of the newest campaign link mailed to `email` (read from the outbox, sent or not). */
    async token(email: string): Promise<string> {
      const rows: { text: string }[] = await get().t.dataSource.query(
        `SELECT "text" FROM "mail_outbox" WHERE "to" = $1 AND "text" LIKE '%/invitations/%' ORDER BY "created_at" DESC LIMIT 1`,
        [email],
      );
      const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/.exec(rows[0]?.text ?? '')?.[0];
      if (!link) throw new Error(`no invitation link mailed to ${email}`);
      return tokenOfLink(link);
    },
  };
}

describe('campaign invitations without a mail server: the warning (real PostgreSQL)', () => {
  let t: TestApp;
  let chamber: TestUser;
  const c = campaignHelpers(() => ({ t, chamber }));

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' }); // no SMTP_URL: the outbox only marks mails not_sent
    chamber = await createChamberWithAdmin(t, { name: 'AHK Ohne Mail', adminEmail: 'nomail.admin@chamber.test' });
  });
  afterAll(() => t.close());

  it('says so in the invite answer and on the campaign, and marks each address "not sent"', async () => {
    const campaign = await c.create('Ohne Mailserver');
    expect(campaign.mail).toMatchObject({ configured: false });
    expect(campaign.mail.warning).toMatch(/No mail server is configured/);
    const result = await c.invite(campaign.id, 'a@nomail.test, b@nomail.test');
    expect(result).toMatchObject({ invited: 2, mailConfigured: false });
    expect(result.warning).toMatch(/no email goes out/);
    await t.app.get(MailService).flush();
    const view = (await chamber.http.get<CampaignView>(`${c.base()}/${campaign.id}`)).body;
    expect(view.mail).toMatchObject({ configured: false, notSent: 2, sent: 0 });
    expect(view.mail.warning).toMatch(/No mail server is configured/);
    const entry = await c.entry(campaign.id, 'a@nomail.test');
    expect(entry).toMatchObject({ status: 'sent', delivery: 'not_sent' });
  });
});

describe('campaign invitation logistics: status, resend, revoke, expiry, delete, merge, export (real PostgreSQL + SMTP)', () => {
  let t: TestApp;
  let mail: MailCatcher;
  let chamber: TestUser;
  let main: CampaignView;
  const c = campaignHelpers(() => ({ t, chamber }));
  const anonymous = () => new HttpClient(t.url);

  beforeAll(async () => {
    mail = await startMailCatcher({ reject: /^bounce/ });
    t = await startTestApp({ SMTP_URL: mail.url, LOGIN_RATE_LIMIT: '1000' });
    chamber = await createChamberWithAdmin(t, { name: 'AHK Logistik', adminEmail: 'logistics.admin@chamber.test' });
    main = await c.create('Frühjahr 2027', 20);
    await c.invite(
      main.id,
      ['sent@firm-a.test', 'opened@firm-b.test', 'joined@firm-c.test', 'bounce@firm-d.test', 'revoke@firm-e.test'].join(
        '\n',
      ),
    );
    await t.app.get(MailService).flush();
  });
  afterAll(async () => {
    await t.dataSource.query(
      `UPDATE "mail_outbox" SET "status" = 'not_sent', "last_error" = 'No SMTP configured (SMTP_URL)' WHERE "status" = 'pending'`,
    );
    await t.close();
    await mail.close();
  });

  it('links end with the campaign: the token expires at its closing date', async () => {
    const token = await c.token('sent@firm-a.test');
    const rows: { expiresAt: Date }[] = await t.dataSource.query(
      `SELECT i."expires_at" AS "expiresAt" FROM "invitation" i JOIN "campaign_invitation" ci ON ci."invitation_id" = i."id" WHERE ci."campaign_id" = $1`,
      [main.id],
    );
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(new Date(r.expiresAt).toISOString()).toBe(new Date(main.closesAt).toISOString());
    expect((await c.entry(main.id, 'sent@firm-a.test')).expiresAt).toBe(new Date(main.closesAt).toISOString());
    // The mail names the same day.
    const sent = await mail.waitFor('sent@firm-a.test');
    const day = new Date(main.closesAt).toLocaleDateString('de-DE', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(sent.text).toContain(`Link gültig bis ${day}`);
    expect(sent.text).toContain(token);
  });

  it('moving the closing date moves the end of every pending link; a link past it answers 410', async () => {
    const closesAt = days(10);
    const res = await chamber.http.patch<CampaignView>(`${c.base()}/${main.id}`, { closesAt });
    expect(res.status).toBe(200);
    main = res.body;
    const entry = await c.entry(main.id, 'sent@firm-a.test');
    expect(entry.expiresAt).toBe(new Date(closesAt).toISOString());
    // A link whose end has passed (the campaign's end) no longer works.
    const token = await c.token('revoke@firm-e.test');
    await t.dataSource.query(
      `UPDATE "invitation" SET "expires_at" = now() - interval '1 minute' WHERE "id" = (SELECT "invitation_id" FROM "campaign_invitation" WHERE "campaign_id" = $1 AND "email" = 'revoke@firm-e.test')`,
      [main.id],
    );
    const expired = await anonymous().get<ErrorBody>(`/api/invitations/${token}`);
    expect(expired.status).toBe(410);
    expect(expired.body.message).toBe('This invitation has expired');
    // Setting the closing date again brings the link back in line with the campaign.
    main = (await chamber.http.patch<CampaignView>(`${c.base()}/${main.id}`, { closesAt: days(12) })).body;
    expect((await anonymous().get(`/api/invitations/${token}`)).status).toBe(200);
  });

  it('tracks each address: sent, opened (link fetched), joined (registered through it), bounced (550 from the server)', async () => {
    expect((await anonymous().get(`/api/invitations/${await c.token('opened@firm-b.test')}`)).status).toBe(200);
    await registerUser(t.url, {
      email: 'joined@firm-c.test',
      firmName: 'Joined Firm C Ltd.',
      invitationToken: await c.token('joined@firm-c.test'),
    });
    const page = await c.list(main.id);
    const status = Object.fromEntries(page.items.map((i) => [i.email, i.status]));
    expect(status).toEqual({
      'sent@firm-a.test': 'sent',
      'opened@firm-b.test': 'opened',
      'joined@firm-c.test': 'joined',
      'bounce@firm-d.test': 'bounced',
      'revoke@firm-e.test': 'opened', // opened in the test above
    });
    expect(page.counts).toEqual({ sent: 1, opened: 2, joined: 1, bounced: 1, revoked: 0 });
    const bounced = page.items.find((i) => i.email === 'bounce@firm-d.test');
    expect(bounced).toMatchObject({ delivery: 'failed', sendCount: 1 });
    expect(bounced?.deliveryError).toMatch(/Mailbox unavailable|550/);
    expect(page.items.find((i) => i.email === 'joined@firm-c.test')).toMatchObject({
      firmName: 'Joined Firm C Ltd.',
      expiresAt: null,
    });
    // The outbox gave up at once (a 5xx is final), without retries.
    const [row]: { attempts: number; status: string }[] = await t.dataSource.query(
      `SELECT "attempts", "status" FROM "mail_outbox" WHERE "to" = 'bounce@firm-d.test'`,
    );
    expect(row).toEqual({ attempts: 1, status: 'failed' });
    const view = (await chamber.http.get<CampaignView>(`${c.base()}/${main.id}`)).body;
    expect(view.mail).toMatchObject({ configured: true, failed: 1 });
    expect(view.mail.warning).toMatch(/could not be delivered/);
    // Filters: by status and by part of the address.
    expect((await c.list(main.id, '?status=bounced')).items.map((i) => i.email)).toEqual(['bounce@firm-d.test']);
    expect((await c.list(main.id, '?q=FIRM-B')).items.map((i) => i.email)).toEqual(['opened@firm-b.test']);
    expect((await c.list(main.id, '?q=%25')).total).toBe(0); // % is a character, not a wildcard
    expect((await chamber.http.get(`${c.base()}/${main.id}/invitations?status=lost`)).status).toBe(400);
  });

  it('revokes one link (410 from then on), refuses to revoke twice or a joined address, and resends a fresh link', async () => {
    const entry = await c.entry(main.id, 'revoke@firm-e.test');
    const oldToken = await c.token('revoke@firm-e.test');
    const revoked = await chamber.http.post<InvitationView>(`${c.base()}/${main.id}/invitations/${entry.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    expect(revoked.body.expiresAt).toBeNull(); // a withdrawn link has no end date to show
    const gone = await anonymous().get<ErrorBody>(`/api/invitations/${oldToken}`);
    expect(gone.status).toBe(410);
    expect(gone.body.message).toBe('This invitation was withdrawn');
    const twice = await chamber.http.post<ErrorBody>(`${c.base()}/${main.id}/invitations/${entry.id}/revoke`);
    expect(twice.status).toBe(409);
    const joined = await c.entry(main.id, 'joined@firm-c.test');
    expect((await chamber.http.post(`${c.base()}/${main.id}/invitations/${joined.id}/revoke`)).status).toBe(409);
    expect((await chamber.http.post(`${c.base()}/${main.id}/invitations/${joined.id}/resend`)).status).toBe(409);

    const resent = await chamber.http.post<InvitationView>(`${c.base()}/${main.id}/invitations/${entry.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ status: 'opened', sendCount: 2 });
    expect(['pending', 'sent']).toContain(resent.body.delivery);
    const newToken = await c.token('revoke@firm-e.test');
    expect(newToken).not.toBe(oldToken);
    expect((await anonymous().get(`/api/invitations/${newToken}`)).status).toBe(200);
    expect((await anonymous().get(`/api/invitations/${oldToken}`)).status).toBe(410);
  });

  it('resending after a bounce sends a new mail, and the address counts as sent again', async () => {
    const entry = await c.entry(main.id, 'bounce@firm-d.test');
    const resent = await chamber.http.post<InvitationView>(`${c.base()}/${main.id}/invitations/${entry.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body.sendCount).toBe(2);
    // A new mail, now the one the status follows (the poller may already have tried it: then it bounced again).
    const mails: { id: string }[] = await t.dataSource.query(
      `SELECT "id" FROM "mail_outbox" WHERE "to" = 'bounce@firm-d.test' ORDER BY "created_at" DESC`,
    );
    expect(mails).toHaveLength(2);
    const [ci]: { mailId: string }[] = await t.dataSource.query(
      `SELECT "mail_id" AS "mailId" FROM "campaign_invitation" WHERE "id" = $1`,
      [entry.id],
    );
    expect(ci.mailId).toBe(mails[0].id);
    expect(resent.body.delivery === 'failed' ? 'bounced' : 'sent').toBe(resent.body.status);
    const unknown = await chamber.http.post(
      `${c.base()}/${main.id}/invitations/00000000-0000-4000-8000-000000000000/resend`,
    );
    expect(unknown.status).toBe(404);
    expect((await chamber.http.post(`${c.base()}/${main.id}/invitations/not-a-uuid/resend`)).status).toBe(400);
  });

  it('exports participation status as CSV (; separated, UTF-8 BOM) with no answers or scores', async () => {
    const res = await fetch(`${t.url}${c.base()}/${main.id}/export?locale=de`, {
      headers: { authorization: `Bearer ${chamber.accessToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('SCS-Check_Teilnahme_Fruhjahr-2027.csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0].split(';')).toEqual([
      '"E-Mail-Adresse"',
      '"Status"',
      '"Eingeladen am (UTC)"',
      '"Zuletzt gesendet am (UTC)"',
      '"Anzahl gesendet"',
      '"Versand"',
      '"Geöffnet am (UTC)"',
      '"Beigetreten am (UTC)"',
      '"Unternehmen"',
      '"Link gültig bis (UTC)"',
    ]);
    expect(lines).toHaveLength(6);
    const joined = lines.find((l) => l.startsWith('"joined@firm-c.test"'));
    expect(joined).toContain('"Beigetreten"');
    expect(joined).toContain('"Joined Firm C Ltd."');
    expect(lines.find((l) => l.startsWith('"opened@firm-b.test"'))).toContain('"Geöffnet"');
    expect(bytes.toString('utf8')).not.toMatch(/score|answer|Antwort|Wert|Stufe|level|submitted|eingereicht/i);
    const en = await fetch(`${t.url}${c.base()}/${main.id}/export?locale=en`, {
      headers: { authorization: `Bearer ${chamber.accessToken}` },
    });
    expect((await en.text()).split('\r\n')[0]).toContain('"Email address";"Status";"Invited (UTC)"');
    expect((await chamber.http.get(`${c.base()}/${main.id}/export?locale=fr`)).status).toBe(400);
  });

  it('deletes a campaign nobody joined (its links stop working), but not one a firm joined through', async () => {
    const spare = await c.create('Versehentlich angelegt');
    await c.invite(spare.id, 'spare@firm-f.test');
    const token = await c.token('spare@firm-f.test');
    expect(spare.deletable).toBe(true);
    const deleted = await chamber.http.delete(`${c.base()}/${spare.id}`);
    expect(deleted.status).toBe(204);
    expect((await chamber.http.get(`${c.base()}/${spare.id}`)).status).toBe(404);
    expect((await anonymous().get(`/api/invitations/${token}`)).status).toBe(410);

    const refused = await chamber.http.delete<ErrorBody>(`${c.base()}/${main.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/joined through this campaign, so it cannot be deleted; close it instead/);
    expect((await chamber.http.get<CampaignView>(`${c.base()}/${main.id}`)).body).toMatchObject({
      joined: 1,
      deletable: false,
    });
  });

  it('merges a twin campaign: addresses and joined firms move, an address in both stays once, the twin is gone', async () => {
    const twin = await c.create('Frühjahr 2027 (Doppelt)', 30);
    await c.invite(twin.id, 'sent@firm-a.test\ntwin-only@firm-g.test\ntwin-joined@firm-h.test');
    const twinOnlyToken = await c.token('twin-only@firm-g.test');
    await registerUser(t.url, {
      email: 'twin-joined@firm-h.test',
      firmName: 'Twin Joined H GmbH',
      invitationToken: await c.token('twin-joined@firm-h.test'),
    });
    const merged = await chamber.http.post<CampaignView>(`${c.base()}/${main.id}/merge`, {
      sourceCampaignId: twin.id,
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: main.id, title: 'Frühjahr 2027', invited: 7, joined: 2 });
    expect((await chamber.http.get(`${c.base()}/${twin.id}`)).status).toBe(404);
    const page = await c.list(main.id, '?limit=50');
    expect(page.items.filter((i) => i.email === 'sent@firm-a.test')).toHaveLength(1);
    expect(page.items.find((i) => i.email === 'twin-joined@firm-h.test')).toMatchObject({
      status: 'joined',
      firmName: 'Twin Joined H GmbH',
    });
    // The moved link still works and now ends with the campaign it belongs to.
    const preview = await anonymous().get<{ expiresAt: string }>(`/api/invitations/${twinOnlyToken}`);
    expect(preview.status).toBe(200);
    expect(preview.body.expiresAt).toBe(new Date(main.closesAt).toISOString());
    const firms = await chamber.http.get<{ name: string }[]>(`${c.base()}/${main.id}/firms`);
    expect(firms.body.map((f) => f.name).sort()).toEqual(['Joined Firm C Ltd.', 'Twin Joined H GmbH']);
  });

  it('refuses to merge a campaign into itself (400), across chambers (404) or into a closed campaign (409)', async () => {
    const self = await chamber.http.post<ErrorBody>(`${c.base()}/${main.id}/merge`, { sourceCampaignId: main.id });
    expect(self.status).toBe(400);
    expect((await chamber.http.post(`${c.base()}/${main.id}/merge`, { sourceCampaignId: 'nope' })).status).toBe(400);
    const other = await createChamberWithAdmin(t, {
      name: 'AHK Andere',
      adminEmail: 'other.logistics.admin@chamber.test',
    });
    const foreign = await other.http.post<{ id: string }>(`/api/orgs/${other.orgId}/campaigns`, {
      title: 'Fremd',
      messageDe: 'x',
      messageEn: 'x',
      opensAt: days(-1),
      closesAt: days(5),
    });
    expect(
      (await chamber.http.post(`${c.base()}/${main.id}/merge`, { sourceCampaignId: foreign.body.id })).status,
    ).toBe(404);
    expect(
      (
        await other.http.post(`/api/orgs/${other.orgId}/campaigns/${foreign.body.id}/merge`, {
          sourceCampaignId: main.id,
        })
      ).status,
    ).toBe(404);
    const closed = await c.create('Geschlossen');
    expect((await chamber.http.post(`${c.base()}/${closed.id}/close`)).status).toBe(200);
    const intoClosed = await chamber.http.post<ErrorBody>(`${c.base()}/${closed.id}/merge`, {
      sourceCampaignId: main.id,
    });
    expect(intoClosed.status).toBe(409);
    expect((await chamber.http.get(`${c.base()}/${main.id}`)).status).toBe(200);
  });
});
