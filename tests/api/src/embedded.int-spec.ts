import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient, loginUser, registerUser, startTestApp, type TestApp, TEST_PASSWORD } from './support/app';
import { submitAssessmentViaApi } from './support/workflow';

// The embedded default (no DATABASE_URL) under the load of one busy all-in-one process: 20 autosaves at once while a
// PDF report renders through the queue and a colleague signs in. The old embedded engine (PGlite behind a socket
// that serialises all connections) wedged here: the first registration timed out after 5 s and every later request
// answered 503.

interface CatalogueQuestion {
  id: string;
  options: { id: string }[];
  applicability?: unknown;
}

describe('embedded PostgreSQL (no DATABASE_URL)', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scs-embedded-it-'));
    t = await startTestApp({ DATABASE_URL: '', EMBEDDED_DB_DIR: dir });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the embedded engine as healthy', async () => {
    const res = await new HttpClient(t.url).get<{ status: string; details: { database: { engine: string } } }>(
      '/api/health',
    );
    expect(res.status).toBe(200);
    expect(res.body.details.database.engine).toBe('embedded-postgresql');
  });

  it('serves 20 parallel autosaves while a report renders and a login runs', async () => {
    const owner = await registerUser(t.url, { email: 'owner@embedded-firm.example', firmName: 'Eingebettet GmbH' });
    await registerUser(t.url, { email: 'second@embedded-firm.example', firmName: 'Zweite GmbH' });
    const submitted = await submitAssessmentViaApi(owner.http, owner.orgId, 'Eingebettet GmbH');

    // A draft with 20 questions to autosave one by one.
    const catalogue = await owner.http.get<{ questions: CatalogueQuestion[] }>('/api/catalogue');
    const draft = await owner.http.post<{ id: string }>(`/api/orgs/${owner.orgId}/assessments`, {});
    expect(draft.status).toBe(201);
    const questions = catalogue.body.questions.filter((q) => !q.applicability).slice(0, 20);
    expect(questions).toHaveLength(20);

    const report = await owner.http.post<{ id: string; status: string }>(`/api/assessments/${submitted}/reports`, {
      locale: 'de',
    });
    expect(report.status).toBe(202);
    const started = Date.now();
    const [saves, login] = await Promise.all([
      Promise.all(
        questions.map((q) =>
          owner.http.put<{ saved?: unknown[] }>(`/api/assessments/${draft.body.id}/answers`, {
            answers: [{ questionId: q.id, optionId: q.options[0]?.id, baseRevision: 0 }],
          }),
        ),
      ),
      loginUser(t.url, 'second@embedded-firm.example', TEST_PASSWORD),
    ]);
    const elapsed = Date.now() - started;
    expect(saves.map((s) => s.status)).toEqual(Array(20).fill(200));
    expect(login.orgIds).toHaveLength(1);

    // Every answer is stored once.
    const stored = await owner.http.get<{ answers: { questionId: string; optionId: string | null }[] }>(
      `/api/assessments/${draft.body.id}`,
    );
    expect(
      stored.body.answers
        .filter((a) => a.optionId !== null)
        .map((a) => a.questionId)
        .sort(),
    ).toEqual(questions.map((q) => q.id).sort());

    // The report finishes through the queue on the same engine.
    let status = report.body.status;
    for (let i = 0; i < 120 && status !== 'done' && status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      status = (await owner.http.get<{ status: string }>(`/api/reports/${report.body.id}`)).body.status;
    }
    expect(status).toBe('done');
    console.log(`embedded: 20 autosaves + login during a render answered in ${elapsed} ms; report ${status}`);
  }, 180_000);
});
