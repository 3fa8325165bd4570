import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueService } from '@scs/api/catalogue';
import { isApplicable, type Catalogue, type FirmProfile } from '@scs/shared/catalogue';
import type { DistributionView, MemberAggregatesView, ReportView } from '@scs/shared/contracts';
import { MemberAggregatesService } from '@scs/api/chambers';
import {
  createChamberWithAdmin,
  registerUser,
  startTestApp,
  type TestApp,
  type TestUser,
  tokenOfLink,
} from './support/app';
import { MANUFACTURER_PROFILE } from './support/firms';

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
const K = 5;

/** Text of a PDF (poppler's pdftotext). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'scs-chamber-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
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

describe('chamber member aggregates, benchmark report and batch distribution (real PostgreSQL, real rendering)', () => {
  let t: TestApp;
  let chamber: TestUser;
  let campaignId: string;
  let catalogue: Catalogue;
  let applicable: Catalogue['questions'];
  /** Two questions with a finding option: X is chosen by 5 consenting firms, Y by 2. */
  let x: { q: Catalogue['questions'][number]; finding: string };
  let y: { q: Catalogue['questions'][number]; finding: string };
  const firms: (TestUser & { assessmentId: string })[] = [];
  const aggregates = async () =>
    (await chamber.http.get<MemberAggregatesView>(`/api/orgs/${chamber.orgId}/member-aggregates`)).body;
  const distribution = () => `/api/orgs/${chamber.orgId}/campaigns/${campaignId}/distribution`;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000', RESEARCH_K: String(K) });
    // This suite checks the deterministic release rules (who counts, suppression, listing at k); the noise every
    // release carries is checked by member-tables.spec.ts, noise.spec.ts and attack 11.
    t.app.get(MemberAggregatesService).noise = () => 0;
    catalogue = (await t.app.get(CatalogueService).current()).catalogue;
    applicable = catalogue.questions.filter(
      (q) => !q.applicability || isApplicable(q.applicability, MANUFACTURER_PROFILE as unknown as FirmProfile),
    );
    const withFinding = applicable.filter((q) => q.options.some((o) => o.finding && !o.knockOut));
    const pick = (q: Catalogue['questions'][number]) => ({
      q,
      finding: (q.options.find((o) => o.finding && !o.knockOut) as { finding: { title: { en: string } } }).finding.title
        .en,
    });
    x = pick(withFinding[0]);
    y = pick(withFinding.find((q) => pick(q).finding !== x.finding) as Catalogue['questions'][number]);

    chamber = await createChamberWithAdmin(t, {
      name: 'AHK Benchmarkkammer',
      adminEmail: 'reports.admin@chamber.test',
    });
    await chamber.http.put(`/api/orgs/${chamber.orgId}/branding`, {
      displayName: 'AHK Benchmarkkammer',
      contactLine: 'Tel. +86 21 0000',
      website: null,
      reportLanguage: 'en',
    });
    const created = await chamber.http.post<{ id: string }>(`/api/orgs/${chamber.orgId}/campaigns`, {
      title: 'Benchmark 2026',
      messageDe: 'Bitte teilnehmen',
      messageEn: 'Please take part',
      opensAt: days(-1),
      closesAt: days(30),
    });
    campaignId = created.body.id;
    const emails = Array.from({ length: 7 }, (_, i) => `owner${i}@bench-firm${i}.test`);
    const invited = await chamber.http.post(`/api/orgs/${chamber.orgId}/campaigns/${campaignId}/invitations`, {
      addresses: emails.join('\n'),
    });
    expect(invited.status).toBe(200);

    const lowest = (q: Catalogue['questions'][number]) => [...q.options].sort((a, b) => a.exposure - b.exposure)[0].id;
    const findingOption = (q: Catalogue['questions'][number]) =>
      (q.options.find((o) => o.finding && !o.knockOut) as { id: string }).id;
    for (const [i, email] of emails.entries()) {
      const [mail]: { text: string }[] = await t.dataSource.query(
        `SELECT "text" FROM "mail_outbox" WHERE "to" = $1 ORDER BY "created_at" DESC LIMIT 1`,
        [email],
      );
      const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0] as string;
      const user = await registerUser(t.url, {
        email,
        firmName: `Bench Firm ${i} <b>Co.</b>`,
        invitationToken: tokenOfLink(link),
      });
      expect(
        (
          await user.http.put(`/api/orgs/${user.orgId}/profile`, {
            name: `Bench Firm ${i} <b>Co.</b>`,
            ...MANUFACTURER_PROFILE,
          })
        ).status,
      ).toBe(200);
      const a = await user.http.post<{ id: string }>(`/api/orgs/${user.orgId}/assessments`, {});
      const answers = applicable.map((q) => ({
        questionId: q.id,
        optionId: (q.id === x.q.id && i < 5) || (q.id === y.q.id && i < 2) ? findingOption(q) : lowest(q),
        baseRevision: 0,
      }));
      expect((await user.http.put(`/api/assessments/${a.body.id}/answers`, { answers })).status).toBe(200);
      expect((await user.http.post(`/api/assessments/${a.body.id}/submit`)).status).toBe(200);
      firms.push({ ...user, assessmentId: a.body.id });
    }
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  async function shareResults(user: TestUser): Promise<void> {
    const texts = await user.http.get<{ kind: string; version: number }[]>('/api/consent-texts');
    const version = texts.body.find((c) => c.kind === 'chamber')?.version;
    expect(
      (
        await user.http.put(`/api/orgs/${user.orgId}/consents`, {
          kind: 'chamber',
          granted: true,
          textVersion: version,
        })
      ).status,
    ).toBe(200);
  }

  /** Quarters moved forward: releases are cut per closed quarter. */
  let quarters = 0;
  const nextQuarter = () => {
    quarters += 1;
    t.app.get(MemberAggregatesService).clock = () => new Date(Date.now() + quarters * 93 * 86_400_000);
  };

  it('answers "not enough members yet" (no tables of dots) while fewer than k members share their results', async () => {
    for (const f of firms.slice(0, K - 1)) await shareResults(f);
    nextQuarter();
    const view = await aggregates();
    expect(view).toMatchObject({
      k: K,
      firms: null,
      published: false,
      status: 'not_enough_members',
      release: null,
      tables: [],
    });
    expect(view.message?.en).toContain('Not enough members');
    expect(view.message?.de).toContain('nicht genug Mitglieder');
    expect(JSON.stringify(view)).not.toContain('Bench Firm');
  });

  it('publishes the tables from k consenting members on, counting only those who consented, and lists only findings of at least k members', async () => {
    for (const f of firms.slice(K - 1, 6)) await shareResults(f); // firm 6 never consents
    expect((await aggregates()).published).toBe(false); // the running quarter reaches only the next release
    nextQuarter();
    const view = await aggregates();
    expect(view).toMatchObject({ firms: 6, published: true, status: 'published', release: { version: 1, firms: 6 } });
    expect((await aggregates()).computedAt).toBe(view.computedAt); // stored, served unchanged
    const levels = view.tables.find((tb) => tb.id === 'level-by-sector');
    expect(levels?.rows.find((r) => r.total)?.n).toEqual({ value: 6, display: '6', status: 'value' });
    const means = view.tables.find((tb) => tb.id === 'means-by-size');
    const overall = means?.rows.find((r) => r.total)?.cells[0];
    expect(overall?.status).toBe('value');
    // Every size band but the firms' own holds no firm; none shows a number from fewer than k firms.
    for (const row of means?.rows ?? [])
      expect(row.n.status === 'value' ? (row.n.value as number) === 0 || (row.n.value as number) >= K : true).toBe(
        true,
      );
    const findings = view.tables.find((tb) => tb.id === 'frequent-findings');
    expect(findings?.rows.map((r) => [r.label.en.split(' · ')[1], r.n.value])).toEqual([[x.finding, 5]]);
    expect(JSON.stringify(view)).not.toContain(y.finding);
    expect(JSON.stringify(view)).not.toContain('Bench Firm');
  });

  it('renders the member benchmark PDF from published figures only, chamber-branded, and returns the stored one for the same figures', async () => {
    // The chamber's staff write the introduction before they request the report; it is stored with the branding.
    const intro = await chamber.http.put<{ benchmarkIntro: string | null }>(`/api/orgs/${chamber.orgId}/branding`, {
      displayName: 'AHK Benchmarkkammer',
      contactLine: 'Tel. +86 21 0000',
      website: null,
      reportLanguage: 'en',
      benchmarkIntro: 'Liebe Mitglieder,\n\nvielen Dank <b>für</b> Ihre Teilnahme.',
    });
    expect(intro.status).toBe(200);
    expect(intro.body.benchmarkIntro).toBe('Liebe Mitglieder,\n\nvielen Dank <b>für</b> Ihre Teilnahme.');
    const tooLong = await chamber.http.put(`/api/orgs/${chamber.orgId}/branding`, {
      displayName: 'AHK Benchmarkkammer',
      reportLanguage: 'en',
      benchmarkIntro: 'x'.repeat(3001),
    });
    expect(tooLong.status).toBe(400);
    const requested = await chamber.http.post<ReportView>(`/api/orgs/${chamber.orgId}/benchmark-reports`, {
      locale: 'de',
    });
    expect(requested.status).toBe(202);
    expect(requested.body.kind).toBe('chamber_benchmark');
    const done = await until(
      async () =>
        (await chamber.http.get<ReportView>(`/api/orgs/${chamber.orgId}/benchmark-reports/${requested.body.id}`)).body,
      (r) => r.status === 'done' || r.status === 'failed',
    );
    expect(done).toMatchObject({ status: 'done', locale: 'de' });
    const pdf = await chamber.http.request<string>(
      'GET',
      `/api/orgs/${chamber.orgId}/benchmark-reports/${requested.body.id}/pdf`,
    );
    expect(pdf.status).toBe(200);
    const raw = await fetch(`${t.url}/api/orgs/${chamber.orgId}/benchmark-reports/${requested.body.id}/pdf`, {
      headers: { authorization: `Bearer ${chamber.accessToken}` },
    });
    const bytes = Buffer.from(await raw.arrayBuffer());
    const dump = process.env['PDF_DUMP_DIR'];
    if (dump) writeFileSync(join(dump, 'member-benchmark-de.pdf'), bytes);
    const text = pdfText(bytes);
    expect(text).toContain('Mitglieder-Benchmark');
    expect(text).toContain('AHK Benchmarkkammer');
    expect(text).toContain('Häufigste Befunde');
    expect(text).toContain('vielen Dank <b>für</b> Ihre Teilnahme.');
    // It promises only what it shows: no "every figure covers at least k firms" next to noisy, rounded counts.
    expect(text).not.toMatch(/umfasst mindestens/);
    expect(text).toContain('Zufallsrauschen');
    expect(text).toMatch(/Summe der veröffentlichten Anzahlen\s+\d+\s+100 %/);
    expect(text).toMatch(/Eingeladen\s+Beigetreten\s+Eingereicht/);
    expect(text).not.toContain('Bench Firm');
    const again = await chamber.http.post<ReportView>(`/api/orgs/${chamber.orgId}/benchmark-reports`, { locale: 'de' });
    expect(again.body.id).toBe(requested.body.id);
    expect(again.body.status).toBe('done');
    const english = await chamber.http.post<ReportView>(`/api/orgs/${chamber.orgId}/benchmark-reports`, {
      locale: 'en',
    });
    expect(english.body.id).not.toBe(requested.body.id);
  }, 120_000);

  const preparedIds: string[] = [];

  it("distributes: each member that submitted gets its own report with the chamber's branding in its list, and an email", async () => {
    const before = await until(
      async () => (await chamber.http.get<DistributionView>(distribution())).body,
      () => true,
    );
    expect(before).toMatchObject({ started: false, total: 0 });
    const started = await chamber.http.post<DistributionView>(distribution(), {});
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ started: true, locale: 'en', total: 7 });
    const finished = await until(
      async () => (await chamber.http.get<DistributionView>(distribution())).body,
      (v) => v.finished,
    );
    expect(finished).toMatchObject({ total: 7, done: 7, failed: 0, pending: 0 });

    for (const f of firms) {
      const list = await f.http.get<ReportView[]>(`/api/assessments/${f.assessmentId}/reports`);
      const prepared = list.body.filter((r) => r.preparedBy?.orgId === chamber.orgId);
      expect(prepared).toHaveLength(1);
      expect(prepared[0]).toMatchObject({ status: 'done', locale: 'en', preparedBy: { name: 'AHK Benchmarkkammer' } });
      preparedIds.push(prepared[0].id);
    }
    const raw = await fetch(`${t.url}/api/reports/${preparedIds[0]}/pdf`, {
      headers: { authorization: `Bearer ${firms[0].accessToken}` },
    });
    expect(raw.status).toBe(200);
    const text = pdfText(Buffer.from(await raw.arrayBuffer()));
    expect(text).toContain('AHK Benchmarkkammer');
    expect(text).toContain('Provided by');
    expect(text).toContain('Bench Firm 0 <b>Co.</b>');
    const mails: { to: string; subject: string }[] = await t.dataSource.query(
      `SELECT "to", "subject" FROM "mail_outbox" WHERE "subject" LIKE 'AHK Benchmarkkammer: Ihr SCS-Check-Bericht%'`,
    );
    expect(mails.map((m) => m.to).sort()).toEqual(firms.map((f) => f.email).sort());
  }, 180_000);

  it("a report the firm generates itself carries no chamber branding, though the firm joined the chamber's campaign", async () => {
    const own = await firms[0].http.post<ReportView>(`/api/assessments/${firms[0].assessmentId}/reports`, {
      locale: 'en',
    });
    expect(own.status).toBe(202);
    expect(own.body.preparedBy ?? null).toBeNull();
    const done = await until(
      async () => (await firms[0].http.get<ReportView>(`/api/reports/${own.body.id}`)).body,
      (r) => r.status === 'done' || r.status === 'failed',
    );
    expect(done.status).toBe('done');
    const raw = await fetch(`${t.url}/api/reports/${own.body.id}/pdf`, {
      headers: { authorization: `Bearer ${firms[0].accessToken}` },
    });
    const text = pdfText(Buffer.from(await raw.arrayBuffer()));
    expect(text).toContain('Bench Firm 0 <b>Co.</b>');
    expect(text).toContain('Management summary');
    expect(text).not.toContain('AHK Benchmarkkammer');
    expect(text).not.toContain('Provided by');
    expect(own.body.id).not.toBe(preparedIds[0]);
  }, 120_000);

  it("the chamber can read neither the prepared reports nor the members' assessments", async () => {
    for (const [i, id] of preparedIds.entries()) {
      expect([403, 404]).toContain((await chamber.http.get(`/api/reports/${id}`)).status);
      expect([403, 404]).toContain((await chamber.http.get(`/api/reports/${id}/pdf`)).status);
      expect((await chamber.http.get(`/api/orgs/${chamber.orgId}/benchmark-reports/${id}`)).status).toBe(404);
      expect((await chamber.http.get(`/api/orgs/${chamber.orgId}/benchmark-reports/${id}/pdf`)).status).toBe(404);
      expect([403, 404]).toContain((await chamber.http.get(`/api/assessments/${firms[i].assessmentId}`)).status);
    }
    const listed = await chamber.http.get<ReportView[]>(`/api/orgs/${chamber.orgId}/benchmark-reports`);
    expect(listed.body.every((r) => r.kind === 'chamber_benchmark')).toBe(true);
  });

  it('starting again renders nothing twice and mails nobody twice', async () => {
    const [{ n: reportsBefore }]: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS "n" FROM "report" WHERE "prepared_by" = $1`,
      [chamber.orgId],
    );
    const [{ n: mailsBefore }]: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS "n" FROM "mail_outbox" WHERE "subject" LIKE 'AHK Benchmarkkammer: Ihr%'`,
    );
    await chamber.http.post(distribution(), {});
    const v = await until(
      async () => (await chamber.http.get<DistributionView>(distribution())).body,
      (x) => x.finished,
    );
    expect(v).toMatchObject({ total: 7, done: 7, failed: 0 });
    const [{ n: reportsAfter }]: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS "n" FROM "report" WHERE "prepared_by" = $1`,
      [chamber.orgId],
    );
    const [{ n: mailsAfter }]: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS "n" FROM "mail_outbox" WHERE "subject" LIKE 'AHK Benchmarkkammer: Ihr%'`,
    );
    expect([reportsAfter, mailsAfter]).toEqual([reportsBefore, mailsBefore]);
  }, 60_000);

  it('shows failed reports and renders them again on retry', async () => {
    await t.dataSource.query(
      `UPDATE "report" SET "status" = 'failed', "error" = 'simulated crash' WHERE "id" = ANY($1::uuid[])`,
      [preparedIds.slice(0, 2)],
    );
    const failed = (await chamber.http.get<DistributionView>(distribution())).body;
    expect(failed).toMatchObject({ total: 7, done: 5, failed: 2, finished: true });
    const retried = await chamber.http.post<DistributionView>(`${distribution()}/retry`, {});
    expect(retried.status).toBe(202);
    const after = await until(
      async () => (await chamber.http.get<DistributionView>(distribution())).body,
      (x) => x.failed === 0 && x.finished,
    );
    expect(after).toMatchObject({ done: 7, failed: 0 });
    const statuses: { status: string; attempts: number }[] = await t.dataSource.query(
      `SELECT "status", "attempts" FROM "report" WHERE "id" = ANY($1::uuid[])`,
      [preparedIds.slice(0, 2)],
    );
    expect(statuses.map((s) => s.status)).toEqual(['done', 'done']);
    expect(statuses.every((s) => s.attempts >= 2)).toBe(true);
  }, 120_000);

  it("rejects a bad language and answers 404 for another chamber's campaign", async () => {
    const bad = await chamber.http.post<{ message: unknown }>(distribution(), { locale: 'fr' });
    expect(bad.status).toBe(400);
    const other = await createChamberWithAdmin(t, {
      name: 'Other Chamber of the distribution test',
      adminEmail: 'other.distribution@chamber.test',
    });
    expect((await other.http.get(`/api/orgs/${other.orgId}/campaigns/${campaignId}/distribution`)).status).toBe(404);
    expect((await other.http.post(`/api/orgs/${other.orgId}/campaigns/${campaignId}/distribution`, {})).status).toBe(
      404,
    );
  });
});
