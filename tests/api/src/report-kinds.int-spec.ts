import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpException, Module } from '@nestjs/common';
import { DomainError, STATUS_OF_KIND } from '@scs/api/core';
import { ReportKinds, ReportsModule, ReportsService, reportKinds } from '@scs/api/reports';
import type { ReportView } from '@scs/shared/contracts';
import { registerUser, startTestApp, type TestApp, type TestUser } from './support/app';
import { ParticipationNoteReport } from './support/example-report/participation-note.report';

/** A new report kind: its provider, its template and this one registry line. */
@Module({ imports: [ReportsModule], providers: [...reportKinds(ParticipationNoteReport)] })
class ExampleReportKindModule {}

/** The HTTP status a service call fails with. */
async function failure(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (e) {
    if (e instanceof DomainError) return STATUS_OF_KIND[e.kind];
    if (e instanceof HttpException) return e.getStatus();
    throw e;
  }
  throw new Error('the call succeeded');
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'scs-kind-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('report kinds: a kind registered by a test runs through the whole lifecycle', () => {
  let t: TestApp;
  let firm: TestUser;
  let other: TestUser;
  let reports: ReportsService;
  const note = (user: TestUser, locale: 'en' | 'de', orgId = user.orgId) =>
    reports.request({
      kind: 'participation_note',
      orgId,
      subjectId: user.orgId,
      locale,
      preparedBy: null,
      requestedBy: user.id,
    });

  async function settled(id: string): Promise<ReportView> {
    const end = Date.now() + 90_000;
    for (;;) {
      const res = await firm.http.get<ReportView>(`/api/reports/${id}`);
      expect(res.status).toBe(200);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      if (Date.now() > end) throw new Error(`report ${id} still ${res.body.status}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ REPORT_PAGES: '1' }, { imports: [ExampleReportKindModule] });
    reports = t.app.get(ReportsService);
    firm = await registerUser(t.url, { email: `kinds-${Date.now()}@firm.example`, firmName: 'Größe & Söhne GmbH' });
    other = await registerUser(t.url, { email: `kinds-other-${Date.now()}@firm.example`, firmName: 'Other GmbH' });
  }, 60_000);
  afterAll(() => t?.close());

  it('sits in the registry next to the product kinds', () => {
    expect(t.app.get(ReportKinds).kinds().sort()).toEqual([
      'assessment',
      'chamber_benchmark',
      'group_portfolio',
      'participation_note',
      'partner_receipt',
      'prepared_assessment',
    ]);
  });

  it('is requested, rendered, stored and downloaded like every report; the same content is rendered once', async () => {
    const first = await note(firm, 'de');
    expect(first.created).toBe(true);
    expect(first.report).toMatchObject({ kind: 'participation_note', locale: 'de', assessmentId: null });
    expect(await settled(first.report.id)).toMatchObject({ status: 'done', attempts: 1 });

    const raw = await fetch(`${t.url}/api/reports/${first.report.id}/pdf`, {
      headers: { authorization: `Bearer ${firm.accessToken}` },
    });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-disposition')).toBe(
      'attachment; filename="participation_groesse-soehne-gmbh_de.pdf"',
    );
    const text = pdfText(Buffer.from(await raw.arrayBuffer()));
    expect(text).toContain('Teilnahmebestätigung');
    expect(text).toContain('Größe & Söhne GmbH nimmt an SCS Check teil.');

    const again = await note(firm, 'de');
    expect(again).toMatchObject({ created: false, report: { id: first.report.id, status: 'done' } });
    const english = await note(firm, 'en');
    expect(english.created).toBe(true);
    expect(english.report.id).not.toBe(first.report.id);
    expect(await settled(english.report.id)).toMatchObject({ status: 'done' });
    const listed = await reports.list({ orgId: firm.orgId, kinds: ['participation_note'] });
    expect(listed.map((r) => r.locale)).toEqual(['en', 'de']);
  }, 120_000);

  it('queues a failed report again when the same content is requested', async () => {
    const [english] = await reports.list({ orgId: firm.orgId, kinds: ['participation_note'] });
    await t.dataSource.query(`UPDATE "report" SET "status" = 'failed', "error" = 'simulated' WHERE "id" = $1`, [
      english.id,
    ]);
    const again = await note(firm, 'en');
    expect(again.created).toBe(false);
    expect(again.report.id).toBe(english.id);
    expect(['queued', 'rendering', 'done']).toContain(again.report.status);
    expect(await settled(english.id)).toMatchObject({ status: 'done', error: null, attempts: 2 });
  }, 120_000);

  it('keeps organisations apart: another organisation can neither request nor read it', async () => {
    expect(await failure(note(firm, 'en', other.orgId))).toBe(403);
    const [own] = await reports.list({ orgId: firm.orgId, kinds: ['participation_note'] });
    expect((await other.http.get(`/api/reports/${own.id}`)).status).toBe(404);
    expect(await failure(reports.file(own.id, { orgId: other.orgId }))).toBe(404);
  });
});
