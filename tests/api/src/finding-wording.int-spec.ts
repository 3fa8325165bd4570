import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isApplicable, type FirmProfile } from '@scs/shared/catalogue';
import type { AssessmentView, ReportView } from '@scs/shared/contracts';
import { registerUser, startTestApp, type TestApp, type TestUser } from './support/app';
import { loadCatalogue } from './support/catalogue';
import { MANUFACTURER_PROFILE } from './support/firms';

// Issue 16 item 13 / issue 19: one wording per finding. A result stores its findings' texts as they were at
// submission; the catalogue version's wording is corrected (i18n/de.yaml: "Steuerkredit-Note C" → "Steuerkreditstufe
// C") and translated (i18n/zh.yaml) beside it. The PDF names findings in that current wording, as the result page
// does, and the stored result stays as it was.

/** Text of a PDF (poppler's pdftotext, reading order). */
function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'scs-wording-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })
      .normalize('NFKC')
      .replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
    const res = await firm.http.post<ReportView>(`/api/assessments/${assessmentId}/reports`, { locale });
    expect(res.status).toBe(202);
    const started = Date.now();
    for (;;) {
      const r = await firm.http.get<ReportView>(`/api/reports/${res.body.id}`);
      if (r.body.status === 'done') break;
      if (r.body.status === 'failed' || Date.now() - started > 90_000)
        throw new Error(`report ${r.body.status}: ${r.body.error}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const file = await fetch(`${t.url}/api/reports/${res.body.id}/pdf`, {
      headers: { authorization: `Bearer ${firm.accessToken}` },
    });
    expect(file.status).toBe(200);
    return pdfText(new Uint8Array(await file.arrayBuffer()));
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
