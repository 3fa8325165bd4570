import { isApplicable, type Catalogue, type FirmProfile } from '@scs/shared/catalogue';
import { REPORT_DATA_SOURCE, type ReportDataSource } from '@scs/api/reports';
import { startTestApp, type TestApp } from './support/app';
import { loadCatalogue } from './support/catalogue';
import { MANUFACTURER_PROFILE, registerFirm, type RegisteredFirm } from './support/firms';

// Issue #16 items 7 and 11: after a re-assessment that fixed two medium findings and checked a "don't know", the score
// moves visibly (model 2), the result says what was resolved, the web comparison and the PDF count the same, and the
// action plan offers to close the actions whose finding was resolved (one click, idempotent).

type Question = Catalogue['questions'][number];
interface FindingRef {
  questionId: string;
  kind: string;
}
interface ActionView {
  id: string;
  questionId: string | null;
  status: string;
  overdue: boolean;
  resolvedBy: { assessmentId: string; submittedAt: string } | null;
  closedByAssessment: { assessmentId: string | null; submittedAt: string } | null;
  updatedAt: string;
}
interface AssessmentView {
  id: string;
  submittedAt: string | null;
  answers: { questionId: string; revision: number }[];
  result: { score: number; scoringModel?: number; dimensions: { dimensionId: string; score: number | null }[] } | null;
  sinceLast?: {
    previous: { id: string; scoringModel: number };
    resolved: FindingRef[];
    new: FindingRef[];
    changed: FindingRef[];
    unchanged: number;
    dimensions: { dimensionId: string; change: number | null; resolved: number }[];
  } | null;
}

describe('results follow remediation (real PostgreSQL)', () => {
  let t: TestApp;
  let firm: RegisteredFirm;
  let catalogue: Catalogue;
  let applicable: Question[];
  let checked: Question; // a medium-weight question answered "don't know" first, then checked
  let first: AssessmentView;
  let second: AssessmentView;
  const actions: Record<string, string> = {};

  const lowest = (q: Question) => [...q.options].sort((a, b) => a.exposure - b.exposure)[0].id;
  const FIRST: Record<string, string> = {
    T1: 'c',
    T2: 'below_threshold',
    T4: 'received_confirmed',
    C1: 'dont_know',
  };

  beforeAll(async () => {
    t = await startTestApp();
    catalogue = loadCatalogue();
    firm = await registerFirm(t.url);
    applicable = catalogue.questions.filter((q) =>
      isApplicable(q.applicability, MANUFACTURER_PROFILE as unknown as FirmProfile),
    );
    checked = applicable.find((q) => q.weight === 'medium' && q.dontKnow && !q.record && q.dimension !== 'tax')!;
    const started = await firm.http.post<AssessmentView>(`/api/orgs/${firm.orgId}/assessments`, {});
    const answers = applicable.map((q) => ({
      questionId: q.id,
      optionId: q.id === checked.id ? 'dont_know' : (FIRST[q.id] ?? lowest(q)),
      baseRevision: 0,
    }));
    expect((await firm.http.put(`/api/assessments/${started.body.id}/answers`, { answers })).status).toBe(200);
    first = (await firm.http.post<AssessmentView>(`/api/assessments/${started.body.id}/submit`)).body;

    for (const [key, body] of Object.entries({
      T1: { title: 'Reach tax credit grade B', questionId: 'T1', assessmentId: first.id, dueDate: '2026-01-15' },
      T4: { title: 'Settle the tax decision', questionId: 'T4', assessmentId: first.id, dueDate: '2026-01-15' },
      checked: { title: 'Check the fact', questionId: checked.id, dueDate: '2099-01-01' },
      manual: { title: 'Brief the board', dueDate: '2026-01-15' },
    })) {
      const res = await firm.http.post<ActionView>(`/api/orgs/${firm.orgId}/actions`, body);
      expect(res.status).toBe(201);
      actions[key] = res.body.id;
    }

    const again = await firm.http.post<AssessmentView>(`/api/orgs/${firm.orgId}/assessments`, { previousId: first.id });
    const revision = (q: string) => again.body.answers.find((a) => a.questionId === q)!.revision;
    const fix = await firm.http.put(`/api/assessments/${again.body.id}/answers`, {
      answers: ['T1', 'T2', checked.id].map((q) => ({
        questionId: q,
        optionId: lowest(applicable.find((x) => x.id === q)!),
        baseRevision: revision(q),
      })),
    });
    expect(fix.status).toBe(200);
    second = (await firm.http.post<AssessmentView>(`/api/assessments/${again.body.id}/submit`)).body;
  });
  afterAll(() => t.close());

  it('scores the re-assessment with model 2 and shows progress per finding and per dimension', async () => {
    const view = (await firm.http.get<AssessmentView>(`/api/assessments/${second.id}`)).body;
    expect(view.result?.scoringModel).toBe(2);
    const since = view.sinceLast!;
    expect(since.previous.id).toBe(first.id);
    expect(since.resolved.map((f) => f.questionId).sort()).toEqual(['T1', 'T2', checked.id].sort());
    expect(since.new).toEqual([]);
    const tax = since.dimensions.find((d) => d.dimensionId === 'tax')!;
    expect(tax.resolved).toBe(2);
    // Two medium findings resolved: a visible drop (model 1 moved the overall score by 0.6).
    expect(tax.change).toBeLessThanOrEqual(-10);
    expect(first.result!.score - second.result!.score).toBeGreaterThanOrEqual(5);
  });

  it('counts the same on the compare page and in the PDF data (one comparison function)', async () => {
    const cmp = await firm.http.get<{
      findings: { resolved: FindingRef[]; new: FindingRef[]; changed: FindingRef[]; unchanged: FindingRef[] };
    }>(`/api/assessments/${second.id}/compare/${first.id}`);
    expect(cmp.status).toBe(200);
    const web = {
      resolved: cmp.body.findings.resolved.length,
      new: cmp.body.findings.new.length,
      changed: cmp.body.findings.changed.length,
      unchanged: cmp.body.findings.unchanged.length,
    };
    const pdf = await t.app.get<symbol, ReportDataSource>(REPORT_DATA_SOURCE).load(second.id, 'de');
    expect(pdf.previous?.findings).toEqual(web);
    // The checked "don't know" is resolved too: the PDF used to count exposure findings only.
    expect(web.resolved).toBe(3);
    expect(cmp.body.findings.unchanged.map((f) => f.questionId)).toContain('C1');
  });

  it('flags overdue actions for the PDF as on the web', async () => {
    const pdf = await t.app.get<symbol, ReportDataSource>(REPORT_DATA_SOURCE).load(second.id, 'en');
    const t4 = pdf.actions.find((a) => a.questionId === 'T4');
    expect(t4?.overdue).toBe(true);
    expect(pdf.actions.find((a) => a.questionId === checked.id)?.overdue).toBe(false);
  });

  it('offers to close exactly the open actions whose finding the latest assessment resolved', async () => {
    const list = (await firm.http.get<ActionView[]>(`/api/orgs/${firm.orgId}/actions`)).body;
    const byId = new Map(list.map((a) => [a.id, a]));
    expect(byId.get(actions['T1'])?.resolvedBy).toEqual({ assessmentId: second.id, submittedAt: second.submittedAt });
    expect(byId.get(actions['T1'])?.overdue).toBe(true);
    // An action without an assessment is judged against the assessment before the latest.
    expect(byId.get(actions['checked'])?.resolvedBy?.assessmentId).toBe(second.id);
    expect(byId.get(actions['T4'])?.resolvedBy).toBeNull();
    expect(byId.get(actions['manual'])?.resolvedBy).toBeNull();
  });

  it('closes a resolved action with one click, idempotently', async () => {
    const once = await firm.http.post<ActionView>(`/api/actions/${actions['T1']}/close-resolved`);
    expect(once.status).toBe(200);
    expect(once.body).toMatchObject({
      status: 'done',
      overdue: false,
      resolvedBy: null,
      closedByAssessment: { assessmentId: second.id, submittedAt: second.submittedAt },
    });
    const twice = await firm.http.post<ActionView>(`/api/actions/${actions['T1']}/close-resolved`);
    expect(twice.status).toBe(200);
    expect(twice.body).toEqual(once.body);
  });

  it('refuses, translated, to close as resolved what the assessment did not resolve', async () => {
    const t4 = await firm.http.request<{ message: string }>(
      'POST',
      `/api/actions/${actions['T4']}/close-resolved`,
      undefined,
      { 'accept-language': 'de' },
    );
    expect(t4.status).toBe(409);
    expect(t4.body.message).toContain('nicht behoben');
    const manual = await firm.http.request<{ message: string }>(
      'POST',
      `/api/actions/${actions['manual']}/close-resolved`,
      undefined,
      { 'accept-language': 'en' },
    );
    expect(manual.status).toBe(409);
    expect(manual.body.message).toContain('no finding');
    const list = (await firm.http.get<ActionView[]>(`/api/orgs/${firm.orgId}/actions`)).body;
    expect(list.find((a) => a.id === actions['T4'])?.status).toBe('open');
  });

  it('keeps the stored score and model of an assessment scored before models were numbered', async () => {
    await t.dataSource.query(`UPDATE assessment SET result = result - 'scoringModel' WHERE id = $1`, [first.id]);
    const old = (await firm.http.get<AssessmentView>(`/api/assessments/${first.id}`)).body;
    expect(old.result?.score).toBe(first.result!.score);
    expect(old.result?.scoringModel).toBeUndefined();
    const view = (await firm.http.get<AssessmentView>(`/api/assessments/${second.id}`)).body;
    expect(view.sinceLast?.previous.scoringModel).toBe(1);
  });
});
