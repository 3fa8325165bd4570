import { TEST_FIRM_PROFILE } from '@scs/shared/testing';
import { createAdmin, MailService } from '@scs/api/accounts';
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

interface ErrorBody {
  message: string;
  errors?: Record<string, string>;
}
interface Profile {
  orgId: string;
  version: number;
  data: Record<string, unknown>;
  complete: boolean;
  missing: string[];
}
interface Member {
  userId: string;
  name: string;
  email: string;
  role: string;
}
interface Created {
  id: string;
  link: string;
  status: string;
}

const FULL_PROFILE = {
  name: 'Muster Maschinenbau (Suzhou) Co., Ltd.',
  uscc: '91350100M000100Y43',
  ...TEST_FIRM_PROFILE,
  provinces: ['JS', 'SH'],
};

describe('accounts: organisations, profiles, members, invitations, chambers (real PostgreSQL)', () => {
  let t: TestApp;
  let mail: MailCatcher;
  const flushMail = () => t.app.get(MailService).flush();

  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await startTestApp({ SMTP_URL: mail.url, LOGIN_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const audit = (action: string, orgId: string): Promise<unknown[]> =>
    t.dataSource.query(`SELECT 1 FROM audit_log WHERE action = $1 AND org_id = $2`, [action, orgId]);

  describe('firm profile', () => {
    let owner: TestUser;
    beforeAll(async () => {
      owner = await registerUser(t.url, { email: 'profile.owner@example.test', firmName: 'Muster' });
    });

    it('saves a complete profile as a new version and keeps the old one', async () => {
      const res = await owner.http.put<Profile>(`/api/orgs/${owner.orgId}/profile`, FULL_PROFILE);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 2, complete: true, missing: [] });
      expect(res.body.data).toEqual(FULL_PROFILE);
      const versions = await owner.http.get<(Profile & { createdByName: string })[]>(
        `/api/orgs/${owner.orgId}/profile/versions`,
      );
      expect(versions.body.map((v) => v.version)).toEqual([2, 1]);
      expect(versions.body[0].createdByName).toBe('profile.owner');
      expect((await owner.http.get<Profile>(`/api/orgs/${owner.orgId}/profile`)).body.version).toBe(2);
      const me = await owner.http.get<{ memberships: { orgName: string }[] }>('/api/auth/me');
      expect(me.body.memberships[0].orgName).toBe(FULL_PROFILE.name); // the organisation follows the profile's name
      expect(await audit('profile.updated', owner.orgId)).toHaveLength(1);
    });

    it('reports invalid fields one by one, next to the field', async () => {
      const res = await owner.http.put<ErrorBody>(`/api/orgs/${owner.orgId}/profile`, {
        ...FULL_PROFILE,
        uscc: '91350100M000100Y44',
        legalForm: 'gmbh',
        activities: ['mining'],
        provinces: ['XX'],
        taxRegistrationYear: 3000,
        importsExports: 'yes',
      });
      expect(res.status).toBe(400);
      const errors = res.body.errors ?? {};
      expect(Object.keys(errors).sort()).toEqual([
        'activities',
        'importsExports',
        'legalForm',
        'provinces',
        'taxRegistrationYear',
        'uscc',
      ]);
      expect(errors['uscc']).toMatch(/check character/);
      expect(errors['legalForm']).toMatch(/wfoe/);
      expect(errors['taxRegistrationYear']).toMatch(/future/);
    });

    it('requires every catalogue field', async () => {
      const { germanParent: _omit, ...partial } = FULL_PROFILE;
      const res = await owner.http.put<ErrorBody>(`/api/orgs/${owner.orgId}/profile`, partial);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {})).toEqual(['germanParent']);
    });

    it('accepts a profile without USCC and normalises its case', async () => {
      const without = await owner.http.put<Profile>(`/api/orgs/${owner.orgId}/profile`, { ...FULL_PROFILE, uscc: '' });
      expect(without.body.data['uscc']).toBeNull();
      const lower = await owner.http.put<Profile>(`/api/orgs/${owner.orgId}/profile`, {
        ...FULL_PROFILE,
        uscc: '91110000600037341l',
      });
      expect(lower.body.data['uscc']).toBe('91110000600037341L');
    });

    it('refuses to overwrite a newer version (baseVersion) with 409', async () => {
      const current = (await owner.http.get<Profile>(`/api/orgs/${owner.orgId}/profile`)).body.version;
      const res = await owner.http.put<ErrorBody>(`/api/orgs/${owner.orgId}/profile`, {
        ...FULL_PROFILE,
        baseVersion: current - 1,
      });
      expect(res.status).toBe(409);
      expect(
        (await owner.http.put<Profile>(`/api/orgs/${owner.orgId}/profile`, { ...FULL_PROFILE, baseVersion: current }))
          .status,
      ).toBe(200);
    });
  });

  describe('members and invitations', () => {
    let owner: TestUser;
    beforeAll(async () => {
      owner = await registerUser(t.url, { email: 'team.owner@example.test', firmName: 'Team AG' });
    });

    async function invite(email: string, role = 'member'): Promise<Created> {
      const res = await owner.http.post<Created>(`/api/orgs/${owner.orgId}/invitations`, { email, role });
      expect(res.status).toBe(201);
      return res.body;
    }

    it('invites a colleague by email; the colleague registers through the link and joins without creating a firm', async () => {
      const created = await invite('colleague@example.test', 'admin');
      await flushMail();
      const message = await mail.waitFor('colleague@example.test');
      const token = tokenOfLink(message.text);
      expect(created.link).toContain(token);

      const preview = await new HttpClient(t.url).get<{ orgName: string; role: string; kind: string; email: string }>(
        `/api/invitations/${token}`,
      );
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        orgName: 'Team AG',
        role: 'admin',
        kind: 'member',
        email: 'colleague@example.test',
      });

      const orgsBefore: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM organisation`);
      const colleague = await registerUser(t.url, { email: 'colleague@example.test', invitationToken: token });
      expect(colleague.orgId).toBe(owner.orgId);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM organisation`)).toEqual(orgsBefore);
      const me = await colleague.http.get<{ memberships: { orgId: string; role: string }[] }>('/api/auth/me');
      expect(me.body.memberships).toEqual([expect.objectContaining({ orgId: owner.orgId, role: 'admin' })]);
      expect(await audit('invitation.accepted', owner.orgId)).toHaveLength(1);
    });

    it('uses an invitation only once', async () => {
      const token = tokenOfLink((await invite('once@example.test')).link);
      await registerUser(t.url, { email: 'once@example.test', invitationToken: token });
      expect((await new HttpClient(t.url).get(`/api/invitations/${token}`)).status).toBe(410);
      const second = await new HttpClient(t.url).post<ErrorBody>('/api/auth/register', {
        email: 'once@example.test',
        name: 'x',
        password: 'correct horse battery staple',
        invitationToken: token,
      });
      expect(second.status).toBe(410);
    });

    it('refuses expired and withdrawn invitations with 410', async () => {
      const expired = await invite('late@example.test');
      await t.dataSource.query(`UPDATE invitation SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        expired.id,
      ]);
      expect((await new HttpClient(t.url).get(`/api/invitations/${tokenOfLink(expired.link)}`)).status).toBe(410);

      const withdrawn = await invite('withdrawn@example.test');
      expect((await owner.http.delete(`/api/orgs/${owner.orgId}/invitations/${withdrawn.id}`)).status).toBe(204);
      const gone = await new HttpClient(t.url).get<ErrorBody>(`/api/invitations/${tokenOfLink(withdrawn.link)}`);
      expect(gone.status).toBe(410);
      expect(gone.body.message).toMatch(/withdrawn/);
      const list = await owner.http.get<{ id: string; status: string }[]>(`/api/orgs/${owner.orgId}/invitations`);
      expect(list.body.find((i) => i.id === withdrawn.id)?.status).toBe('revoked');
      expect(list.body.find((i) => i.id === expired.id)?.status).toBe('expired');
      expect((await owner.http.delete(`/api/orgs/${owner.orgId}/invitations/${withdrawn.id}`)).status).toBe(409);
    });

    it('answers 404 for an unknown invitation token', async () => {
      expect((await new HttpClient(t.url).get('/api/invitations/unknown-token-value')).status).toBe(404);
    });

    it('lets an existing user accept with the invited address only', async () => {
      const other = await registerUser(t.url, { email: 'existing@example.test' });
      const stranger = await registerUser(t.url, { email: 'stranger@example.test' });
      const token = tokenOfLink((await invite('existing@example.test')).link);
      const wrongUser = await stranger.http.post<ErrorBody>(`/api/invitations/${token}/accept`);
      expect(wrongUser.status).toBe(403);
      const ok = await other.http.post<{ orgId: string }>(`/api/invitations/${token}/accept`);
      expect(ok.status).toBe(200);
      expect(ok.body.orgId).toBe(owner.orgId);
      const members = await owner.http.get<Member[]>(`/api/orgs/${owner.orgId}/members`);
      expect(members.body.map((m) => m.email)).toContain('existing@example.test');
    });

    it('refuses to invite someone who is already a member', async () => {
      const res = await owner.http.post<ErrorBody>(`/api/orgs/${owner.orgId}/invitations`, {
        email: 'team.owner@example.test',
        role: 'member',
      });
      expect(res.status).toBe(409);
      expect(res.body.errors?.['email']).toBeDefined();
    });

    it('changes roles; admins cannot touch owners; members cannot change roles', async () => {
      const admin = await loginUser(t.url, 'colleague@example.test');
      const member = await loginUser(t.url, 'existing@example.test');
      const promote = await admin.http.patch<Member>(`/api/orgs/${owner.orgId}/members/${member.id}`, {
        role: 'admin',
      });
      expect(promote.status).toBe(200);
      expect(promote.body.role).toBe('admin');
      expect((await admin.http.patch(`/api/orgs/${owner.orgId}/members/${member.id}`, { role: 'owner' })).status).toBe(
        403,
      );
      expect((await admin.http.patch(`/api/orgs/${owner.orgId}/members/${owner.id}`, { role: 'member' })).status).toBe(
        403,
      );
      expect((await owner.http.patch(`/api/orgs/${owner.orgId}/members/${member.id}`, { role: 'member' })).status).toBe(
        200,
      );
      expect((await member.http.patch(`/api/orgs/${owner.orgId}/members/${admin.id}`, { role: 'member' })).status).toBe(
        403,
      );
      expect(await audit('member.role_changed', owner.orgId)).toHaveLength(2);
    });

    it('never removes or demotes the last owner', async () => {
      const demote = await owner.http.patch<ErrorBody>(`/api/orgs/${owner.orgId}/members/${owner.id}`, {
        role: 'admin',
      });
      expect(demote.status).toBe(409);
      const leave = await owner.http.delete<ErrorBody>(`/api/orgs/${owner.orgId}/members/${owner.id}`);
      expect(leave.status).toBe(409);
      const second = await loginUser(t.url, 'colleague@example.test');
      expect((await owner.http.patch(`/api/orgs/${owner.orgId}/members/${second.id}`, { role: 'owner' })).status).toBe(
        200,
      );
      expect((await owner.http.patch(`/api/orgs/${owner.orgId}/members/${owner.id}`, { role: 'admin' })).status).toBe(
        200,
      );
      expect(
        (await second.http.patch(`/api/orgs/${owner.orgId}/members/${second.id}`, { role: 'member' })).status,
      ).toBe(409);
      expect((await second.http.patch(`/api/orgs/${owner.orgId}/members/${owner.id}`, { role: 'owner' })).status).toBe(
        200,
      );
    });

    it('removes a member (owner), lets a member leave, and the removed user loses access at once', async () => {
      const member = await loginUser(t.url, 'existing@example.test');
      expect((await member.http.get(`/api/orgs/${owner.orgId}/members`)).status).toBe(200);
      expect((await owner.http.delete(`/api/orgs/${owner.orgId}/members/${member.id}`)).status).toBe(204);
      expect((await member.http.get(`/api/orgs/${owner.orgId}/members`)).status).toBe(404);
      const once = await loginUser(t.url, 'once@example.test');
      expect((await once.http.delete(`/api/orgs/${owner.orgId}/members/${once.id}`)).status).toBe(204);
      expect(await audit('member.removed', owner.orgId)).toHaveLength(1);
      expect(await audit('member.left', owner.orgId)).toHaveLength(1);
    });

    it('lets members read but not edit the profile, nor invite', async () => {
      const token = tokenOfLink((await invite('reader@example.test')).link);
      const reader = await registerUser(t.url, { email: 'reader@example.test', invitationToken: token });
      expect((await reader.http.get(`/api/orgs/${owner.orgId}/profile`)).status).toBe(200);
      expect((await reader.http.put(`/api/orgs/${owner.orgId}/profile`, FULL_PROFILE)).status).toBe(403);
      expect(
        (await reader.http.post(`/api/orgs/${owner.orgId}/invitations`, { email: 'x@example.test', role: 'member' }))
          .status,
      ).toBe(403);
    });
  });

  describe('chambers and member firms', () => {
    let chamberAdmin: TestUser;
    let firmOwner: TestUser;
    let chamberId: string;

    beforeAll(async () => {
      chamberAdmin = await createChamberWithAdmin(t, {
        name: 'AHK Greater China',
        adminEmail: 'ahk.admin@example.test',
      });
      chamberId = chamberAdmin.orgId;
      firmOwner = await registerUser(t.url, { email: 'member.firm@example.test', firmName: 'Member Firm GmbH' });
    });

    it('registers the chamber admin without creating a firm', async () => {
      const me = await chamberAdmin.http.get<{ memberships: { kind: string; role: string }[] }>('/api/auth/me');
      expect(me.body.memberships).toEqual([
        expect.objectContaining({ kind: 'chamber', role: 'owner', orgName: 'AHK Greater China' }),
      ]);
    });

    async function inviteFirm(email: string): Promise<string> {
      const res = await chamberAdmin.http.post<{ link: string }>(`/api/orgs/${chamberId}/firm-invitations`, { email });
      expect(res.status).toBe(201);
      await flushMail();
      const message = await mail.waitFor(email, 5000, /Einladung/);
      expect(message.text).toContain('AHK Greater China');
      return tokenOfLink(message.text);
    }

    it('a firm owner accepts for the firm; the chamber then sees its name and join date only', async () => {
      const token = await inviteFirm('member.firm@example.test');
      const preview = await new HttpClient(t.url).get<{ kind: string; orgName: string; orgKind: string }>(
        `/api/invitations/${token}`,
      );
      expect(preview.body).toMatchObject({ kind: 'chamber_firm', orgName: 'AHK Greater China', orgKind: 'chamber' });
      const missingFirm = await firmOwner.http.post<ErrorBody>(`/api/invitations/${token}/accept`);
      expect(missingFirm.status).toBe(400);
      expect(missingFirm.body.errors?.['firmId']).toBeDefined();
      const ok = await firmOwner.http.post<{ orgId: string; firmId: string }>(`/api/invitations/${token}/accept`, {
        firmId: firmOwner.orgId,
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ kind: 'chamber_firm', orgId: chamberId, firmId: firmOwner.orgId });

      const firms = await chamberAdmin.http.get<Record<string, unknown>[]>(`/api/orgs/${chamberId}/member-firms`);
      expect(firms.status).toBe(200);
      expect(firms.body).toHaveLength(1);
      expect(Object.keys(firms.body[0]).sort()).toEqual(['firmId', 'joinedAt', 'name']);
      expect(firms.body[0]['name']).toBe('Member Firm GmbH');
      const chambers = await firmOwner.http.get<{ chamberId: string; name: string }[]>(
        `/api/orgs/${firmOwner.orgId}/chambers`,
      );
      expect(chambers.body).toEqual([expect.objectContaining({ chamberId, name: 'AHK Greater China' })]);
      expect(await audit('chamber.firm_joined', firmOwner.orgId)).toHaveLength(1);
    });

    it("the chamber admin cannot read the member firm's profile or members", async () => {
      expect((await chamberAdmin.http.get(`/api/orgs/${firmOwner.orgId}/profile`)).status).toBe(404);
      expect((await chamberAdmin.http.get(`/api/orgs/${firmOwner.orgId}/members`)).status).toBe(404);
    });

    it("only the firm's owner can accept, and only for a firm they own", async () => {
      const other = await registerUser(t.url, { email: 'other.firm@example.test', firmName: 'Other Firm' });
      const token = await inviteFirm('other.firm@example.test');
      // a foreign firm id: not a member → 404, nothing joins
      const foreign = await other.http.post<ErrorBody>(`/api/invitations/${token}/accept`, { firmId: firmOwner.orgId });
      expect(foreign.status).toBe(404);
      // a member (not owner) of the firm → 403
      const inviteMember = await other.http.post<{ link: string }>(`/api/orgs/${other.orgId}/invitations`, {
        email: 'other.member@example.test',
        role: 'admin',
      });
      const otherMember = await registerUser(t.url, {
        email: 'other.member@example.test',
        invitationToken: tokenOfLink(inviteMember.body.link),
      });
      expect((await otherMember.http.post(`/api/invitations/${token}/accept`, { firmId: other.orgId })).status).toBe(
        403,
      );
      expect((await other.http.post(`/api/invitations/${token}/accept`, { firmId: other.orgId })).status).toBe(200);
      expect((await chamberAdmin.http.get<unknown[]>(`/api/orgs/${chamberId}/member-firms`)).body).toHaveLength(2);
    });

    it('a firm registering through a chamber invitation is created and joins the chamber in one step', async () => {
      const token = await inviteFirm('new.firm@example.test');
      const created = await registerUser(t.url, {
        email: 'new.firm@example.test',
        firmName: 'Newcomer Ltd',
        invitationToken: token,
      });
      const chambers = await created.http.get<{ chamberId: string }[]>(`/api/orgs/${created.orgId}/chambers`);
      expect(chambers.body.map((c) => c.chamberId)).toEqual([chamberId]);
    });

    it('a firm leaves the chamber (owner only) and can rejoin with a new invitation', async () => {
      expect((await firmOwner.http.delete(`/api/orgs/${firmOwner.orgId}/chambers/${chamberId}`)).status).toBe(204);
      expect((await firmOwner.http.delete(`/api/orgs/${firmOwner.orgId}/chambers/${chamberId}`)).status).toBe(404);
      const names = (await chamberAdmin.http.get<{ name: string }[]>(`/api/orgs/${chamberId}/member-firms`)).body.map(
        (f) => f.name,
      );
      expect(names).not.toContain('Member Firm GmbH');
      expect(await audit('chamber.firm_left', firmOwner.orgId)).toHaveLength(1);
      const token = await inviteFirm('member.firm@example.test');
      expect((await firmOwner.http.post(`/api/invitations/${token}/accept`, { firmId: firmOwner.orgId })).status).toBe(
        200,
      );
    });

    it('chamber routes are for chamber admins; firm routes refuse chamber ids', async () => {
      expect((await firmOwner.http.get(`/api/orgs/${chamberId}/member-firms`)).status).toBe(404);
      expect((await chamberAdmin.http.get(`/api/orgs/${chamberId}/profile`)).status).toBe(404);
      expect(
        (await chamberAdmin.http.post(`/api/orgs/${firmOwner.orgId}/firm-invitations`, { email: 'a@example.test' }))
          .status,
      ).toBe(404);
    });
  });

  describe('platform admin', () => {
    it('sees the outbox (without bodies) and the audit log; others get 403', async () => {
      await createAdmin(t.dataSource, {
        email: 'ops@example.test',
        name: 'Ops',
        password: async () => 'operator passphrase 2026',
      });
      const ops = await loginUser(t.url, 'ops@example.test', 'operator passphrase 2026');
      const outbox = await ops.http.get<Record<string, unknown>[]>('/api/admin/outbox');
      expect(outbox.status).toBe(200);
      expect(outbox.body.length).toBeGreaterThan(0);
      expect(outbox.body[0]).not.toHaveProperty('text');
      expect(outbox.body.map((m) => m['status'])).toContain('sent');
      const log = await ops.http.get<{ action: string }[]>('/api/admin/audit?action=auth.registered&limit=5');
      expect(log.status).toBe(200);
      expect(log.body).toHaveLength(5);
      expect(log.body.every((e) => e.action === 'auth.registered')).toBe(true);
      const user = await registerUser(t.url, { email: 'not.ops@example.test' });
      expect((await user.http.get('/api/admin/outbox')).status).toBe(403);
      expect((await user.http.get('/api/admin/audit')).status).toBe(403);
    });
  });
});

describe('accounts: mail without SMTP', () => {
  it('marks mails not_sent and shows them to platform admins', async () => {
    const t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    try {
      await registerUser(t.url, { email: 'nosmtp@example.test' });
      await new HttpClient(t.url).post('/api/auth/password-reset/request', { email: 'nosmtp@example.test' });
      await t.app.get(MailService).flush();
      const rows: { status: string; last_error: string }[] = await t.dataSource.query(
        `SELECT status, last_error FROM mail_outbox WHERE "to" = 'nosmtp@example.test' AND subject LIKE '%Passwort%'`,
      );
      expect(rows).toEqual([{ status: 'not_sent', last_error: expect.stringMatching(/No SMTP/) }]);
      await createAdmin(t.dataSource, {
        email: 'ops2@example.test',
        name: 'Ops',
        password: async () => 'operator passphrase 2026',
      });
      const ops = await loginUser(t.url, 'ops2@example.test', 'operator passphrase 2026');
      const outbox = await ops.http.get<{ to: string; status: string }[]>('/api/admin/outbox?status=not_sent');
      expect(outbox.body).toContainEqual(expect.objectContaining({ to: 'nosmtp@example.test', status: 'not_sent' }));
    } finally {
      await t.close();
    }
  });
});
