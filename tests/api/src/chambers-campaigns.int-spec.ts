import { MailService } from '@scs/api/accounts';
import { isApplicable, type Catalogue, type FirmProfile } from '@scs/shared/catalogue';
import {
  createChamberWithAdmin,
  HttpClient,
  loginUser,
  type MailCatcher,
  registerUser,
  startMailCatcher,
  startTestApp,
  type TestApp,
  type TestUser,
  tokenOfLink,
} from './support/app';
import { loadCatalogue } from './support/catalogue';
import { MANUFACTURER_PROFILE } from './support/firms';

interface Campaign {
  id: string;
  title: string;
  status: string;
  invited: number;
  joined: number;
  closedAt: string | null;
}
interface Progress {
  invited: number;
  opened: number;
  joined: number;
  started: number;
  submitted: number;
  sharingFirms: number;
  complete: boolean;
  k: number;
}
interface CampaignFirm {
  firmId: string;
  name: string;
  member: boolean;
  status: string | null;
}
interface InviteResult {
  invited: number;
  duplicates: number;
  alreadyInvited: number;
  rejected: { line: number; value: string; reason: string }[];
}

/** Undoes RFC 2047 encoded words (=?UTF-8?Q?...?=) in a mail header. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe('chamber campaigns: invite → register/accept → join, progress, reminders (real PostgreSQL + SMTP)', () => {
  let t: TestApp;
  let mail: MailCatcher;
  let chamber: TestUser;
  let campaign: Campaign;
  let applicable: Catalogue['questions'];
  const base = () => `/api/orgs/${chamber.orgId}/campaigns`;

  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await startTestApp({ SMTP_URL: mail.url, LOGIN_RATE_LIMIT: '1000', RESEARCH_K: '5' });
    chamber = await createChamberWithAdmin(t, { name: 'AHK Testkammer', adminEmail: 'campaigns.admin@chamber.test' });
    const catalogue = loadCatalogue();
    applicable = catalogue.questions.filter(
      (q) => !q.applicability || isApplicable(q.applicability, MANUFACTURER_PROFILE as unknown as FirmProfile),
    );
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  /** The campaign link mailed to `to` (flushes the outbox first; skips confirmation mails of registrations). */
  async function linkMailedTo(to: string): Promise<{ token: string; text: string; subject: string }> {
    await t.app.get(MailService).flush();
    const m = await mail.waitFor(to, 5000, /\/invitations\//);
    const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/.exec(m.text)?.[0];
    if (!link) throw new Error(`no invitation link in mail to ${to}:\n${m.text}`);
    return { token: tokenOfLink(link), text: m.text, subject: decodeHeader(m.subject) };
  }

  async function progress(): Promise<Progress> {
    const res = await chamber.http.get<Progress>(`${base()}/${campaign.id}/progress`);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function firms(): Promise<CampaignFirm[]> {
    const res = await chamber.http.get<CampaignFirm[]>(`${base()}/${campaign.id}/firms`);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function fillProfile(user: TestUser, name: string): Promise<void> {
    const res = await user.http.put(`/api/orgs/${user.orgId}/profile`, { name, ...MANUFACTURER_PROFILE });
    expect(res.status).toBe(200);
  }

  /** The firm's consent "share my participation status with my chamber" (kept by the research feature). */
  async function shareStatus(user: TestUser, granted: boolean): Promise<number> {
    const texts = await user.http.get<{ kind: string; version: number }[]>('/api/consent-texts');
    const version = texts.body.find((x) => x.kind === 'chamber_participation')?.version;
    const body = granted
      ? { kind: 'chamber_participation', granted: true, textVersion: version }
      : { kind: 'chamber_participation', granted: false };
    return (await user.http.put(`/api/orgs/${user.orgId}/consents`, body)).status;
  }

  async function startAssessment(user: TestUser): Promise<string> {
    const res = await user.http.post<{ id: string }>(`/api/orgs/${user.orgId}/assessments`, {});
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function submitAssessment(user: TestUser, id: string): Promise<void> {
    const lowest = (q: Catalogue['questions'][number]) => [...q.options].sort((a, b) => a.exposure - b.exposure)[0].id;
    const put = await user.http.put(`/api/assessments/${id}/answers`, {
      answers: applicable.map((q) => ({ questionId: q.id, optionId: lowest(q), baseRevision: 0 })),
    });
    expect(put.status).toBe(200);
    const submitted = await user.http.post(`/api/assessments/${id}/submit`);
    expect(submitted.status).toBe(200);
  }

  it('validates a new campaign with field errors', async () => {
    const res = await chamber.http.post<{ errors: Record<string, string> }>(base(), {
      title: '',
      messageDe: 'x',
      messageEn: 'y',
      opensAt: days(0),
      closesAt: 'tomorrow',
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['closesAt', 'title']);
    const backwards = await chamber.http.post<{ errors: Record<string, string> }>(base(), {
      title: 'T',
      messageDe: 'x',
      messageEn: 'y',
      opensAt: days(2),
      closesAt: days(1),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors['closesAt']).toBe('The campaign must close after it opens');
  });

  it('creates a campaign and lists it', async () => {
    const res = await chamber.http.post<Campaign>(base(), {
      title: 'SCS-Selbstcheck 2026',
      messageDe: 'Liebe Mitglieder, bitte nehmen Sie am SCS-Check teil.',
      messageEn: 'Dear members, please take the SCS self-check.',
      opensAt: days(-1),
      closesAt: days(30),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'SCS-Selbstcheck 2026',
      status: 'open',
      invited: 0,
      joined: 0,
      closedAt: null,
    });
    campaign = res.body;
    const list = await chamber.http.get<Campaign[]>(base());
    expect(list.body.map((c) => c.id)).toEqual([campaign.id]);
  });

  let newFirm: TestUser;
  let newFirmToken: string;
  let existing: TestUser;

  it('invites pasted addresses: merges duplicates, lists invalid ones with line and reason, never invites twice', async () => {
    existing = await registerUser(t.url, {
      email: 'owner@existing-firm.test',
      firmName: 'Existing Trading (Shanghai) Co.',
    });
    const res = await chamber.http.post<InviteResult>(`${base()}/${campaign.id}/invitations`, {
      addresses:
        'New.Owner@new-firm.test\nowner@existing-firm.test\nnot-an-address\nnew.owner@new-firm.test\nsecond@existing-firm.test\nthird@other-firm.test',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      invited: 4,
      duplicates: 1,
      alreadyInvited: 0,
      rejected: [{ line: 3, value: 'not-an-address', reason: 'Not an email address' }],
      limit: 5000,
      mailConfigured: true,
      warning: null,
    });
    const again = await chamber.http.post<InviteResult>(`${base()}/${campaign.id}/invitations`, {
      addresses: 'owner@existing-firm.test, new.owner@new-firm.test',
    });
    expect(again.body).toMatchObject({ invited: 0, alreadyInvited: 2, duplicates: 0, rejected: [] });
    expect(await progress()).toMatchObject({ invited: 4, opened: 0, joined: 0 });
  });

  it('emails each invitation with the campaign message in German and English and a single-use link', async () => {
    const { text, subject, token } = await linkMailedTo('new.owner@new-firm.test');
    newFirmToken = token;
    expect(subject).toContain('SCS-Selbstcheck 2026');
    expect(text).toContain('Liebe Mitglieder, bitte nehmen Sie am SCS-Check teil.');
    expect(text).toContain('Dear members, please take the SCS self-check.');
    expect(text).toContain('never your answers or results');
  });

  it('counts an opened link, and a new firm registers through it and joins the chamber and the campaign', async () => {
    const token = newFirmToken;
    const preview = await new HttpClient(t.url).get<{ kind: string; orgName: string }>(`/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ kind: 'chamber_firm', orgName: 'AHK Testkammer' });
    expect(await progress()).toMatchObject({ invited: 4, opened: 1, joined: 0 });

    newFirm = await registerUser(t.url, {
      email: 'new.owner@new-firm.test',
      firmName: 'New Firm (Suzhou) Ltd.',
      invitationToken: token,
    });
    const members = await chamber.http.get<{ name: string }[]>(`/api/orgs/${chamber.orgId}/member-firms`);
    expect(members.body.map((m) => m.name)).toContain('New Firm (Suzhou) Ltd.');
    expect(await progress()).toMatchObject({ opened: 1, joined: 1 });
    const joined = await newFirm.http.get<{ title: string; chamberName: string }[]>(
      `/api/orgs/${newFirm.orgId}/chamber-campaigns`,
    );
    expect(joined.body).toEqual([
      expect.objectContaining({ title: 'SCS-Selbstcheck 2026', chamberName: 'AHK Testkammer' }),
    ]);
  });

  it("an existing firm's owner accepts the link; the link then answers 410", async () => {
    const { token } = await linkMailedTo('owner@existing-firm.test');
    const accepted = await existing.http.post(`/api/invitations/${token}/accept`, { firmId: existing.orgId });
    expect(accepted.status).toBe(200);
    expect(await progress()).toMatchObject({ opened: 2, joined: 2 });
    const reused = await existing.http.post<{ message: string }>(`/api/invitations/${token}/accept`, {
      firmId: existing.orgId,
    });
    expect(reused.status).toBe(410);
    expect(reused.body.message).toBe('This invitation has already been used');
  });

  it("a firm trying to join the same campaign twice (through a co-owner's address) gets a clear 409", async () => {
    const { token } = await linkMailedTo('second@existing-firm.test');
    // The link is bound to its address: the first owner cannot use it …
    expect((await existing.http.post(`/api/invitations/${token}/accept`, { firmId: existing.orgId })).status).toBe(403);
    // … the co-owner who received it can, and learns that the firm has joined already.
    const coOwnerInvite = await existing.http.post<{ link: string }>(`/api/orgs/${existing.orgId}/invitations`, {
      email: 'second@existing-firm.test',
      role: 'owner',
    });
    const coOwner = await registerUser(t.url, {
      email: 'second@existing-firm.test',
      invitationToken: tokenOfLink(coOwnerInvite.body.link),
    });
    const twice = await coOwner.http.post<{ message: string }>(`/api/invitations/${token}/accept`, {
      firmId: existing.orgId,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('This firm has already joined the campaign "SCS-Selbstcheck 2026"');
    expect(await progress()).toMatchObject({ joined: 2 });
  });

  it('a firm that already belongs to the chamber can still join a campaign', async () => {
    const member = await registerUser(t.url, { email: 'owner@member-firm.test', firmName: 'Member Firm GmbH' });
    const direct = await chamber.http.post<{ link: string }>(`/api/orgs/${chamber.orgId}/firm-invitations`, {
      email: 'owner@member-firm.test',
    });
    expect(
      (await member.http.post(`/api/invitations/${tokenOfLink(direct.body.link)}/accept`, { firmId: member.orgId }))
        .status,
    ).toBe(200);
    await linkMailedTo('owner@member-firm.test'); // the plain chamber invitation, used above
    await chamber.http.post(`${base()}/${campaign.id}/invitations`, { addresses: 'owner@member-firm.test' });
    const { token } = await linkMailedTo('owner@member-firm.test');
    const res = await member.http.post(`/api/invitations/${token}/accept`, { firmId: member.orgId });
    expect(res.status).toBe(200);
    expect((await firms()).map((f) => f.name)).toEqual([
      'Existing Trading (Shanghai) Co.',
      'Member Firm GmbH',
      'New Firm (Suzhou) Ltd.',
    ]);
  });

  it('hides whether a firm started or submitted unless the firm shares its participation status', async () => {
    await fillProfile(newFirm, 'New Firm (Suzhou) Ltd.');
    const draft = await startAssessment(newFirm);
    const before = await firms();
    expect(before.every((f) => f.status === null)).toBe(true);
    // One non-sharing firm started: the funnel must not show it (it would identify the firm).
    expect(await progress()).toMatchObject({ joined: 3, started: 0, submitted: 0, sharingFirms: 0, complete: false });

    const denied = await chamber.http.put(`/api/orgs/${newFirm.orgId}/consents`, {
      kind: 'chamber_participation',
      granted: true,
      textVersion: 1,
    });
    expect([403, 404]).toContain(denied.status);
    expect(await shareStatus(newFirm, true)).toBe(200);
    expect((await firms()).find((f) => f.firmId === newFirm.orgId)?.status).toBe('started');

    await submitAssessment(newFirm, draft);
    expect((await firms()).find((f) => f.firmId === newFirm.orgId)?.status).toBe('submitted');
    expect(await progress()).toMatchObject({ started: 1, submitted: 1, sharingFirms: 1, complete: false });

    // The other two firms share too: now every count is complete.
    expect(await shareStatus(existing, true)).toBe(200);
    expect(await shareStatus(await loginUser(t.url, 'owner@member-firm.test'), true)).toBe(200);
    expect(await progress()).toMatchObject({ joined: 3, started: 1, submitted: 1, sharingFirms: 3, complete: true });

    expect(await shareStatus(newFirm, false)).toBe(200);
    expect((await firms()).find((f) => f.firmId === newFirm.orgId)?.status).toBeNull();
    expect(await shareStatus(newFirm, true)).toBe(200);
  });

  it("never gives the chamber a member's answers, score or reports", async () => {
    const [assessment] = (await newFirm.http.get<{ id: string }[]>(`/api/orgs/${newFirm.orgId}/assessments`)).body;
    for (const path of [
      `/api/orgs/${newFirm.orgId}/assessments`,
      `/api/assessments/${assessment.id}`,
      `/api/assessments/${assessment.id}/result`,
      `/api/assessments/${assessment.id}/export.csv`,
      `/api/assessments/${assessment.id}/reports`,
      `/api/orgs/${newFirm.orgId}/profile`,
    ]) {
      const status = (await chamber.http.get(path)).status;
      expect([path, [403, 404].includes(status)]).toEqual([path, true]);
    }
    const everything = JSON.stringify([
      await progress(),
      await firms(),
      (await chamber.http.get(`${base()}/${campaign.id}`)).body,
    ]);
    expect(everything).not.toMatch(/score|level|answer|finding/i);
  });

  it('reminds joined firms that have not submitted, at most once a week per firm', async () => {
    await t.app.get(MailService).flush();
    const first = await chamber.http.post<{ sent: number; skippedRecentlyReminded: number; withheld: boolean }>(
      `${base()}/${campaign.id}/reminders`,
    );
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ sent: 2, skippedRecentlyReminded: 0, withheld: false });
    await t.app.get(MailService).flush();
    const reminder = await mail.waitFor('owner@existing-firm.test', 5000, /^(?![\s\S]*\/verify-email\/)/); // not a confirmation mail
    expect(decodeHeader(reminder.subject)).toMatch(/^Erinnerung \/ Reminder: SCS-Selbstcheck 2026/);
    const second = await chamber.http.post(`${base()}/${campaign.id}/reminders`);
    expect(second.body).toEqual({ sent: 0, skippedRecentlyReminded: 2, withheld: false });
    const outbox: { n: string }[] = await t.dataSource.query(
      `SELECT count(*) AS "n" FROM "mail_outbox" WHERE "subject" LIKE 'Erinnerung%' AND "to" = 'new.owner@new-firm.test'`,
    );
    expect(Number(outbox[0].n)).toBe(0); // it submitted
  });

  it("withholds reminder counts that would reveal a non-sharing firm's status", async () => {
    const other = await chamber.http.post<Campaign>(base(), {
      title: 'Small campaign',
      messageDe: 'a',
      messageEn: 'b',
      opensAt: days(-1),
      closesAt: days(10),
    });
    await chamber.http.post(`${base()}/${other.body.id}/invitations`, { addresses: 'solo@solo-firm.test' });
    await t.app.get(MailService).flush();
    const m = await mail.waitFor('solo@solo-firm.test');
    const solo = await registerUser(t.url, {
      email: 'solo@solo-firm.test',
      firmName: 'Solo Ltd.',
      invitationToken: tokenOfLink(/\/invitations\/[A-Za-z0-9_-]+/.exec(m.text)![0]),
    });
    expect(solo.orgId).toBeTruthy();
    const res = await chamber.http.post(`${base()}/${other.body.id}/reminders`);
    expect(res.body).toEqual({ sent: null, skippedRecentlyReminded: null, withheld: true });
  });

  it('closing a campaign stops new joins through its links with a clear 410; its data stays', async () => {
    const { token } = await linkMailedTo('third@other-firm.test');
    const closed = await chamber.http.post<Campaign>(`${base()}/${campaign.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');

    const preview = await new HttpClient(t.url).get<{ message: string }>(`/api/invitations/${token}`);
    expect(preview.status).toBe(410);
    expect(preview.body.message).toMatch(
      /^The campaign "SCS-Selbstcheck 2026" closed on \d{4}-\d{2}-\d{2}; its invitation links can no longer be used/,
    );
    const register = await new HttpClient(t.url).post<{ message: string }>('/api/auth/register', {
      email: 'third@other-firm.test',
      password: 'correct horse battery staple',
      name: 'Third',
      firmName: 'Third Ltd.',
      invitationToken: token,
    });
    expect(register.status).toBe(410);
    const login = await new HttpClient(t.url).post('/api/auth/login', {
      email: 'third@other-firm.test',
      password: 'correct horse battery staple',
    });
    expect(login.status).toBe(401); // nothing was created

    expect(await progress()).toMatchObject({ invited: 5, joined: 3, submitted: 1 });
    const more = await chamber.http.post<{ message: string }>(`${base()}/${campaign.id}/invitations`, {
      addresses: 'late@firm.test',
    });
    expect(more.status).toBe(409);
    expect(more.body.message).toMatch(/closed on .* takes no new invitations/);
    expect((await chamber.http.post(`${base()}/${campaign.id}/reminders`)).status).toBe(409);
    expect((await chamber.http.patch(`${base()}/${campaign.id}`, { title: 'Renamed' })).status).toBe(409);
  });

  it('a campaign whose closing date passed refuses its links with 410 too', async () => {
    const c = await chamber.http.post<Campaign>(base(), {
      title: 'Expiring',
      messageDe: 'a',
      messageEn: 'b',
      opensAt: days(-1),
      closesAt: days(5),
    });
    await chamber.http.post(`${base()}/${c.body.id}/invitations`, { addresses: 'late@expired-firm.test' });
    const { token } = await linkMailedTo('late@expired-firm.test');
    await t.dataSource.query(
      `UPDATE "campaign" SET "opens_at" = now() - interval '3 days', "closes_at" = now() - interval '1 day' WHERE "id" = $1`,
      [c.body.id],
    );
    const owner = await registerUser(t.url, { email: 'late@expired-firm.test', firmName: 'Late GmbH' });
    const res = await owner.http.post<{ message: string }>(`/api/invitations/${token}/accept`, { firmId: owner.orgId });
    expect(res.status).toBe(410);
    expect(res.body.message).toMatch(/^The campaign "Expiring" closed on/);
    expect((await chamber.http.get<Campaign>(`${base()}/${c.body.id}`)).body.status).toBe('closed');
  });

  it("another chamber cannot see or touch this chamber's campaign", async () => {
    const other = await createChamberWithAdmin(t, { name: 'Other Chamber', adminEmail: 'other.admin@chamber.test' });
    for (const [method, path] of [
      ['GET', `/api/orgs/${other.orgId}/campaigns/${campaign.id}`],
      ['GET', `/api/orgs/${other.orgId}/campaigns/${campaign.id}/progress`],
      ['GET', `/api/orgs/${other.orgId}/campaigns/${campaign.id}/firms`],
      ['POST', `/api/orgs/${other.orgId}/campaigns/${campaign.id}/invitations`],
      ['GET', `/api/orgs/${chamber.orgId}/campaigns/${campaign.id}/progress`],
    ] as const) {
      const res = await other.http.request(method, path, method === 'POST' ? { addresses: 'x@y.de' } : undefined);
      expect([path, [403, 404].includes(res.status)]).toEqual([path, true]);
    }
  });
});
