import { isApplicable, type FirmProfile } from '@scs/shared/catalogue';
import type { AssessmentView } from '@scs/shared/contracts';
import { registerUser, startTestApp, type TestApp, type TestUser } from './support/app';
import { loadCatalogue } from './support/catalogue';
import { MANUFACTURER_PROFILE } from './support/firms';
import { firmReportPdf, pdfText } from './support/reports';

// Issue 16 item 13 / issue 19: one wording per finding. A result stores its findings' texts as they were at
// submission; the catalogue version's wording is corrected (i18n/de.yaml: "Steuerkredit-Note C" → "Steuerkreditstufe
// C") and translated (i18n/zh.yaml) beside it. The PDF names findings in that current wording, as the result page
// does, and the stored result stays as it was.

describe('finding wording in the report (real PostgreSQL, real Chromium)', () => {
  let t: TestApp;
  let firm: TestUser;
  let assessmentId: string;

  beforeAll(async () => {
    t = await startTestApp({ REPORT_JOB_TIMEOUT_SECONDS: '60' });
    firm = await registerUser(t.url, {
      email: `wording-${Date.now()}@firm.example`,
      name: 'Anna Schmidt',
      firmName: 'Musterwerk Präzisionsteile (Taicang) Co., Ltd.',
    });
    firm.http.bearer = firm.accessToken;
    const profile = await firm.http.put(`/api/orgs/${firm.orgId}/profile`, {
      name: 'Musterwerk Präzisionsteile (Taicang) Co., Ltd.',
      ...MANUFACTURER_PROFILE,
    });
    expect(profile.status).toBe(200);
    const started = await firm.http.post<{ id: string; catalogueVersion: string }>(
      `/api/orgs/${firm.orgId}/assessments`,
      {},
    );
    expect(started.status).toBe(201);
    assessmentId = started.body.id;
    // Tax credit level C (a medium finding with corrected German and a Chinese translation), the lowest elsewhere.
    const answers = loadCatalogue(started.body.catalogueVersion)
      .questions.filter((q) => isApplicable(q.applicability, MANUFACTURER_PROFILE as unknown as FirmProfile))
      .map((q) => ({
        questionId: q.id,
        optionId: q.id === 'T1' ? 'c' : ([...q.options].sort((x, y) => x.exposure - y.exposure)[0]?.id ?? ''),
        baseRevision: 0,
      }));
    expect(answers.some((a) => a.questionId === 'T1')).toBe(true);
    expect((await firm.http.put(`/api/assessments/${assessmentId}/answers`, { answers })).status).toBe(200);
    expect((await firm.http.post(`/api/assessments/${assessmentId}/submit`)).status).toBe(200);
  }, 120_000);
  afterAll(() => t?.close());

  async function render(locale: 'de' | 'zh'): Promise<string> {
    return pdfText(await firmReportPdf(t, firm, assessmentId, locale, 'wording'));
  }

  it('keeps the texts stored at submission in the result (nothing is rewritten)', async () => {
    const view = await firm.http.get<AssessmentView>(`/api/assessments/${assessmentId}`);
    expect(view.status).toBe(200);
    const t1 = view.body.result?.findings.find((f) => f.questionId === 'T1');
    expect(t1).toMatchObject({ optionId: 'c', severity: 'medium' });
    expect(t1?.finding?.title.de).toBe('Steuerkredit-Note C');
  });

  it('names the finding in the corrected German wording in the German PDF', async () => {
    const text = await render('de');
    expect(text).toContain('Steuerkreditstufe C');
    expect(text).not.toContain('Steuerkredit-Note C');
  }, 150_000);

  it('names the finding in Chinese in the Chinese PDF', async () => {
    const text = await render('zh');
    expect(text).toContain('纳税信用级别为 C 级');
    expect(text).not.toContain('[EN] Tax credit');
  }, 150_000);
});
