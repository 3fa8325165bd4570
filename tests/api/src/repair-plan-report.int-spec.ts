import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { isApplicable, type Catalogue, type FirmProfile } from '@scs/shared/catalogue';
import { registerUser, startTestApp, type TestApp, type TestUser } from './support/app';
import { loadCatalogue } from './support/catalogue';
import { MANUFACTURER_PROFILE } from './support/firms';
import { firmReportPdf } from './support/reports';

// The credit-repair plan and the projected exposure in the German and English PDF of a real submitted assessment
// (real assessments feature, real scoring, real Chromium), checked by PDF text extraction.

const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};

async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(doc, { mergePages: true });
  return text.normalize('NFKC').replace(/\s+/g, ' ');
}

describe('repair plan in the PDF report (real PostgreSQL, real Chromium)', () => {
  let t: TestApp;
  let firm: TestUser;
  let assessmentId: string;

  beforeAll(async () => {
    t = await startTestApp({ REPORT_PAGES: '2', REPORT_JOB_TIMEOUT_SECONDS: '60' });
    firm = await registerUser(t.url, {
      email: `repair-report-${Date.now()}@firm.example`,
      firmName: 'Muster Repair GmbH',
    });
    firm.http.bearer = firm.accessToken;
    expect(
      (await firm.http.put(`/api/orgs/${firm.orgId}/profile`, { name: 'Muster Repair GmbH', ...MANUFACTURER_PROFILE }))
        .status,
    ).toBe(200);
    const started = await firm.http.post<{ id: string; catalogueVersion: string }>(
      `/api/orgs/${firm.orgId}/assessments`,
      {},
    );
    expect(started.status).toBe(201);
    assessmentId = started.body.id;
    const catalogue = loadCatalogue(started.body.catalogueVersion);
    const profile = MANUFACTURER_PROFILE as unknown as FirmProfile;
    const lowest = (q: Catalogue['questions'][number]) => [...q.options].sort((x, y) => x.exposure - y.exposure)[0]!.id;
    const answers = catalogue.questions
      .filter((q) => isApplicable(q.applicability, profile))
      .map((q) =>
        q.id === 'M6'
          ? {
              questionId: 'M6',
              optionId: null,
              records: [{ decided: monthsAgo(8), tier: 'moderate', status: 'open' }],
              baseRevision: 0,
            }
          : { questionId: q.id, optionId: lowest(q), baseRevision: 0 },
      );
    expect(answers.some((a) => a.questionId === 'M6')).toBe(true);
    expect((await firm.http.put(`/api/assessments/${assessmentId}/answers`, { answers })).status).toBe(200);
    expect((await firm.http.post(`/api/assessments/${assessmentId}/submit`)).status).toBe(200);
  }, 60000);
  afterAll(() => t?.close());
  let lastPdf: Uint8Array = new Uint8Array();

  async function render(locale: 'de' | 'en' | 'zh'): Promise<string> {
    const bytes = await firmReportPdf(t, firm, assessmentId, locale);
    lastPdf = bytes;
    return pdfText(bytes);
  }

  it('the German PDF contains the repair plan and the projected exposure', async () => {
    const text = await render('de');
    expect(text).toContain('Plan zur Kreditwiederherstellung');
    for (const label of [
      'Entscheidungsdatum',
      'Stufe',
      'Frühester Antragstermin',
      'Automatisches Ende',
      'Antragsweg',
      'Unterlagen',
      'Bearbeitungszeiten',
    ])
      expect(text).toContain(label);
    expect(text).toContain('M6');
    expect(text).toContain('Mittel');
    expect(text).toContain('Voraussichtliche Betroffenheit (nächste 36 Monate)');
    expect(text).toContain('Gesamt'); // legend of the projected chart (SVG text)
  }, 120000);

  it('the English PDF contains the repair plan and the projected exposure', async () => {
    const text = await render('en');
    expect(text).toContain('Credit-repair plan');
    for (const label of [
      'Decision date',
      'Tier',
      'Earliest repair date',
      'Automatic end',
      'Channel',
      'Documents',
      'Processing times',
    ])
      expect(text).toContain(label);
    expect(text).toContain('Moderate');
    expect(text).toContain('Projected exposure (next 36 months)');
  }, 120000);

  it('the Chinese PDF has Chinese labels and catalogue texts, with CJK fonts embedded (pdftotext)', async () => {
    const text = await render('zh');
    for (const label of [
      'SCS Check 风险报告',
      '摘要',
      '总体风险敞口',
      '信用修复计划',
      '认定之日',
      '最早可申请修复日期',
      '自动到期',
    ])
      expect(text).toContain(label);
    expect(text).toContain('预计风险敞口(未来 36 个月)'); // NFKC turns the full-width brackets into ASCII
    // A catalogue text from the version's zh.yaml (the dimension of M6), not its English original.
    expect(text).toContain('市场监管与年度报告');
    expect(text).not.toContain('Market supervision and annual reporting');
    const dir = mkdtempSync(join(tmpdir(), 'scs-zh-pdf-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), lastPdf);
      const extracted = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      expect(extracted).toContain('风险等级');
      expect(extracted).toContain('信用修复');
      const fonts = execFileSync('pdffonts', [join(dir, 'r.pdf')], { encoding: 'utf8' });
      expect(fonts).toMatch(/CJK|WenQuanYi|MicroHei/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);
});
