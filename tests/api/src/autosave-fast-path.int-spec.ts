import { registerFirm, type RegisteredFirm } from './support/firms';
import { startTestApp, type TestApp } from './support/app';

interface Saved {
  saved: { questionId: string; revision: number }[];
}
interface Catalogue {
  version: string;
  questions: { id: string; options: { id: string }[] }[];
}

/**
 * A single-answer autosave is validated against the draft's catalogue version and profile snapshot remembered from an
 * earlier save, and written by one statement that requires exactly that context. These tests change the draft behind
 * the API's back (as another API process would) after the context was remembered, and expect the same answers as
 * without the shortcut.
 */
describe('autosave of one answer against a remembered draft context (real PostgreSQL)', () => {
  let t: TestApp;
  let firm: RegisteredFirm;
  let catalogue: Catalogue;
  let assessmentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    // G1 (public procurement) applies only to firms that take part in public procurement.
    firm = await registerFirm(t.url, { publicProcurement: true });
    const started = await firm.http.post<{ id: string; catalogueVersion: string }>(
      `/api/orgs/${firm.orgId}/assessments`,
      {},
    );
    expect(started.status).toBe(201);
    assessmentId = started.body.id;
    catalogue = (await firm.http.get<Catalogue>(`/api/catalogue/${started.body.catalogueVersion}`)).body;
  });
  afterAll(() => t.close());

  const question = (id: string) => {
    const q = catalogue.questions.find((x) => x.id === id);
    if (!q) throw new Error(`no question ${id}`);
    return q;
  };
  const save = (questionId: string, optionIndex: number, baseRevision: number) =>
    firm.http.put<Saved & { message?: string; conflicts?: unknown[] }>(`/api/assessments/${assessmentId}/answers`, {
      answers: [{ questionId, optionId: question(questionId).options[optionIndex].id, baseRevision }],
    });

  it('a stale revision still gets 409 with the current value', async () => {
    const first = await save('T1', 0, 0);
    expect(first.status).toBe(200);
    const second = await save('T1', 1, first.body.saved[0].revision); // context remembered now
    expect(second.status).toBe(200);
    const stale = await save('T1', 0, first.body.saved[0].revision);
    expect(stale.status).toBe(409);
    expect(stale.body.conflicts).toHaveLength(1);
  });

  it('a profile changed elsewhere is checked: a question that no longer applies is refused', async () => {
    const g1 = await save('G1', 0, 0);
    expect(g1.status).toBe(200);
    await t.dataSource.query(
      `UPDATE "assessment" SET "profile_snapshot" = "profile_snapshot" || '{"publicProcurement": false}' WHERE "id" = $1`,
      [assessmentId],
    );
    const refused = await save('G1', 1, g1.body.saved[0].revision);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('does not apply');
    // And back: the answer is accepted again (the shortcut does not keep refusing on its old context either).
    await t.dataSource.query(
      `UPDATE "assessment" SET "profile_snapshot" = "profile_snapshot" || '{"publicProcurement": true}' WHERE "id" = $1`,
      [assessmentId],
    );
    expect((await save('G1', 1, g1.body.saved[0].revision)).status).toBe(200);
  });

  it('an assessment submitted elsewhere is read-only: 409, and nothing is written', async () => {
    const before = await save('T2', 0, 0);
    expect(before.status).toBe(200);
    await t.dataSource.query(`UPDATE "assessment" SET "status" = 'submitted' WHERE "id" = $1`, [assessmentId]);
    const late = await save('T2', 1, before.body.saved[0].revision);
    expect(late.status).toBe(409);
    const rows: { option_id: string; revision: number }[] = await t.dataSource.query(
      `SELECT "option_id", "revision" FROM "assessment_answer" WHERE "assessment_id" = $1 AND "question_id" = 'T2'`,
      [assessmentId],
    );
    expect(rows).toEqual([{ option_id: question('T2').options[0].id, revision: before.body.saved[0].revision }]);
  });
});
