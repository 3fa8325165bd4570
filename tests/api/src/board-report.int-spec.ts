import { DONT_KNOW, isApplicable, type Catalogue, type FirmProfile } from '@scs/shared/catalogue';
import type { ComparisonView } from '@scs/shared/contracts';
import { registerUser, startTestApp, type TestApp, type TestUser } from './support/app';
import { loadCatalogue } from './support/catalogue';
import { MANUFACTURER_PROFILE } from './support/firms';
import { firmReportPdf, pdfText } from './support/reports';

// The report a board reads: a re-assessment with resolved and new findings, a high-weight "don't know" (customs credit
// level), a dated adverse record and an action plan, rendered in German and English by the real pipeline and read
// back with pdftotext. Page 1 must be the management summary.

type Question = Catalogue['questions'][number];

const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};
const dayOffset = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('the report a board reads (real PostgreSQL, real Chromium)', () => {
  let t: TestApp;
  let firm: TestUser;
  let previousId: string;
  let currentId: string;
  let resolvedQs: Question[];
  let newQ: Question;
  const pdfs: Partial<Record<'de' | 'en', Uint8Array>> = {};

  beforeAll(async () => {
    t = await startTestApp({ REPORT_JOB_TIMEOUT_SECONDS: '60' });
    firm = await registerUser(t.url, {
      email: `board-${Date.now()}@firm.example`,
      name: 'Anna Schmidt',
      firmName: 'Musterwerk Präzisionsteile (Taicang) Co., Ltd.',
    });
    firm.http.bearer = firm.accessToken;
    expect(
      (
        await firm.http.put(`/api/orgs/${firm.orgId}/profile`, {
          name: 'Musterwerk Präzisionsteile (Taicang) Co., Ltd.',
          ...MANUFACTURER_PROFILE,
        })
      ).status,
    ).toBe(200);

    const submit = async (choose: (q: Question) => string | 'record'): Promise<string> => {
      const started = await firm.http.post<{ id: string; catalogueVersion: string }>(
        `/api/orgs/${firm.orgId}/assessments`,
        {},
      );
      expect(started.status).toBe(201);
      const catalogue = loadCatalogue(started.body.catalogueVersion);
      const profile = MANUFACTURER_PROFILE as unknown as FirmProfile;
      const answers = catalogue.questions
        .filter((q) => isApplicable(q.applicability, profile))
        .map((q) => {
          const choice = choose(q);
          return choice === 'record'
            ? {
                questionId: q.id,
                optionId: null,
                records: [{ decided: monthsAgo(8), tier: 'moderate', status: 'open' }],
                baseRevision: 0,
              }
            : { questionId: q.id, optionId: choice, baseRevision: 0 };
        });
      expect((await firm.http.put(`/api/assessments/${started.body.id}/answers`, { answers })).status).toBe(200);
      expect((await firm.http.post(`/api/assessments/${started.body.id}/submit`)).status).toBe(200);
      return started.body.id;
    };

    const catalogue = loadCatalogue();
    const applicable = catalogue.questions.filter((q) =>
      isApplicable(q.applicability, MANUFACTURER_PROFILE as unknown as FirmProfile),
    );
    const lowest = (q: Question) => [...q.options].sort((x, y) => x.exposure - y.exposure)[0]!.id;
    const withSeverity = (severity: string) => (q: Question) =>
      !['C1', 'M6'].includes(q.id) && q.options.some((o) => o.finding?.severity === severity && !o.knockOut);
    const optionOf = (q: Question, severity: string) =>
      q.options.find((o) => o.finding?.severity === severity && !o.knockOut)!.id;
    resolvedQs = applicable.filter(withSeverity('medium')).slice(0, 2);
    newQ = applicable.find(withSeverity('high'))!;
    const lows = applicable.filter((q) => !resolvedQs.includes(q) && q !== newQ && withSeverity('low')(q)).slice(0, 4);
    expect(resolvedQs).toHaveLength(2);
    expect(applicable.some((q) => q.id === 'C1' && q.weight === 'high' && q.dontKnow)).toBe(true);

    // Before: two medium findings and a few low ones; now: those two resolved, a new high one, the customs credit
    // level answered "don't know", the same low ones, the same dated record.
    const isIn = (qs: Question[], q: Question) => qs.some((x) => x.id === q.id);
    previousId = await submit((q) =>
      q.id === 'M6'
        ? 'record'
        : isIn(resolvedQs, q)
          ? optionOf(q, 'medium')
          : isIn(lows, q)
            ? optionOf(q, 'low')
            : lowest(q),
    );
    currentId = await submit((q) =>
      q.id === 'M6'
        ? 'record'
        : q.id === 'C1'
          ? DONT_KNOW
          : q.id === newQ.id
            ? optionOf(q, 'high')
            : isIn(lows, q)
              ? optionOf(q, 'low')
              : lowest(q),
    );

    for (const a of [
      { title: 'Zollstatus beim Zollamt Taicang prüfen', dueDate: dayOffset(-10), questionId: 'C1' },
      { title: 'Fix the finding on the new high risk', dueDate: dayOffset(30), questionId: newQ.id },
      { title: 'Apply for credit repair of the market penalty', dueDate: dayOffset(60), questionId: 'M6' },
      { title: 'Train the purchasing team', dueDate: dayOffset(120) },
    ])
      expect((await firm.http.post(`/api/orgs/${firm.orgId}/actions`, { ...a, ownerUserId: firm.id })).status).toBe(
        201,
      );
  }, 120_000);
  afterAll(() => t?.close());

  async function render(locale: 'de' | 'en'): Promise<Uint8Array> {
    const cached = pdfs[locale];
    if (cached) return cached;
    const bytes = await firmReportPdf(t, firm, currentId, locale, 'board-report');
    pdfs[locale] = bytes;
    return bytes;
  }

  it('opens the German PDF with the management summary: level, three first things with owners and dates, changes counted like the result page, repair outlook', async () => {
    const compare = await firm.http.get<ComparisonView>(`/api/assessments/${currentId}/compare/${previousId}`);
    expect(compare.status).toBe(200);
    const { resolved, new: added, unchanged } = compare.body.findings;
    expect(resolved.map((f) => f.questionId).sort()).toEqual(resolvedQs.map((q) => q.id).sort());

    const page1 = pdfText(await render('de'), 1);
    expect(page1).toContain('Management-Zusammenfassung');
    expect(page1).toMatch(/Gesamtbetroffenheit: (Niedrig|Mittel|Hoch|Kritisch) \(Betroffenheitswert \d+,\d von 100\)/);
    expect(page1).toContain('Die drei wichtigsten nächsten Schritte');
    // The overdue customs check first, then by due date; the fourth action is not on page 1.
    expect(page1).toMatch(/Zollstatus beim Zollamt Taicang prüfen.*Anna Schmidt.*überfällig/i);
    expect(page1).toContain('Fix the finding on the new high risk');
    expect(page1).toContain('Apply for credit repair of the market penalty');
    expect(page1).not.toContain('Train the purchasing team');
    const [y, m, d] = dayOffset(30).split('-');
    expect(page1).toContain(`${d}.${m}.${y}`);
    expect(page1).toContain('Was sich seit dem letzten Selbstcheck geändert hat');
    expect(page1).toContain(
      `${resolved.length} Befunde erledigt, ${added.length} neu, ${unchanged.length} unverändert.`,
    );
    expect(page1).toContain('Ausblick Kreditwiederherstellung');
    expect(page1).toContain('Ein Eintrag zählt noch.');
    // Who prepared it, for whom, when: names and German time, no ids, no UTC.
    // (pdftotext reads the masthead's two columns interleaved: label and firm are checked apart.)
    expect(page1).toContain('Erstellt für');
    expect(page1).toContain('Musterwerk Präzisionsteile (Taicang) Co., Ltd. Hundertprozentige Auslandsgesellschaft');
    expect(page1).toMatch(/Erstellt von Musterwerk Präzisionsteile \(Taicang\) Co\., Ltd\. · Anna Schmidt/);
    expect(page1).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} MES?Z/);
    expect(page1).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    expect(page1).not.toContain('UTC');
  }, 150_000);

  it('lists the high-weight "don\'t know" among the five most severe findings and cites regulations by number', async () => {
    const text = pdfText(await render('de'));
    // The section ends where the results by dimension begin (the chart now stands before it, on the same page).
    const top = /Die fünf schwerwiegendsten Befunde(.*?)Ergebnisse je Dimension/.exec(text)?.[1] ?? '';
    expect(top).toMatch(/Weiß nicht|WEISS NICHT/);
    expect(top).toContain('Zoll-Kreditstufe');
    expect(text).toMatch(/Vorschriften: \[1\]/);
    expect(text).toContain('Zitierte Vorschriften');
    expect(text).not.toContain('undefined');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    // Each regulation's status once, in the appendix: as many "unbestätigt" badges there as unconfirmed regulations.
    const appendix = text.slice(text.lastIndexOf('Zitierte Vorschriften'));
    // Citation numbers run 1..n (titles such as "Guo Ban Fa [2025] 22" carry years in brackets too).
    const numbers = new Set((appendix.match(/\[(\d{1,3})\]/g) ?? []).map((x) => Number(x.slice(1, -1))));
    const statuses = appendix.match(/\b(BESTÄTIGT|UNBESTÄTIGT)\b/g)?.length ?? 0;
    expect(numbers.size).toBeGreaterThan(3);
    expect(Math.max(...numbers)).toBe(numbers.size);
    expect(statuses).toBe(numbers.size);
  }, 150_000);

  it('writes the English PDF in English, with the user-entered action titles marked as entered', async () => {
    const text = pdfText(await render('en'));
    const page1 = pdfText(await render('en'), 1);
    expect(page1).toContain('Management summary');
    expect(page1).toContain('The three things to do first');
    expect(page1).toContain('Zollstatus beim Zollamt Taicang prüfen');
    expect(page1).toContain('Titles in italics were entered by the firm and are printed as entered.');
    expect(page1).toMatch(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} CES?T/);
    for (const german of ['Betroffenheit', 'Befund', 'Maßnahme', 'Risikostufe', 'Zusammenfassung', 'Weiß nicht'])
      expect(text).not.toContain(german);
    expect(text).toContain('Don’t know');
  }, 150_000);
});
