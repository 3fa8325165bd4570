import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  GroupLinkView,
  GroupLinksView,
  PortfolioAnswersView,
  PortfolioView,
  ReportView,
} from '@scs/shared/contracts';
import {
  HttpClient,
  TEST_PASSWORD,
  registerUser,
  startTestApp,
  tokenOfLink,
  type TestApp,
  type TestUser,
} from './support/app';
import { usccFor } from './support/portfolio';
import { FIRM_PROFILE, submitAssessmentViaApi } from './support/workflow';

/** Text of a PDF (poppler's pdftotext). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'scs-portfolio-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    if (process.env['PDF_DUMP_DIR'])
      writeFileSync(join(process.env['PDF_DUMP_DIR'], `portfolio-${Date.now()}.pdf`), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function until<T>(probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('group portfolio: links, portfolio view, answers only when granted, PDF (real PostgreSQL)', () => {
  let t: TestApp;
  let group: TestUser;
  let suzhou: TestUser;
  let shenzhen: TestUser;
  let stranger: TestUser;
  let groupMember: TestUser;
  let suzhouAdmin: TestUser;

  async function setProfile(user: TestUser, name: string, uscc: string, extra: Record<string, unknown>): Promise<void> {
    const res = await user.http.put(`/api/orgs/${user.orgId}/profile`, { name, ...FIRM_PROFILE, uscc, ...extra });
    if (res.status !== 200) throw new Error(`profile: ${res.status} ${JSON.stringify(res.body)}`);
  }
  async function links(user: TestUser): Promise<GroupLinksView> {
    const res = await user.http.get<GroupLinksView>(`/api/orgs/${user.orgId}/group-links`);
    expect(res.status).toBe(200);
    return res.body;
  }
  async function invite(uscc: string, lang = 'en') {
    return group.http.request<GroupLinkView & { message: string; errors?: Record<string, string> }>(
      'POST',
      `/api/orgs/${group.orgId}/group-links`,
      { uscc },
      { 'accept-language': lang },
    );
  }
  async function portfolio(query = ''): Promise<PortfolioView> {
    const res = await group.http.get<PortfolioView>(`/api/orgs/${group.orgId}/portfolio${query}`);
    expect(res.status).toBe(200);
    return res.body;
  }
  /** The group-invitation mails in the outbox for `email` (subject and text), oldest first. */
  async function groupMails(email: string): Promise<{ subject: string; text: string }[]> {
    return t.dataSource.query(
      `SELECT subject, text FROM mail_outbox WHERE "to" = $1 AND text LIKE '%/portfolio%' ORDER BY created_at, id`,
      [email],
    );
  }
  /** Signs in once with Accept-Language `lang`: the account remembers it as its language (mails use it). */
  async function useLanguage(email: string, lang: string): Promise<void> {
    const res = await new HttpClient(t.url).request(
      'POST',
      '/api/auth/login',
      { email, password: TEST_PASSWORD },
      { 'accept-language': lang },
    );
    expect(res.status).toBe(200);
  }
  async function auditActions(orgId: string): Promise<string[]> {
    const rows: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE org_id = $1 AND action LIKE 'group_link.%' ORDER BY at, id`,
      [orgId],
    );
    return rows.map((r) => r.action);
  }

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    group = await registerUser(t.url, { email: 'pf.group@example.test', firmName: 'Muster Holding GmbH' });
    suzhou = await registerUser(t.url, { email: 'pf.suzhou@example.test', firmName: 'Muster Suzhou' });
    shenzhen = await registerUser(t.url, { email: 'pf.shenzhen@example.test', firmName: 'Muster Shenzhen' });
    stranger = await registerUser(t.url, { email: 'pf.stranger@example.test', firmName: 'Fremd AG' });
    await submitAssessmentViaApi(suzhou.http, suzhou.orgId, 'Muster Suzhou', 0);
    await submitAssessmentViaApi(shenzhen.http, shenzhen.orgId, 'Muster Shenzhen', 2);
    await setProfile(group, 'Muster Holding GmbH', usccFor(1), {});
    await setProfile(suzhou, 'Muster Machinery (Suzhou) Co., Ltd.', usccFor(2), {
      provinces: ['JS'],
      legalForm: 'wfoe',
    });
    await setProfile(shenzhen, 'Muster Trading (Shenzhen) Co., Ltd.', usccFor(3), {
      provinces: ['GD'],
      legalForm: 'jv',
    });
    await setProfile(stranger, 'Fremd AG', usccFor(4), {});
    // A member of the group (read-only) and an admin of the Suzhou entity (not its owner).
    const memberInvite = await group.http.post<{ link: string }>(`/api/orgs/${group.orgId}/invitations`, {
      email: 'pf.group.member@example.test',
      role: 'member',
    });
    groupMember = await registerUser(t.url, {
      email: 'pf.group.member@example.test',
      invitationToken: tokenOfLink(memberInvite.body.link),
    });
    const adminInvite = await suzhou.http.post<{ link: string }>(`/api/orgs/${suzhou.orgId}/invitations`, {
      email: 'pf.suzhou.admin@example.test',
      role: 'admin',
    });
    suzhouAdmin = await registerUser(t.url, {
      email: 'pf.suzhou.admin@example.test',
      invitationToken: tokenOfLink(adminInvite.body.link),
    });
  }, 120_000);
  afterAll(() => t.close());

  it('refuses bad codes with a translated 4xx: malformed, unknown, own firm', async () => {
    const malformed = await invite('91310000MA1FL0XXX1', 'de');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.['uscc']).toMatch(/Prüfzeichen|Zeichen/);
    const unknown = await invite(usccFor(99));
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('No firm with this unified social credit code uses SCS Check yet');
    const own = await invite(usccFor(1), 'de');
    expect(own.status).toBe(400);
    expect(own.body.errors?.['uscc']).toBe('Das ist der Code Ihres eigenen Unternehmens');
    const empty = await group.http.post(`/api/orgs/${group.orgId}/group-links`, {});
    expect(empty.status).toBe(400);
  });

  it('links an entity: invitation by USCC, seen by the entity, accepted by its owner only', async () => {
    // The entity's owner uses SCS Check in Chinese: the invitation mail comes in Chinese only.
    await useLanguage('pf.suzhou@example.test', 'zh-CN');
    // Spaces and lower case, as pasted from a letterhead.
    const code = usccFor(2);
    const invited = await invite(`${code.slice(0, 4)} ${code.slice(4).toLowerCase()}`);
    expect(invited.status).toBe(201);
    // The entity's owner is told by mail, with the link to the page where it accepts; its admin is not.
    const [mail, ...more] = await groupMails('pf.suzhou@example.test');
    expect(more).toEqual([]);
    expect(mail.subject).toBe('SCS Check: Muster Holding GmbH 邀请 Muster Machinery (Suzhou) Co., Ltd. 加入其集团组合');
    expect(mail.text).toContain(`统一社会信用代码 ${code}`);
    expect(mail.text).toContain(`${t.config.publicUrl.replace(/\/$/, '')}/portfolio`);
    expect(mail.text).toContain('只有 Muster Machinery (Suzhou) Co., Ltd. 的所有者可以答复');
    expect(mail.text).not.toMatch(/invites|lädt/);
    expect(await groupMails('pf.suzhou.admin@example.test')).toEqual([]);
    expect(invited.body).toMatchObject({
      status: 'pending',
      group: { orgId: group.orgId, name: 'Muster Holding GmbH' },
      entity: { orgId: suzhou.orgId, name: 'Muster Machinery (Suzhou) Co., Ltd.', uscc: code },
      answersGranted: false,
    });
    expect((await invite(code)).status).toBe(409);

    const seen = await links(suzhou);
    expect(seen.groups.map((l) => [l.id, l.status])).toEqual([[invited.body.id, 'pending']]);
    expect(seen.entities).toEqual([]);
    expect((await portfolio()).entities).toEqual([]); // pending: not in the portfolio yet
    // A pending link shares nothing.
    expect((await group.http.get(`/api/orgs/${group.orgId}/portfolio/entities/${suzhou.orgId}/answers`)).status).toBe(
      404,
    );

    const byAdmin = await suzhouAdmin.http.post(`/api/orgs/${suzhou.orgId}/group-links/${invited.body.id}/accept`);
    expect(byAdmin.status).toBe(403);
    const byGroup = await group.http.post(`/api/orgs/${group.orgId}/group-links/${invited.body.id}/accept`);
    expect(byGroup.status).toBe(403);

    const accepted = await suzhou.http.post<GroupLinkView>(
      `/api/orgs/${suzhou.orgId}/group-links/${invited.body.id}/accept`,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('active');
    expect((await suzhou.http.post(`/api/orgs/${suzhou.orgId}/group-links/${invited.body.id}/accept`)).status).toBe(
      409,
    );
    expect((await links(group)).entities.map((l) => l.status)).toEqual(['active']);
    expect(await auditActions(group.orgId)).toEqual(['group_link.invited']);
    expect(await auditActions(suzhou.orgId)).toEqual(['group_link.accepted']);
  });

  it('a declined invitation stays out of the portfolio', async () => {
    const invited = await invite(usccFor(4));
    expect(invited.status).toBe(201);
    const declined = await stranger.http.post<GroupLinkView>(
      `/api/orgs/${stranger.orgId}/group-links/${invited.body.id}/decline`,
    );
    expect(declined.body.status).toBe('declined');
    expect((await portfolio()).entities.map((e) => e.orgId)).toEqual([suzhou.orgId]);
  });

  it('shows level, dimension scores, actions and dates of each entity, filtered by province and legal form', async () => {
    await useLanguage('pf.shenzhen@example.test', 'de-DE');
    const invited = await invite(usccFor(3));
    // A German-speaking owner gets the invitation in German.
    const [mail] = await groupMails('pf.shenzhen@example.test');
    expect(mail.subject).toBe(
      'SCS Check: Muster Holding GmbH lädt Muster Trading (Shenzhen) Co., Ltd. in ihr Gruppenportfolio ein',
    );
    expect(mail.text).toContain('nur eine Inhaberin oder ein Inhaber von Muster Trading (Shenzhen) Co., Ltd.');
    expect(mail.text).toContain(`${t.config.publicUrl.replace(/\/$/, '')}/portfolio`);
    expect(mail.text).not.toContain('invites');
    await shenzhen.http.post(`/api/orgs/${shenzhen.orgId}/group-links/${invited.body.id}/accept`);
    const overdueAction = await shenzhen.http.post(`/api/orgs/${shenzhen.orgId}/actions`, {
      title: 'Renew the credit commitment letter',
      dueDate: '2020-01-31',
    });
    expect(overdueAction.status).toBe(201);

    const view = await portfolio();
    expect(view.entities.map((e) => e.name)).toEqual([
      'Muster Machinery (Suzhou) Co., Ltd.',
      'Muster Trading (Shenzhen) Co., Ltd.',
    ]);
    expect(view.dimensions.length).toBeGreaterThan(3);
    const [sz, shz] = view.entities;
    const ownResult = await shenzhen.http.get<{ id: string; level: string; score: number }[]>(
      `/api/orgs/${shenzhen.orgId}/assessments`,
    );
    expect(shz.assessmentId).toBe(ownResult.body[0].id);
    expect(shz.level).toBe(ownResult.body[0].level);
    for (const e of [sz, shz]) {
      expect(e.level).toMatch(/^(low|moderate|high|critical)$/);
      expect(e.cells.map((c) => c.code)).toEqual(view.dimensions.map((d) => d.code));
      expect(e.lastSubmittedAt).not.toBeNull();
      expect(e.nextDue).toBe(`${Number(e.lastSubmittedAt?.slice(0, 4)) + 1}${e.lastSubmittedAt?.slice(4, 10)}`);
      expect(e.reassessmentOverdue).toBe(false);
    }
    expect(shz.actions.overdue).toBeGreaterThanOrEqual(1);
    expect(shz.actions.open).toBeGreaterThanOrEqual(shz.actions.overdue);
    expect(sz.actions.overdue).toBe(0);
    expect(view.provinces).toEqual(['GD', 'JS']);
    expect(view.legalForms).toEqual(['jv', 'wfoe']);
    // A view never carries answers or findings.
    expect(JSON.stringify(view)).not.toMatch(/"answers"|"findings"|"optionId"/);

    expect((await portfolio('?province=GD')).entities.map((e) => e.orgId)).toEqual([shenzhen.orgId]);
    expect((await portfolio('?legalForm=wfoe')).entities.map((e) => e.orgId)).toEqual([suzhou.orgId]);
    expect((await portfolio('?province=GD&legalForm=wfoe')).entities).toEqual([]);
    const bad = await group.http.request<{ message: string }>(
      'GET',
      `/api/orgs/${group.orgId}/portfolio?province=XX`,
      undefined,
      { 'accept-language': 'de' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Provinzen/);
    // A member of the group reads the portfolio but cannot invite or end links.
    expect((await groupMember.http.get(`/api/orgs/${group.orgId}/portfolio`)).status).toBe(200);
    expect((await groupMember.http.post(`/api/orgs/${group.orgId}/group-links`, { uscc: usccFor(4) })).status).toBe(
      403,
    );
  });

  it('answers only while the entity grants them (404 otherwise, never data), and only its owner can grant', async () => {
    const answersPath = `/api/orgs/${group.orgId}/portfolio/entities/${suzhou.orgId}/answers`;
    // Not granted: the same 404 as an entity that is not linked, with no data in the body.
    const before = await group.http.get<{ code: string }>(answersPath);
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('errors.portfolio.answersNotGranted');
    expect(JSON.stringify(before.body)).not.toMatch(/"answers"|"question"/);
    const linkId = (await links(suzhou)).groups[0].id;
    const accessPath = `/api/orgs/${suzhou.orgId}/group-links/${linkId}/answers-access`;
    expect((await suzhouAdmin.http.put(accessPath, { granted: true })).status).toBe(403);
    expect(
      (await group.http.put(`/api/orgs/${group.orgId}/group-links/${linkId}/answers-access`, { granted: true })).status,
    ).toBe(403);
    const notBoolean = await suzhou.http.put<{ message: string }>(accessPath, { granted: 'yes' });
    expect(notBoolean.status).toBe(400);

    const granted = await suzhou.http.put<GroupLinkView>(accessPath, { granted: true });
    expect(granted.status).toBe(200);
    expect(granted.body.answersGranted).toBe(true);
    const answers = await group.http.get<PortfolioAnswersView>(answersPath);
    expect(answers.status).toBe(200);
    expect(answers.body.entity.orgId).toBe(suzhou.orgId);
    expect(answers.body.answers.length).toBeGreaterThan(10);
    // The entity's own latest submitted self-check, answer for answer.
    const own = await suzhou.http.get<{ id: string }[]>(`/api/orgs/${suzhou.orgId}/assessments`);
    expect(answers.body.assessmentId).toBe(own.body[0].id);
    const ownView = await suzhou.http.get<{
      answers: { questionId: string; optionId: string | null }[];
      result: { findings: { questionId: string }[] };
    }>(`/api/assessments/${own.body[0].id}`);
    const answered = ownView.body.answers.filter((a) => a.optionId !== null).map((a) => a.questionId);
    expect(answers.body.answers.map((a) => a.questionId).sort()).toEqual([...answered].sort());
    for (const a of answers.body.answers) {
      expect(a.question.length).toBeGreaterThan(5);
      expect(a.dimension.code).toMatch(/^D\d+$/);
      if (a.kind === 'option') expect(a.option).toBeTruthy();
    }
    // Findings travel with the answers that carry them.
    const withFinding = answers.body.answers.filter((a) => a.finding).map((a) => a.questionId);
    expect(withFinding.length).toBeGreaterThan(0);
    expect(withFinding.sort()).toEqual(
      [...new Set(ownView.body.result.findings.map((f) => f.questionId))].filter((q) => answered.includes(q)).sort(),
    );
    // Texts in the request's language: the same question reads differently in German and Chinese.
    const inLanguage = async (lang: string) =>
      (await group.http.request<PortfolioAnswersView>('GET', answersPath, undefined, { 'accept-language': lang })).body;
    const [de, zh] = [await inLanguage('de'), await inLanguage('zh-CN')];
    expect(de.locale).toBe('de');
    expect(zh.locale).toBe('zh');
    expect(de.answers[0].questionId).toBe(answers.body.answers[0].questionId);
    expect(de.answers[0].question).not.toBe(answers.body.answers[0].question);
    expect(zh.answers[0].question).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.answers[0].dimension.title).toMatch(/[\u4e00-\u9fff]/);
    // The other entity did not grant anything.
    expect((await group.http.get(`/api/orgs/${group.orgId}/portfolio/entities/${shenzhen.orgId}/answers`)).status).toBe(
      404,
    );

    await suzhou.http.put(accessPath, { granted: false });
    const revoked = await group.http.get(answersPath);
    expect(revoked.status).toBe(404);
    expect(JSON.stringify(revoked.body)).not.toMatch(/"answers"|"question"/);
    expect(await auditActions(suzhou.orgId)).toEqual([
      'group_link.accepted',
      'group_link.answers_granted',
      'group_link.answers_revoked',
    ]);
    expect(await auditActions(group.orgId)).toContain('group_link.answers_viewed');
    // Every granted read is logged for the group (three above: the first, German, Chinese); refused ones are not.
    expect((await auditActions(group.orgId)).filter((a) => a === 'group_link.answers_viewed')).toHaveLength(3);
  });

  it('a foreign firm reaches nothing: 404 for routes of the group and for links that are not its own', async () => {
    const linkId = (await links(group)).entities.find((l) => l.status === 'active')?.id as string;
    expect((await stranger.http.get(`/api/orgs/${group.orgId}/portfolio`)).status).toBe(404);
    expect((await stranger.http.get(`/api/orgs/${group.orgId}/group-links`)).status).toBe(404);
    expect((await stranger.http.post(`/api/orgs/${stranger.orgId}/group-links/${linkId}/end`)).status).toBe(404);
    expect((await stranger.http.post(`/api/orgs/${stranger.orgId}/group-links/${linkId}/accept`)).status).toBe(404);
    expect(
      (await stranger.http.put(`/api/orgs/${stranger.orgId}/group-links/${linkId}/answers-access`, { granted: true }))
        .status,
    ).toBe(404);
    expect(
      (await stranger.http.get(`/api/orgs/${stranger.orgId}/portfolio/entities/${suzhou.orgId}/answers`)).status,
    ).toBe(404);
    expect((await stranger.http.post(`/api/orgs/${stranger.orgId}/group-links/not-a-uuid/end`)).status).toBe(404);
    // A firm that is not a group sees an empty portfolio of its own.
    expect((await stranger.http.get<PortfolioView>(`/api/orgs/${stranger.orgId}/portfolio`)).body.entities).toEqual([]);
  });

  it('renders the group portfolio PDF with entity names and levels, in German, English and Chinese', async () => {
    const view = await portfolio();
    const levels = {
      en: { low: 'Low', moderate: 'Moderate', high: 'High', critical: 'Critical' },
      de: { low: 'Niedrig', moderate: 'Mittel', high: 'Hoch', critical: 'Kritisch' },
      zh: { low: '低', moderate: '中', high: '高', critical: '严重' },
    };
    const title = { de: 'Gruppenportfolio', en: 'Group portfolio', zh: '集团组合' };
    const overall = { de: 'Gesamtbetroffenheit', en: 'Overall exposure', zh: '总体风险敞口' };
    for (const locale of ['de', 'en', 'zh'] as const) {
      const requested = await group.http.post<ReportView>(`/api/orgs/${group.orgId}/portfolio/reports`, { locale });
      expect(requested.status).toBe(202);
      expect(requested.body.kind).toBe('group_portfolio');
      const done = await until(
        async () => (await group.http.get<ReportView>(`/api/reports/${requested.body.id}`)).body,
        (r) => r.status === 'done' || r.status === 'failed',
      );
      expect(done.status).toBe('done');
      const pdf = await group.http.request<ArrayBuffer>('GET', `/api/reports/${requested.body.id}/pdf`);
      expect(pdf.status).toBe(200);
      const res = await fetch(`${t.url}/api/reports/${requested.body.id}/pdf`, {
        headers: { authorization: `Bearer ${group.accessToken}` },
      });
      const text = pdfText(Buffer.from(await res.arrayBuffer())).replace(/\s+/g, ' ');
      expect(text).toContain(title[locale]);
      expect(text).toContain('Muster Holding GmbH');
      for (const e of view.entities) {
        expect(text).toContain(e.name);
        expect(text).toContain(levels[locale][e.level as keyof (typeof levels)['en']]);
      }
      expect(text).toContain(overall[locale]);
      // The dimensions are named in the report's language (Chinese from the catalogue's translation file).
      for (const dim of view.dimensions) expect(text).toContain(dim.title[locale]);
    }
    const list = await group.http.get<ReportView[]>(`/api/orgs/${group.orgId}/portfolio/reports`);
    expect(list.body.map((r) => r.locale).sort()).toEqual(['de', 'en', 'zh']);
    const badLocale = await group.http.post(`/api/orgs/${group.orgId}/portfolio/reports`, { locale: 'fr' });
    expect(badLocale.status).toBe(400);
    // Another firm cannot download it.
    expect((await stranger.http.get(`/api/reports/${list.body[0].id}/pdf`)).status).toBe(404);
  }, 180_000);

  it('either side ends a link: the entity leaves the portfolio and the group reads no more answers', async () => {
    const entityLinks = (await links(group)).entities.filter((l) => l.status === 'active');
    const suzhouLink = entityLinks.find((l) => l.entity.orgId === suzhou.orgId) as GroupLinkView;
    const shenzhenLink = entityLinks.find((l) => l.entity.orgId === shenzhen.orgId) as GroupLinkView;
    await suzhou.http.put(`/api/orgs/${suzhou.orgId}/group-links/${suzhouLink.id}/answers-access`, { granted: true });

    // The entity's admin cannot end it, its owner can.
    expect((await suzhouAdmin.http.post(`/api/orgs/${suzhou.orgId}/group-links/${suzhouLink.id}/end`)).status).toBe(
      403,
    );
    const ended = await suzhou.http.post<GroupLinkView>(`/api/orgs/${suzhou.orgId}/group-links/${suzhouLink.id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endedBy: 'entity', answersGranted: false });
    expect((await group.http.get(`/api/orgs/${group.orgId}/portfolio/entities/${suzhou.orgId}/answers`)).status).toBe(
      404,
    );

    const byGroup = await group.http.post<GroupLinkView>(`/api/orgs/${group.orgId}/group-links/${shenzhenLink.id}/end`);
    expect(byGroup.body).toMatchObject({ status: 'ended', endedBy: 'group' });
    expect((await group.http.post(`/api/orgs/${group.orgId}/group-links/${shenzhenLink.id}/end`)).status).toBe(409);
    expect((await portfolio()).entities).toEqual([]);
    expect((await links(shenzhen)).groups.map((l) => l.status)).toEqual(['ended']);

    // Ended links can be renewed by a new invitation.
    expect((await invite(usccFor(2))).status).toBe(201);
    expect(await auditActions(suzhou.orgId)).toContain('group_link.ended');
    expect(await auditActions(group.orgId)).toContain('group_link.ended');
  });
});
