import { isApplicable, type Catalogue, type FirmProfile } from '@scs/shared/catalogue';
import { HttpClient, startTestApp, type TestApp } from './support/app';
import { loadCatalogue } from './support/catalogue';
import { MANUFACTURER_PROFILE, registerFirm, type RegisteredFirm } from './support/firms';

// Dated adverse records end to end: save a records answer, submit, read the repair plan and projection, turn the
// plan into dated actions (twice: no duplicates), and reject malformed records with 400 naming the field.

interface PlanItem {
  questionId: string;
  recordType: string;
  tier: string;
  earliestRepair: string | null;
  automaticEnd: string | null;
  repairPossibleNow: boolean;
  actionMonth: string | null;
}
interface Point {
  month: string;
  overall: number | null;
  dimensions: Record<string, number | null>;
}
interface AssessmentView {
  id: string;
  status: string;
  catalogueVersion: string;
  answers: { questionId: string; optionId: string | null; records?: unknown[] | null; revision: number }[];
  result: { score: number; findings: { questionId: string; optionId: string; records?: { counted: number } }[] } | null;
  repairPlan?: PlanItem[];
  projection?: Point[];
}

const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};

describe('dated adverse records (real PostgreSQL)', () => {
  let t: TestApp;
  let firm: RegisteredFirm;
  let http: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    firm = await registerFirm(t.url);
    http = firm.http;
  });
  afterAll(() => t.close());

  it('saves records, submits, shows plan and projection, creates actions idempotently, rejects bad records', async () => {
    const started = await http.post<AssessmentView>(`/api/orgs/${firm.orgId}/assessments`, {});
    expect(started.status).toBe(201);
    const a = started.body;
    const catalogue = loadCatalogue(a.catalogueVersion);
    const m6 = catalogue.questions.find((q) => q.id === 'M6' && q.record === 'samr-penalty');
    if (!m6) throw new Error(`catalogue ${a.catalogueVersion} has no records question M6 (expected 2026.2 or later)`);
    const profile = MANUFACTURER_PROFILE as unknown as FirmProfile;
    const applicable = catalogue.questions.filter((q) => !q.applicability || isApplicable(q.applicability, profile));
    const lowest = (q: Catalogue['questions'][number]) => [...q.options].sort((x, y) => x.exposure - y.exposure)[0]!.id;

    // bad records → 400 naming the field
    const bad = async (records: unknown, field: RegExp) => {
      const res = await http.put<{ message: string | string[] }>(`/api/assessments/${a.id}/answers`, {
        answers: [{ questionId: 'M6', optionId: null, records, baseRevision: 0 }],
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(field);
    };
    await bad([{ decided: '2025-13', tier: 'moderate', status: 'open' }], /decided: must be a month YYYY-MM/i);
    await bad(
      [{ decided: '1989-12', tier: 'moderate', status: 'open' }],
      /records\[0\]\.decided: decided must not be before 1990-01/,
    );
    await bad(
      [{ decided: '2099-01', tier: 'moderate', status: 'open' }],
      /records\[0\]\.decided: decided must not be after the current month/,
    );
    await bad(
      [{ decided: '2025-01', tier: 'huge', status: 'open' }],
      /records\[0\]\.tier: tier must be one of warning, minor, moderate, serious/,
    );
    await bad(
      [{ decided: '2025-01', tier: 'moderate', status: 'pending' }],
      /status: must be one of open, repair_applied, repaired, removed, ended/i,
    );
    await bad(
      Array.from({ length: 51 }, () => ({ decided: '2025-01', tier: 'moderate', status: 'open' })),
      /at most 50 records/,
    );
    const noRecords = await http.put<{ message: string }>(`/api/assessments/${a.id}/answers`, {
      answers: [{ questionId: 'M1', optionId: null, records: [], baseRevision: 0 }],
    });
    expect(noRecords.status).toBe(400);
    expect(noRecords.body.message).toMatch(/M1: this question cannot be answered with records/);

    // save: every question at its lowest option, M6 with a moderate penalty decided 8 months ago
    const decided = monthsAgo(8);
    const saved = await http.put(`/api/assessments/${a.id}/answers`, {
      answers: applicable.map((q) =>
        q.id === 'M6'
          ? {
              questionId: 'M6',
              optionId: null,
              records: [{ decided, tier: 'moderate', status: 'open', note: 'SAMR Suzhou' }],
              baseRevision: 0,
            }
          : { questionId: q.id, optionId: lowest(q), baseRevision: 0 },
      ),
    });
    expect(saved.status).toBe(200);
    const reread = await http.get<AssessmentView>(`/api/assessments/${a.id}`);
    expect(reread.body.answers.find((x) => x.questionId === 'M6')).toMatchObject({
      optionId: null,
      records: [{ decided, tier: 'moderate', status: 'open', note: 'SAMR Suzhou' }],
      revision: 1,
    });

    // autosave of one answer (the single-statement path) keeps records too
    const one = await http.put(`/api/assessments/${a.id}/answers`, {
      answers: [
        { questionId: 'M6', optionId: null, records: [{ decided, tier: 'moderate', status: 'open' }], baseRevision: 1 },
      ],
    });
    expect(one.status).toBe(200);

    const submitted = await http.post<AssessmentView>(`/api/assessments/${a.id}/submit`);
    expect(submitted.status).toBe(200);
    const f = submitted.body.result?.findings.find((x) => x.questionId === 'M6');
    expect(f).toMatchObject({ optionId: 'fines', records: { counted: 1 } });
    expect(submitted.body.repairPlan).toEqual([
      expect.objectContaining({
        questionId: 'M6',
        recordType: 'samr-penalty',
        tier: 'moderate',
        earliestRepair: monthsAgo(5),
        automaticEnd: monthsAgo(-4),
        repairPossibleNow: true,
        actionMonth: monthsAgo(0),
      }),
    ]);
    expect(submitted.body.projection).toHaveLength(37);
    const projection = submitted.body.projection!;
    expect(projection[36]!.overall!).toBeLessThan(projection[0]!.overall!);

    const result = await http.get<{ score: number; repairPlan: PlanItem[]; projection: Point[] }>(
      `/api/assessments/${a.id}/result`,
    );
    expect(result.status).toBe(200);
    expect(result.body.repairPlan).toHaveLength(1);
    expect(result.body.projection[0]!.month).toBe(monthsAgo(0));
    // the plan of a submitted assessment is computed once per process and served again: the same plan
    expect(result.body.repairPlan).toEqual(submitted.body.repairPlan);
    expect(result.body.projection).toEqual(submitted.body.projection);

    const plan = await http.get<{ asOf: string; repairPlan: PlanItem[] }>(`/api/assessments/${a.id}/repair-plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.asOf).toBe(monthsAgo(0));

    const first = await http.post<{
      created: { id: string; dueDate: string; questionId: string }[];
      existing: unknown[];
    }>(`/api/assessments/${a.id}/repair-plan/actions`);
    expect(first.status).toBe(200);
    expect(first.body.created).toHaveLength(1);
    expect(first.body.created[0]).toMatchObject({ questionId: 'M6', dueDate: `${monthsAgo(0)}-01` });
    expect(first.body.existing).toEqual([]);
    const second = await http.post<{ created: unknown[]; existing: { id: string }[] }>(
      `/api/assessments/${a.id}/repair-plan/actions`,
    );
    expect(second.status).toBe(200);
    expect(second.body.created).toEqual([]);
    expect(second.body.existing.map((x) => x.id)).toEqual(first.body.created.map((x) => x.id));
    const actions = await http.get<{ questionId: string | null }[]>(`/api/orgs/${firm.orgId}/actions`);
    expect(actions.body.filter((x) => x.questionId === 'M6')).toHaveLength(1);
  });
});
