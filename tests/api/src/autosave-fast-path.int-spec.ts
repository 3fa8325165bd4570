import { registerFirm, type RegisteredFirm } from './support/firms';
import { startTestApp, type TestApp } from './support/app';

interface Saved {
  saved: { questionId: string; revision: number }[];
}
interface Catalogue {
  version: string;
  questions: { id: string; options: { id: string }[]; applicability?: unknown }[];
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

/**
 * A batch of answers (the wizard's debounced autosave) against a remembered draft context: one prepared statement in a
 * plain transaction, committed only when it wrote every answer. Changed behind the API's back, a batch still gets
 * the full path's answer, and stays all or nothing.
 */
describe('autosave of a batch against a remembered draft context (real PostgreSQL)', () => {
  let t: TestApp;
  let firm: RegisteredFirm;
  let catalogue: Catalogue;
  let assessmentId: string;
  let ids: string[];

  beforeAll(async () => {
    t = await startTestApp();
    firm = await registerFirm(t.url, { publicProcurement: true });
    const started = await firm.http.post<{ id: string; catalogueVersion: string }>(
      `/api/orgs/${firm.orgId}/assessments`,
      {},
    );
    expect(started.status).toBe(201);
    assessmentId = started.body.id;
    catalogue = (await firm.http.get<Catalogue>(`/api/catalogue/${started.body.catalogueVersion}`)).body;
    ids = catalogue.questions.filter((q) => !q.applicability).map((q) => q.id);
  });
  afterAll(() => t.close());

  const option = (questionId: string, i: number) => {
    const q = catalogue.questions.find((x) => x.id === questionId);
    if (!q) throw new Error(`no question ${questionId}`);
    return q.options[i % q.options.length].id;
  };
  const saveBatch = (answers: { questionId: string; optionIndex: number; baseRevision: number }[]) =>
    firm.http.put<Saved & { message?: string; conflicts?: { questionId: string }[] }>(
      `/api/assessments/${assessmentId}/answers`,
      {
        answers: answers.map((a) => ({
          questionId: a.questionId,
          optionId: option(a.questionId, a.optionIndex),
          baseRevision: a.baseRevision,
        })),
      },
    );
  const stored = async (questionIds: string[]) =>
    (
      (await t.dataSource.query(
        `SELECT "question_id", "option_id", "revision" FROM "assessment_answer" WHERE "assessment_id" = $1 AND "question_id" = ANY($2) ORDER BY "question_id"`,
        [assessmentId, questionIds],
      )) as { question_id: string; option_id: string; revision: number }[]
    ).map((r) => `${r.question_id}:${r.option_id}:${r.revision}`);

  it('saves batches on their revisions, and one stale answer gets 409 with nothing of the batch written', async () => {
    const [a, b, c] = ids as [string, string, string];
    const first = await saveBatch([
      { questionId: a, optionIndex: 0, baseRevision: 0 },
      { questionId: b, optionIndex: 0, baseRevision: 0 },
    ]); // the context is remembered since the start of the draft
    expect(first.status).toBe(200);
    const second = await saveBatch([
      { questionId: a, optionIndex: 1, baseRevision: 1 },
      { questionId: b, optionIndex: 1, baseRevision: 1 },
      { questionId: c, optionIndex: 1, baseRevision: 0 },
    ]); // remembered context
    expect(second.status).toBe(200);
    expect(second.body.saved.map((x) => x.revision)).toEqual([2, 2, 1]);
    const before = await stored([a, b, c]);
    const stale = await saveBatch([
      { questionId: a, optionIndex: 2, baseRevision: 2 },
      { questionId: b, optionIndex: 2, baseRevision: 1 }, // stale
      { questionId: c, optionIndex: 2, baseRevision: 1 },
    ]);
    expect(stale.status).toBe(409);
    expect(stale.body.conflicts?.map((x) => x.questionId)).toEqual([b]);
    expect(await stored([a, b, c])).toEqual(before);
  });

  it('a profile changed elsewhere is checked for the whole batch: 400, nothing written', async () => {
    const [a] = ids as [string];
    const g1 = await saveBatch([
      { questionId: 'G1', optionIndex: 0, baseRevision: 0 },
      { questionId: a, optionIndex: 0, baseRevision: 2 },
    ]);
    expect(g1.status).toBe(200);
    await t.dataSource.query(
      `UPDATE "assessment" SET "profile_snapshot" = "profile_snapshot" || '{"publicProcurement": false}' WHERE "id" = $1`,
      [assessmentId],
    );
    const before = await stored(['G1', a]);
    const refused = await saveBatch([
      { questionId: a, optionIndex: 1, baseRevision: 3 },
      { questionId: 'G1', optionIndex: 1, baseRevision: 1 },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('does not apply');
    expect(await stored(['G1', a])).toEqual(before);
  });

  it('an assessment submitted elsewhere is read-only for a batch: 409, nothing written', async () => {
    const [a, b] = ids as [string, string];
    const ok = await saveBatch([
      { questionId: a, optionIndex: 1, baseRevision: 3 },
      { questionId: b, optionIndex: 0, baseRevision: 2 },
    ]); // the context is remembered again after the 400 above
    expect(ok.status).toBe(200);
    await t.dataSource.query(`UPDATE "assessment" SET "status" = 'submitted' WHERE "id" = $1`, [assessmentId]);
    const before = await stored([a, b]);
    const late = await saveBatch([
      { questionId: a, optionIndex: 0, baseRevision: 4 },
      { questionId: b, optionIndex: 1, baseRevision: 3 },
    ]);
    expect(late.status).toBe(409);
    expect(await stored([a, b])).toEqual(before);
  });
});
