import ExcelJS from 'exceljs';
import { isApplicable, type Catalogue, type FirmProfile } from '@scs/shared/catalogue';
import { score } from '@scs/shared/scoring';
import { answerFromCode, answerMap } from '@scs/shared/answers';
import { HttpClient, startTestApp, type TestApp } from './support/app';
import { loadCatalogue } from './support/catalogue';
import { MANUFACTURER_PROFILE, registerFirm, type RegisteredFirm } from './support/firms';

interface AnswerView {
  questionId: string;
  optionId: string | null;
  revision: number;
  note: string | null;
}
interface AssessmentView {
  id: string;
  status: string;
  catalogueVersion: string;
  answers: AnswerView[];
  changedQuestions: string[];
  overallScore: number | null;
  level: string | null;
  result: { level: string; score: number; findings: { questionId: string }[]; unanswered: string[] } | null;
}

describe('assessments (real PostgreSQL)', () => {
  let t: TestApp;
  let firm: RegisteredFirm;
  let catalogue: Catalogue;
  let applicable: Catalogue['questions'];

  const lowest = (q: Catalogue['questions'][number]) => [...q.options].sort((a, b) => a.exposure - b.exposure)[0].id;

  beforeAll(async () => {
    t = await startTestApp();
    catalogue = loadCatalogue();
    firm = await registerFirm(t.url);
    applicable = catalogue.questions.filter(
      (q) => !q.applicability || isApplicable(q.applicability, MANUFACTURER_PROFILE as unknown as FirmProfile),
    );
  });
  afterAll(() => t.close());

  async function start(http: HttpClient = firm.http, orgId = firm.orgId, previousId?: string): Promise<AssessmentView> {
    const res = await http.post<AssessmentView>(`/api/orgs/${orgId}/assessments`, previousId ? { previousId } : {});
    expect(res.status).toBe(201);
    return res.body;
  }

  async function answerAll(id: string, pick: (q: Catalogue['questions'][number]) => string = lowest): Promise<void> {
    const res = await firm.http.put(`/api/assessments/${id}/answers`, {
      answers: applicable.map((q) => ({ questionId: q.id, optionId: pick(q), baseRevision: 0 })),
    });
    expect(res.status).toBe(200);
  }

  it('starts a draft pinned to the current catalogue version', async () => {
    const a = await start();
    expect(a.status).toBe('draft');
    expect(a.catalogueVersion).toBe(catalogue.version);
    expect(a.answers).toEqual([]);
  });

  it('saves a batch of answers and bumps each revision', async () => {
    const a = await start();
    const [q1, q2] = applicable;
    const res = await firm.http.put<{ saved: { questionId: string; revision: number }[] }>(
      `/api/assessments/${a.id}/answers`,
      {
        answers: [
          { questionId: q1.id, optionId: lowest(q1), baseRevision: 0, note: 'checked in the portal' },
          { questionId: q2.id, optionId: 'dont_know', baseRevision: 0 },
        ],
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.saved).toEqual(
      expect.arrayContaining([
        { questionId: q1.id, revision: 1 },
        { questionId: q2.id, revision: 1 },
      ]),
    );
    const again = await firm.http.put(`/api/assessments/${a.id}/answers`, {
      answers: [{ questionId: q1.id, optionId: q1.options[1].id, baseRevision: 1 }],
    });
    expect(again.status).toBe(200);
    const view = await firm.http.get<AssessmentView>(`/api/assessments/${a.id}`);
    expect(view.body.answers.find((x) => x.questionId === q1.id)).toMatchObject({
      optionId: q1.options[1].id,
      revision: 2,
    });
  });

  it('detects a concurrent edit: the stale writer gets 409 with the other answer, nothing is lost', async () => {
    const a = await start();
    const q = applicable[0];
    // A colleague (same firm, own session) and the officer both start from revision 0.
    const colleague = new HttpClient(t.url);
    const login = await colleague.post('/api/auth/login', { email: firm.email, password: firm.password });
    expect(login.status).toBe(200);
    const first = await colleague.put(`/api/assessments/${a.id}/answers`, {
      answers: [{ questionId: q.id, optionId: q.options[0].id, baseRevision: 0 }],
    });
    expect(first.status).toBe(200);
    const stale = await firm.http.put<{ conflicts: { questionId: string; current: AnswerView }[] }>(
      `/api/assessments/${a.id}/answers`,
      {
        answers: [
          { questionId: q.id, optionId: q.options[1].id, baseRevision: 0 },
          { questionId: applicable[1].id, optionId: lowest(applicable[1]), baseRevision: 0 },
        ],
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.conflicts).toEqual([
      expect.objectContaining({
        questionId: q.id,
        current: expect.objectContaining({ optionId: q.options[0].id, revision: 1 }),
      }),
    ]);
    // The whole batch was rolled back: the non-conflicting answer was not half-saved.
    const view = await firm.http.get<AssessmentView>(`/api/assessments/${a.id}`);
    expect(view.body.answers.map((x) => x.questionId)).toEqual([q.id]);
    // Keeping one's own answer = resend based on the current revision.
    const resolved = await firm.http.put(`/api/assessments/${a.id}/answers`, {
      answers: [{ questionId: q.id, optionId: q.options[1].id, baseRevision: 1 }],
    });
    expect(resolved.status).toBe(200);
    // A single answer (autosave's one-statement path) conflicts the same way, for an update and for a first answer.
    const single = await colleague.put<{ conflicts: { questionId: string; current: AnswerView }[] }>(
      `/api/assessments/${a.id}/answers`,
      {
        answers: [{ questionId: q.id, optionId: q.options[0].id, baseRevision: 1 }],
      },
    );
    expect(single.status).toBe(409);
    expect(single.body.conflicts).toEqual([
      expect.objectContaining({
        questionId: q.id,
        current: expect.objectContaining({ optionId: q.options[1].id, revision: 2 }),
      }),
    ]);
    const other = applicable[2];
    expect(
      (
        await colleague.put(`/api/assessments/${a.id}/answers`, {
          answers: [{ questionId: other.id, optionId: other.options[0].id, baseRevision: 0 }],
        })
      ).status,
    ).toBe(200);
    const late = await firm.http.put<{ conflicts: { questionId: string; current: AnswerView }[] }>(
      `/api/assessments/${a.id}/answers`,
      {
        answers: [{ questionId: other.id, optionId: other.options[1].id, baseRevision: 0 }],
      },
    );
    expect(late.status).toBe(409);
    expect(late.body.conflicts[0]?.current).toMatchObject({ optionId: other.options[0].id, revision: 1 });
    const after = await firm.http.get<AssessmentView>(`/api/assessments/${a.id}`);
    expect(after.body.answers.find((x) => x.questionId === q.id)).toMatchObject({
      optionId: q.options[1].id,
      revision: 2,
    });
  });

  it('rejects answers for unknown questions, non-applicable questions and unknown options with 400 naming them', async () => {
    const a = await start();
    const notApplicable = catalogue.questions.find(
      (q) => q.applicability && !isApplicable(q.applicability, MANUFACTURER_PROFILE as unknown as FirmProfile),
    );
    expect(notApplicable).toBeDefined();
    const unknown = await firm.http.put<{ message: string }>(`/api/assessments/${a.id}/answers`, {
      answers: [{ questionId: 'Z9', optionId: 'a', baseRevision: 0 }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('Z9');
    const na = await firm.http.put<{ message: string }>(`/api/assessments/${a.id}/answers`, {
      answers: [{ questionId: notApplicable!.id, optionId: notApplicable!.options[0].id, baseRevision: 0 }],
    });
    expect(na.status).toBe(400);
    expect(na.body.message).toContain(notApplicable!.id);
    const badOption = await firm.http.put<{ message: string }>(`/api/assessments/${a.id}/answers`, {
      answers: [{ questionId: applicable[0].id, optionId: 'nope', baseRevision: 0 }],
    });
    expect(badOption.status).toBe(400);
    expect(badOption.body.message).toContain('nope');
    const longNote = await firm.http.put(`/api/assessments/${a.id}/answers`, {
      answers: [
        { questionId: applicable[0].id, optionId: lowest(applicable[0]), note: 'x'.repeat(2001), baseRevision: 0 },
      ],
    });
    expect(longNote.status).toBe(400);
    const extra = await firm.http.put(`/api/assessments/${a.id}/answers`, {
      answers: [{ questionId: applicable[0].id, optionId: lowest(applicable[0]), baseRevision: 0, score: 0 }],
    });
    expect(extra.status).toBe(400);
  });

  it('refuses to submit with unanswered questions (422 listing them), then submits and recomputes on the server', async () => {
    const a = await start();
    const open = await firm.http.post<{ unanswered: string[] }>(`/api/assessments/${a.id}/submit`);
    expect(open.status).toBe(422);
    expect(open.body.unanswered).toHaveLength(applicable.length);
    await answerAll(a.id);
    const submitted = await firm.http.post<AssessmentView>(`/api/assessments/${a.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.level).toBe('low');
    expect(submitted.body.result?.unanswered).toEqual([]);
    // Read-only afterwards.
    const write = await firm.http.put(`/api/assessments/${a.id}/answers`, {
      answers: [{ questionId: applicable[0].id, optionId: lowest(applicable[0]), baseRevision: 1 }],
    });
    expect(write.status).toBe(409);
    const again = await firm.http.post(`/api/assessments/${a.id}/submit`);
    expect(again.status).toBe(409);
  });

  it('a knock-out answer (unpaid tax decision) makes the server result critical', async () => {
    const a = await start();
    const t3 = catalogue.questions.find((q) => q.id === 'T3')!;
    const ko = t3.options.find((o) => o.knockOut)!;
    await answerAll(a.id, (q) => (q.id === 'T3' ? ko.id : lowest(q)));
    const submitted = await firm.http.post<AssessmentView>(`/api/assessments/${a.id}/submit`);
    expect(submitted.body.level).toBe('critical');
    expect(submitted.body.result?.findings[0]?.questionId).toBe('T3');
  });

  it('stores a score with a decimal (a moderate answer on the tax grade)', async () => {
    const a = await start();
    // Find an answer set whose overall score has a decimal, with the same scoring function the server uses. Under
    // scoring model 2 one deviation scores 60 % of its weighted exposure (a whole number in this catalogue), so two.
    const base = answerMap(Object.fromEntries(applicable.map((q) => [q.id, { optionId: lowest(q) }])));
    const options = applicable.flatMap((q) =>
      q.options.filter((o) => o.exposure > 0).map((o) => ({ q: q.id, o: o.id })),
    );
    let pick: Record<string, string> | undefined;
    for (const first of options) {
      const second = options.find(
        (x) =>
          x.q !== first.q &&
          !Number.isInteger(
            score(catalogue, MANUFACTURER_PROFILE as unknown as FirmProfile, {
              ...base,
              [first.q]: answerFromCode(first.o),
              [x.q]: answerFromCode(x.o),
            }).score,
          ),
      );
      if (second) {
        pick = { [first.q]: first.o, [second.q]: second.o };
        break;
      }
    }
    expect(pick).toBeDefined();
    await answerAll(a.id, (q) => pick?.[q.id] ?? lowest(q));
    const submitted = await firm.http.post<AssessmentView>(`/api/assessments/${a.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.overallScore).toBe(submitted.body.result!.score);
    expect(Number.isInteger(submitted.body.overallScore)).toBe(false);
  });

  it('re-assess pre-fills from the previous answers and can be compared', async () => {
    const first = await start();
    await answerAll(first.id, (q) => (q.id === 'T3' ? q.options.find((o) => o.knockOut)!.id : lowest(q)));
    await firm.http.post(`/api/assessments/${first.id}/submit`);
    const second = await start(firm.http, firm.orgId, first.id);
    expect(second.answers).toHaveLength(applicable.length);
    expect(second.changedQuestions).toEqual([]); // same catalogue version: nothing changed
    const t3 = second.answers.find((x) => x.questionId === 'T3')!;
    const fix = await firm.http.put(`/api/assessments/${second.id}/answers`, {
      answers: [
        {
          questionId: 'T3',
          optionId: lowest(catalogue.questions.find((q) => q.id === 'T3')!),
          baseRevision: t3.revision,
        },
      ],
    });
    expect(fix.status).toBe(200);
    await firm.http.post(`/api/assessments/${second.id}/submit`);
    const cmp = await firm.http.get<{
      findings: { resolved: { questionId: string }[] };
      dimensions: { dimensionId: string; change: number | null }[];
    }>(`/api/assessments/${second.id}/compare/${first.id}`);
    expect(cmp.status).toBe(200);
    expect(cmp.body.findings.resolved.map((f) => f.questionId)).toContain('T3');
    expect(cmp.body.dimensions.find((d) => d.dimensionId === 'tax')!.change).toBeLessThan(0);
  });

  it('exports a submitted assessment as CSV and Excel', async () => {
    const a = await start();
    await answerAll(a.id);
    await firm.http.post(`/api/assessments/${a.id}/submit`);
    const csv = await firm.http.get<string>(`/api/assessments/${a.id}/export.csv?lang=de`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('.csv');
    expect(csv.body).toContain('Frage-ID');
    expect(csv.body.split('\r\n').length).toBeGreaterThan(applicable.length);
    // Scores, levels and findings with severity travel with the answers; German numbers use the decimal comma.
    const header = csv.body.replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header).toContain('"Schweregrad"');
    expect(header).toContain('"Gesamtpunktwert (0–100)"');
    const submitted = await firm.http.get<{ result: { score: number } }>(`/api/assessments/${a.id}`);
    const overall = submitted.body.result.score;
    const firstRow = csv.body.split('\r\n')[1].split(';');
    expect(firstRow[9]).toBe(String(overall).replace('.', ','));
    expect(csv.body).not.toMatch(/;\d+\.\d+;/);
    const xlsx = await fetch(`${t.url}/api/assessments/${a.id}/export.xlsx`, {
      headers: { cookie: `scs_access=${firm.http.cookie('scs_access')}` },
    });
    expect(xlsx.status).toBe(200);
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Result', 'Findings', 'Answers']);
    expect(wb.getWorksheet('Result')!.getRow(2).getCell(2).value).toBe(overall);
  });

  it("never shows another firm's assessment (404)", async () => {
    const a = await start();
    const other = await registerFirm(t.url, {}, 'Other Firm GmbH');
    const res = await other.http.get(`/api/assessments/${a.id}`);
    expect(res.status).toBe(404);
    const write = await other.http.put(`/api/assessments/${a.id}/answers`, {
      answers: [{ questionId: applicable[0].id, optionId: lowest(applicable[0]), baseRevision: 0 }],
    });
    expect(write.status).toBe(404);
  });

  it('re-evaluates applicability when a profile answer changes inside the draft', async () => {
    const a = await start();
    const c1 = catalogue.questions.find((q) => q.id === 'C1')!;
    const before = await firm.http.put(`/api/assessments/${a.id}/answers`, {
      answers: [{ questionId: 'C1', optionId: c1.options[0].id, baseRevision: 0 }],
    });
    expect(before.status).toBe(200);
    const changed = await firm.http.patch(`/api/assessments/${a.id}/profile`, { profile: { importsExports: false } });
    expect(changed.status).toBe(200);
    const after = await firm.http.put<{ message: string }>(`/api/assessments/${a.id}/answers`, {
      answers: [{ questionId: 'C1', optionId: c1.options[0].id, baseRevision: 1 }],
    });
    expect(after.status).toBe(400);
    const bad = await firm.http.patch(`/api/assessments/${a.id}/profile`, { profile: { legalForm: 'spaceship' } });
    expect(bad.status).toBe(400);
  });

  it('keeps an action plan with owners, due dates and overdue flags', async () => {
    const created = await firm.http.post<{ id: string; overdue: boolean }>(`/api/orgs/${firm.orgId}/actions`, {
      title: 'Pay the outstanding tax decision',
      questionId: 'T3',
      ownerUserId: firm.userId,
      dueDate: '2020-01-31',
    });
    expect(created.status).toBe(201);
    expect(created.body.overdue).toBe(true);
    const overdue = await firm.http.get<{ id: string }[]>(`/api/orgs/${firm.orgId}/actions?overdue=true`);
    expect(overdue.body.map((x) => x.id)).toContain(created.body.id);
    const done = await firm.http.patch<{ status: string; overdue: boolean }>(`/api/actions/${created.body.id}`, {
      status: 'done',
    });
    expect(done.body).toMatchObject({ status: 'done', overdue: false });
    const badOwner = await firm.http.post(`/api/orgs/${firm.orgId}/actions`, {
      title: 'x',
      ownerUserId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badOwner.status).toBe(400);
    const badDate = await firm.http.post(`/api/orgs/${firm.orgId}/actions`, { title: 'x', dueDate: '31.01.2020' });
    expect(badDate.status).toBe(400);
  });

  it('writes an anonymised research record on submit only while research consent is active', async () => {
    const countFor = async (orgId: string) => {
      const rows: { n: string }[] = await t.dataSource.query('SELECT count(*)::int AS n FROM research.record');
      return { total: Number(rows[0].n), orgId };
    };
    const consenting = await registerFirm(t.url, {}, 'Consenting Firm GmbH');
    const texts = await consenting.http.get<{ kind: string; version: number }[]>('/api/consent-texts');
    const research = texts.body.find((x) => x.kind === 'research')!;
    const granted = await consenting.http.put(`/api/orgs/${consenting.orgId}/consents`, {
      kind: 'research',
      granted: true,
      textVersion: research.version,
    });
    expect(granted.status).toBe(200);
    const before = (await countFor(consenting.orgId)).total;

    const silent = await registerFirm(t.url, {}, 'Silent Firm GmbH');
    for (const f of [silent, consenting]) {
      const a = await f.http.post<AssessmentView>(`/api/orgs/${f.orgId}/assessments`, {});
      const put = await f.http.put(`/api/assessments/${a.body.id}/answers`, {
        answers: applicable.map((q) => ({ questionId: q.id, optionId: lowest(q), baseRevision: 0 })),
      });
      expect(put.status).toBe(200);
      expect((await f.http.post(`/api/assessments/${a.body.id}/submit`)).status).toBe(200);
    }
    // Only the consenting firm's submission produced a record (the silent firm's did not).
    expect((await countFor(consenting.orgId)).total).toBe(before + 1);
  });

  it('renders the PDF report of a submitted assessment from its real data (firm name, level, findings, German)', async () => {
    const hostile = await registerFirm(t.url, {}, '<img src=x onerror=alert(1)> Handels GmbH');
    const a = await hostile.http.post<AssessmentView>(`/api/orgs/${hostile.orgId}/assessments`, {});
    const t3 = catalogue.questions.find((q) => q.id === 'T3')!;
    await hostile.http.put(`/api/assessments/${a.body.id}/answers`, {
      answers: applicable.map((q) => ({
        questionId: q.id,
        optionId: q.id === 'T3' ? t3.options.find((o) => o.knockOut)!.id : lowest(q),
        baseRevision: 0,
      })),
    });
    const draftReport = await hostile.http.post(`/api/assessments/${a.body.id}/reports`, { locale: 'de' });
    expect(draftReport.status).toBe(409);
    expect((await hostile.http.post(`/api/assessments/${a.body.id}/submit`)).status).toBe(200);
    const queued = await hostile.http.post<{ id: string }>(`/api/assessments/${a.body.id}/reports`, { locale: 'de' });
    expect(queued.status).toBe(202);
    let status = '';
    for (let i = 0; i < 240 && status !== 'done' && status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      status = (await hostile.http.get<{ status: string }>(`/api/reports/${queued.body.id}`)).body.status;
    }
    expect(status).toBe('done');
    const pdf = await fetch(`${t.url}/api/reports/${queued.body.id}/pdf`, {
      headers: { cookie: `scs_access=${hostile.http.cookie('scs_access')}` },
    });
    expect(pdf.status).toBe(200);
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), {
      mergePages: true,
    });
    expect(text).toContain('<img src=x onerror=alert(1)> Handels GmbH');
    expect(text).toMatch(/Kritisch|kritisch/);
    expect(text).toContain(t3.options.find((o) => o.knockOut)!.finding!.title.de);
    // The peer comparison is part of the report: the reason when there is no released wave or the firm's groups are
    // too small, or — when another suite of this run (they share one database) released a large enough wave — the
    // released cells with their disclosure legend. Never nothing.
    expect(text).toContain('Unternehmen wie Ihres');
    expect(text).toMatch(
      /Noch keine Vergleichsdaten|Zu wenige vergleichbare Unternehmen|Vervollständigen Sie das Unternehmensprofil|zum Schutz der Unternehmen zurückgehalten/,
    );
  }, 180_000);
});
