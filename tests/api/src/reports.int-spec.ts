import { createHash, randomUUID } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { extractText, getDocumentProxy } from 'unpdf';
import { NotFoundError, ResourceOwners } from '@scs/api/core';
import { parseCatalogueFiles, type Catalogue } from '@scs/shared/catalogue';
import { catalogueFiles } from '@scs/shared/testing';
import type { ReportLocale, ReportView } from '@scs/shared/contracts';
import {
  REPORT_DATA_SOURCE,
  ReportRenderer,
  exampleReportData,
  type FirmReportData,
  type ReportDataSource,
} from '@scs/api/reports';
import { HttpClient, registerUser, startTestApp, type TestApp, type TestUser } from './support/app';

function readCatalogue(): Catalogue {
  return parseCatalogueFiles(catalogueFiles('2026.1'));
}

interface FixtureAssessment {
  orgId: string;
  firmName?: string;
  /** The organisation the loaded data claims (defaults to orgId). */
  dataOrgId?: string;
  /** Calls of load() (only the worker loads the data): a gate to hold the worker, or a failure to throw. */
  worker?: { gate?: Promise<void>; fail?: () => Error };
  loads: number;
}

/** Stands in for the assessments feature: realistic report data (real catalogue, real scoring) per fixture assessment. */
class FixtureReportData implements ReportDataSource {
  readonly assessments = new Map<string, FixtureAssessment>();

  constructor(private readonly catalogue: Catalogue) {}

  add(orgId: string, options: Omit<FixtureAssessment, 'orgId' | 'loads'> = {}): string {
    const id = randomUUID();
    this.assessments.set(id, { orgId, loads: 0, ...options });
    return id;
  }

  async version(assessmentId: string): Promise<{ orgId: string; parts: string[] }> {
    const a = this.assessments.get(assessmentId);
    if (!a) throw new NotFoundError('errors.assessment.notFound');
    return { orgId: a.dataOrgId ?? a.orgId, parts: [assessmentId, this.catalogue.version] };
  }

  async load(assessmentId: string, locale: ReportLocale): Promise<FirmReportData> {
    const a = this.assessments.get(assessmentId);
    if (!a) throw new NotFoundError('errors.assessment.notFound');
    a.loads++;
    if (a.worker?.gate) await a.worker.gate;
    if (a.worker?.fail) throw a.worker.fail();
    const { branding: _branding, ...data } = exampleReportData(this.catalogue, {
      locale,
      assessmentId,
      firmName: a.firmName,
      generatedAt: new Date().toISOString(),
    });
    return data;
  }
}

const catalogue = readCatalogue();
const fixture = new FixtureReportData(catalogue);

@Global()
@Module({ providers: [{ provide: REPORT_DATA_SOURCE, useValue: fixture }], exports: [REPORT_DATA_SOURCE] })
class FixtureReportDataModule {}

interface PdfText {
  text: string;
  pages: number;
  title: string;
  outline: string[];
}

async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(doc, { mergePages: true });
  const meta = (await doc.getMetadata()) as { info: { Title?: string } };
  const outline = ((await doc.getOutline()) ?? []).map((o: { title: string }) => o.title);
  // Chromium's text layer maps some CJK glyphs to Kangxi-radical twins (用 → ⽤); NFKC folds them back.
  return {
    text: text.normalize('NFKC').replace(/\s+/g, ' '),
    pages: doc.numPages,
    title: meta.info.Title ?? '',
    outline,
  };
}

describe('reports (real PostgreSQL, real Chromium)', () => {
  let t: TestApp;
  let firmA: TestUser;
  let firmB: TestUser;

  async function request(http: HttpClient, assessmentId: string, locale: string) {
    return http.post<ReportView & { message?: string }>(`/api/assessments/${assessmentId}/reports`, { locale });
  }

  async function settled(http: HttpClient, id: string, timeoutMs = 90000): Promise<ReportView> {
    const started = Date.now();
    for (;;) {
      const res = await http.get<ReportView>(`/api/reports/${id}`);
      expect(res.status).toBe(200);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      if (Date.now() - started > timeoutMs)
        throw new Error(`report ${id} still ${res.body.status} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function download(http: HttpClient, id: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const res = await fetch(`${t.url}/api/reports/${id}/pdf`, { headers: { authorization: `Bearer ${http.bearer}` } });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
  }

  async function renderDone(
    user: TestUser,
    assessmentId: string,
    locale: ReportLocale,
  ): Promise<{ report: ReportView; pdf: PdfText; bytes: Buffer; headers: Headers }> {
    const res = await request(user.http, assessmentId, locale);
    expect(res.status).toBe(202);
    const report = await settled(user.http, res.body.id);
    expect(report).toMatchObject({ status: 'done', error: null });
    const file = await download(user.http, report.id);
    expect(file.status).toBe(200);
    return { report, bytes: file.bytes, headers: file.headers, pdf: await readPdf(file.bytes) };
  }

  beforeAll(async () => {
    t = await startTestApp(
      { REPORT_PAGES: '2', REPORT_JOB_TIMEOUT_SECONDS: '60' },
      { imports: [FixtureReportDataModule], overrides: [{ provide: REPORT_DATA_SOURCE, useValue: fixture }] },
    );
    // The assessments feature resolves real assessments; these tests use fixture assessments (only in this app instance).
    t.app.get(ResourceOwners).register('assessment', async (id) => fixture.assessments.get(id)?.orgId ?? null);
    firmA = await registerUser(t.url, { email: `reports-a-${Date.now()}@firm-a.example`, firmName: 'Firm A' });
    firmB = await registerUser(t.url, { email: `reports-b-${Date.now()}@firm-b.example`, firmName: 'Firm B' });
    firmA.http.bearer = firmA.accessToken;
    firmB.http.bearer = firmB.accessToken;
  }, 60000);
  afterAll(() => t.close());

  describe('an English report', () => {
    const assessmentId = () => englishId;
    let englishId: string;
    let result: Awaited<ReturnType<typeof renderDone>>;
    const data = exampleReportData(catalogue, { locale: 'en' });

    beforeAll(async () => {
      englishId = fixture.add(firmA.orgId);
      result = await renderDone(firmA, englishId, 'en');
    }, 120000);

    it('is stored with its checksum, size and page count', () => {
      expect(result.report.sha256).toBe(createHash('sha256').update(result.bytes).digest('hex'));
      expect(result.report.bytes).toBe(result.bytes.byteLength);
      expect(result.report.pages).toBe(result.pdf.pages);
      expect(result.pdf.pages).toBeGreaterThanOrEqual(6);
      expect(result.report.attempts).toBe(1);
    });

    it('downloads as an attachment with a proper file name', () => {
      expect(result.headers.get('content-type')).toBe('application/pdf');
      expect(result.headers.get('content-disposition')).toBe(
        'attachment; filename="SCS-Check_musterwerk-praezisionsteile-taicang-co-ltd_2026-05-04_en.pdf"',
      );
      expect(result.headers.get('x-content-sha256')).toBe(result.report.sha256);
    });

    it('contains the firm, the level, every applicable dimension and the notice', () => {
      const { text } = result.pdf;
      expect(text).toContain('Musterwerk Präzisionsteile (Taicang) Co., Ltd.');
      expect(text).toContain('High');
      for (const d of data.dimensions.filter((x) => x.applicable)) expect(text).toContain(`${d.code} ${d.name}`);
      expect(text).toContain('not an official rating');
      expect(text).toContain('https://www.gsxt.gov.cn');
    });

    it('contains a known finding with its remediation and a Chinese regulation title', () => {
      const finding = data.result.findings[0];
      if (!finding) throw new Error('the example has findings');
      const { text } = result.pdf;
      expect(text).toContain(finding.title);
      expect(text).toContain((finding.remediation[0] ?? '').replace(/\s+/g, ' '));
      const zh = finding.references.find((r) => r.titleZh)?.titleZh ?? '';
      expect(zh).not.toBe('');
      expect(text).toContain(zh.normalize('NFKC'));
      expect(text).toContain('unconfirmed');
    });

    it('carries PDF metadata and an outline of the headings', () => {
      expect(result.pdf.title).toBe('SCS Check risk report – Musterwerk Präzisionsteile (Taicang) Co., Ltd.');
      expect(result.pdf.outline.join(' | ')).toContain('Management summary');
      expect(result.pdf.text).toMatch(/Page 2 of \d+/);
    });

    it('is not rendered again for the same content: the same report comes back', async () => {
      const again = await request(firmA.http, assessmentId(), 'en');
      expect(again.status).toBe(202);
      expect(again.body).toMatchObject({ id: result.report.id, status: 'done', attempts: 1 });
      const list = await firmA.http.get<ReportView[]>(`/api/assessments/${assessmentId()}/reports`);
      expect(list.body.map((r) => r.id)).toEqual([result.report.id]);
    });
  });

  it('renders the German report with German headings', async () => {
    const id = fixture.add(firmA.orgId);
    const { pdf, headers } = await renderDone(firmA, id, 'de');
    for (const heading of [
      'Zusammenfassung',
      'Ergebnisse je Dimension',
      'Maßnahmenplan',
      'Vergleich mit dem vorigen Selbstcheck',
      'Zu prüfende Angaben',
      'Anhang: Methodik und Quellen',
    ]) {
      expect(pdf.text).toContain(heading);
    }
    expect(pdf.text).toContain('keine amtliche Bewertung');
    expect(pdf.text).toMatch(/Seite 2 von \d+/);
    expect(headers.get('content-disposition')).toContain('_de.pdf"');
    const list = await firmA.http.get<ReportView[]>(`/api/assessments/${id}/reports`);
    expect(list.body.map((r) => r.locale)).toEqual(['de']);
  });

  it('prints a hostile firm name as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const id = fixture.add(firmA.orgId, { firmName: hostile });
    const { pdf, headers } = await renderDone(firmA, id, 'en');
    expect(pdf.text).toContain(hostile);
    expect(headers.get('content-disposition')).toContain('SCS-Check_img-src-x-onerror-alert-1_');
  });

  it('answers 409 while the report is rendering, then serves it', async () => {
    let open!: () => void;
    const id = fixture.add(firmA.orgId, { worker: { gate: new Promise<void>((r) => (open = r)) } });
    const res = await request(firmA.http, id, 'en');
    expect(res.status).toBe(202);
    expect(['queued', 'rendering']).toContain(res.body.status);
    const early = await firmA.http.get<{ message: string; status: string }>(`/api/reports/${res.body.id}/pdf`);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/not ready yet/);
    open();
    expect((await settled(firmA.http, res.body.id)).status).toBe('done');
  }, 120000);

  it('completes a job whose browser was killed in the middle, on a new browser', async () => {
    const pool = t.app.get(ReportRenderer).browserPool();
    const before = pool.stats();
    pool.once('render', ({ pid }) => pid && process.kill(pid, 'SIGKILL'));
    const id = fixture.add(firmA.orgId);
    const res = await request(firmA.http, id, 'en');
    const report = await settled(firmA.http, res.body.id);
    expect(report).toMatchObject({ status: 'done', attempts: 2 });
    expect(pool.stats().crashes).toBe(before.crashes + 1);
    expect(pool.stats().launches).toBe(before.launches + 1);
  }, 120000);

  it('ends a job that keeps failing as failed with its reason, after its retries', async () => {
    const id = fixture.add(firmA.orgId, { worker: { fail: () => new Error('assessment store unreachable') } });
    const res = await request(firmA.http, id, 'en');
    const report = await settled(firmA.http, res.body.id);
    expect(report).toMatchObject({ status: 'failed', error: 'assessment store unreachable', attempts: 3 });
    const pdf = await firmA.http.get<{ message: string }>(`/api/reports/${report.id}/pdf`);
    expect(pdf.status).toBe(409);
    expect(pdf.body.message).toContain('assessment store unreachable');
  }, 120000);

  it('does not retry a failure another attempt cannot fix', async () => {
    const id = fixture.add(firmA.orgId, { worker: { fail: () => new NotFoundError('errors.assessment.notFound') } });
    const res = await request(firmA.http, id, 'en');
    expect(await settled(firmA.http, res.body.id)).toMatchObject({
      status: 'failed',
      error: 'Assessment not found',
      attempts: 1,
    });
  }, 60000);

  it("keeps firms apart: another firm's assessment and reports are not found", async () => {
    const id = fixture.add(firmA.orgId);
    const own = await request(firmA.http, id, 'en');
    expect(own.status).toBe(202);
    expect((await request(firmB.http, id, 'en')).status).toBe(404);
    expect((await firmB.http.get(`/api/assessments/${id}/reports`)).status).toBe(404);
    expect((await firmB.http.get(`/api/reports/${own.body.id}`)).status).toBe(404);
    expect((await download(firmB.http, own.body.id)).status).toBe(404);
    expect((await new HttpClient(t.url).get(`/api/reports/${own.body.id}`)).status).toBe(401);
    await settled(firmA.http, own.body.id);
  }, 120000);

  it('refuses data that belongs to another organisation than the assessment', async () => {
    const id = fixture.add(firmA.orgId, { dataOrgId: firmB.orgId });
    expect((await request(firmA.http, id, 'en')).status).toBe(403);
  });

  it('validates the request', async () => {
    const id = fixture.add(firmA.orgId);
    const bad = await firmA.http.post<{ errors: Record<string, string> }>(`/api/assessments/${id}/reports`, {
      locale: 'fr',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors['locale']).toMatch(/"en", "de" or "zh"/);
    expect((await firmA.http.post(`/api/assessments/${id}/reports`, { locale: 'en', extra: 1 })).status).toBe(400);
    expect((await firmA.http.get(`/api/reports/not-a-uuid`)).status).toBe(400);
    expect((await firmA.http.get(`/api/reports/${randomUUID()}`)).status).toBe(404);
  });
});
