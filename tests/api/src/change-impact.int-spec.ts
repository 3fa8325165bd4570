import { createAdmin } from '@scs/api/accounts';
import { carryOverAnswer, isApplicable, type Catalogue, type FirmProfile } from '@scs/shared/catalogue';
import { score } from '@scs/shared/scoring';
import { answerMap } from '@scs/shared/answers';
import type { ChangeImpactNotifyResult, ChangeImpactSummary, ChangeImpactView } from '@scs/shared/contracts';
import { loginUser, startTestApp, type TestApp } from './support/app';
import { loadCatalogue } from './support/catalogue';
import { MANUFACTURER_PROFILE, registerFirm, type RegisteredFirm } from './support/firms';

interface AssessmentView {
  id: string;
  status: string;
  catalogueVersion: string;
  answers: { questionId: string; optionId: string | null; note: string | null }[];
  result: { score: number } | null;
}

describe('change impact: a firm assessed on 2026.1 when 2026.2 is in force (real PostgreSQL)', () => {
  let t: TestApp;
  let firm: RegisteredFirm;
  let v1: Catalogue;
  let v2: Catalogue;
  let old: AssessmentView;
  /** The 2026.2 profile fields answered as well (starting any assessment asks for them). */
  const EXTRA = {
    importer: 'yes',
    exporter: 'yes',
    customsDirectUnregistered: 'no',
    piProcessedVolume: 'lt1m',
    crossBorderPiVolume: 'lt100k',
    crossBorderSensitivePiVolume: 'none',
  };
  const profile = { ...MANUFACTURER_PROFILE, ...EXTRA } as unknown as FirmProfile;
  /** The answers given on 2026.1: the highest-exposure option for the data questions D1–D5, the lowest elsewhere. */
  const answers: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    v1 = loadCatalogue('2026.1');
    v2 = loadCatalogue('2026.2');
    firm = await registerFirm(t.url, EXTRA);
    // A firm that assessed while 2026.1 was in force: start a draft, pin it to 2026.1, answer and submit it.
    const started = await firm.http.post<AssessmentView>(`/api/orgs/${firm.orgId}/assessments`, {});
    expect(started.status).toBe(201);
    expect(started.body.catalogueVersion).toBe(v2.version);
    await t.dataSource.query(`UPDATE assessment SET catalogue_version = $1 WHERE id = $2`, [
      v1.version,
      started.body.id,
    ]);
    for (const q of v1.questions.filter((q) => isApplicable(q.applicability, profile))) {
      const byExposure = [...q.options].sort((a, b) => a.exposure - b.exposure);
      answers[q.id] = (/^D[1-5]$/.test(q.id) ? byExposure[byExposure.length - 1] : byExposure[0]).id;
    }
    expect(Object.keys(answers)).toEqual(expect.arrayContaining(['D1', 'D2']));
    const put = await firm.http.put(`/api/assessments/${started.body.id}/answers`, {
      answers: Object.entries(answers).map(([questionId, optionId]) => ({
        questionId,
        optionId,
        baseRevision: 0,
        note: questionId === 'D1' ? 'CAC letter 2025-03' : undefined,
      })),
    });
    expect(put.status).toBe(200);
    const submitted = await firm.http.post<AssessmentView>(`/api/assessments/${started.body.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.catalogueVersion).toBe('2026.1');
    old = submitted.body;
  });
  afterAll(() => t?.close());

  it('shows what changed for the firm and the score it would get today with its answers carried over', async () => {
    const res = await firm.http.get<ChangeImpactView>(`/api/orgs/${firm.orgId}/change-impact`);
    expect(res.status).toBe(200);
    const impact = res.body;
    expect(impact.outdated).toBe(true);
    expect(impact.currentVersion).toBe('2026.2');
    expect(impact.assessment).toMatchObject({ id: old.id, catalogueVersion: '2026.1' });
    // Only what applies to this firm; new questions such as the cross-border bands are among the added ones.
    const applicableNow = new Set(v2.questions.filter((q) => isApplicable(q.applicability, profile)).map((q) => q.id));
    expect(impact.questions.added.length).toBeGreaterThan(0);
    expect(impact.questions.added.every((id) => applicableNow.has(id))).toBe(true);
    expect(impact.questions.changed.every((c) => applicableNow.has(c.id))).toBe(true);
    // Renamed data questions are reported under their new id with the old one.
    const x1 = impact.questions.changed.find((c) => c.id === 'X1');
    if (x1) expect(x1.from).toBe('D1');
    expect(impact.questions.changed.map((c) => c.id)).not.toContain('D1');
    expect(impact.supersededReferences.every((r) => typeof r.supersededBy === 'string')).toBe(true);

    // The score today is the shared scoring function over the answers carried over through the idMap.
    const carried: Record<string, string> = {};
    for (const [q, o] of Object.entries(answers)) {
      const to = carryOverAnswer(v2, '2026.1', q, o);
      if (to) carried[to.questionId] = to.optionId;
    }
    expect(carried['X1']).toBe(carryOverAnswer(v2, '2026.1', 'D1', answers['D1'] as string)?.optionId);
    expect(impact.carriedOver).toBe(Object.keys(carried).length);
    const expected = score(
      v2,
      profile,
      answerMap(
        Object.fromEntries(
          Object.entries(carried)
            .filter(([q]) => applicableNow.has(q))
            .map(([q, o]) => [q, { optionId: o }]),
        ),
      ),
    );
    expect(impact.scoreToday).toMatchObject({
      score: expected.score,
      level: expected.level,
      provisional: expected.provisional,
    });
    expect(impact.scoreToday?.provisional).toBe(true); // the added questions are not answered yet
    expect(impact.draftId).toBeNull();
  });

  it('notifies owners and admins once per firm and version; the platform admin sees how many firms are affected', async () => {
    await createAdmin(t.dataSource, {
      email: 'ops-impact@example.test',
      name: 'Ops',
      password: async () => 'operator passphrase 2026',
    });
    const ops = await loginUser(t.url, 'ops-impact@example.test', 'operator passphrase 2026');
    const before = await ops.http.get<ChangeImpactSummary>('/api/admin/change-impact');
    expect(before.status).toBe(200);
    expect(before.body.currentVersion).toBe('2026.2');
    expect(before.body.affectedFirms).toBeGreaterThanOrEqual(1);
    expect(before.body.byVersion).toEqual(expect.arrayContaining([expect.objectContaining({ version: '2026.1' })]));

    const first = await ops.http.post<ChangeImpactNotifyResult>('/api/admin/change-impact/notify');
    expect(first.status).toBe(200);
    expect(first.body.firms).toBeGreaterThanOrEqual(1);
    const second = await ops.http.post<ChangeImpactNotifyResult>('/api/admin/change-impact/notify');
    expect(second.body).toMatchObject({ firms: 0, mails: 0 });
    const mails: { subject: string; text: string }[] = await t.dataSource.query(
      `SELECT subject, text FROM mail_outbox WHERE "to" = $1 AND subject LIKE '%2026.2%'`,
      [firm.email],
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('Was sich für Sie ändert');
    expect(mails[0]?.text).toContain('/assessments/changes');
    const after = await ops.http.get<ChangeImpactSummary>('/api/admin/change-impact');
    expect(after.body.notified).toBe(after.body.affectedFirms);

    expect((await firm.http.get('/api/admin/change-impact')).status).toBe(403);
    expect((await firm.http.post('/api/admin/change-impact/notify')).status).toBe(403);
  });

  it('re-assesses from there with the answers carried over (D1 → X1 …)', async () => {
    const res = await firm.http.post<AssessmentView>(`/api/orgs/${firm.orgId}/assessments`, { previousId: old.id });
    expect(res.status).toBe(201);
    const draft = res.body;
    expect(draft.catalogueVersion).toBe('2026.2');
    const byId = new Map(draft.answers.map((a) => [a.questionId, a]));
    for (const [from, to] of [
      ['D1', 'X1'],
      ['D2', 'X2'],
      ['D3', 'X3'],
      ['D4', 'X4'],
      ['D5', 'X5'],
    ] as const) {
      if (!answers[from]) continue;
      const expected = carryOverAnswer(v2, '2026.1', from, answers[from] as string);
      expect(byId.has(from)).toBe(false);
      if (expected) expect(byId.get(to)?.optionId).toBe(expected.optionId);
    }
    expect(byId.get('X1')?.note).toBe('CAC letter 2025-03');
    // Unrenamed questions keep their ids.
    const kept = Object.keys(answers).find(
      (q) => !/^D[1-5]$/.test(q) && carryOverAnswer(v2, '2026.1', q, answers[q] as string),
    );
    expect(kept && byId.get(kept)?.optionId).toBe(
      kept && carryOverAnswer(v2, '2026.1', kept, answers[kept] as string)?.optionId,
    );
    // The change impact now points to the open draft.
    const impact = await firm.http.get<ChangeImpactView>(`/api/orgs/${firm.orgId}/change-impact`);
    expect(impact.body.draftId).toBe(draft.id);
  });
});
