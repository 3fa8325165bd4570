import { registerUser, startTestApp, tokenOfLink, type TestApp, type TestUser } from './support/app';
import { registerFirm, type RegisteredFirm } from './support/firms';

// The firm's side of the research module and consents as the web app uses them: a firm reads back its own research
// answers; every member sees the firm's consents, only owners and admins change them; nobody outside the firm reads either.

describe('research answers and consent status for the firm (real PostgreSQL)', () => {
  let t: TestApp;
  let firm: RegisteredFirm;
  let member: TestUser;
  let other: RegisteredFirm;
  let assessmentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    firm = await registerFirm(t.url);
    other = await registerFirm(t.url);
    const email = `member-${Date.now()}@firm.example`;
    const invitation = await firm.http.post<{ link: string }>(`/api/orgs/${firm.orgId}/invitations`, {
      email,
      role: 'member',
    });
    expect(invitation.status).toBe(201);
    member = await registerUser(t.url, { email, invitationToken: tokenOfLink(invitation.body.link) });
    const started = await firm.http.post<{ id: string }>(`/api/orgs/${firm.orgId}/assessments`, {});
    expect(started.status).toBe(201);
    assessmentId = started.body.id;
  });
  afterAll(() => t.close());

  it('returns the research answers saved for an assessment, empty before any', async () => {
    const before = await firm.http.get<{ catalogueVersion: string; answers: Record<string, unknown> }>(
      `/api/assessments/${assessmentId}/research-answers`,
    );
    expect(before.status).toBe(200);
    expect(before.body.answers).toEqual({});
    expect(before.body.catalogueVersion).toMatch(/^\d{4}\.\d+$/);

    const put = await firm.http.put(`/api/assessments/${assessmentId}/research-answers`, {
      answers: { awareness: 'basic', learned_from: ['chamber', 'media'] },
    });
    expect(put.status).toBe(204);
    const after = await member.http.get<{ answers: Record<string, unknown> }>(
      `/api/assessments/${assessmentId}/research-answers`,
    );
    expect(after.status).toBe(200);
    expect(after.body.answers).toEqual({ awareness: 'basic', learned_from: ['chamber', 'media'] });
  });

  it('refuses answers that do not fit the research module with a clear 400, keeping the saved ones', async () => {
    const bad: [unknown, RegExp][] = [
      [{ nope: 'x' }, /nope: no such question/],
      [{ awareness: 'very' }, /awareness: no option "very"/],
      [{ awareness: ['basic'] }, /awareness: expects one option/],
      [{ awareness: 'basic', learned_from: 'chamber' }, /learned_from: expects a list of options/],
      [{ awareness: 'not_familiar', learned_from: ['chamber'] }, /learned_from: not asked/],
    ];
    for (const [answers, message] of bad) {
      const res = await firm.http.put<{ message: string }>(`/api/assessments/${assessmentId}/research-answers`, {
        answers,
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
    }
    const kept = await firm.http.get<{ answers: Record<string, unknown> }>(
      `/api/assessments/${assessmentId}/research-answers`,
    );
    expect(kept.body.answers).toEqual({ awareness: 'basic', learned_from: ['chamber', 'media'] });
  });

  it("does not show one firm's research answers to another, and answers 404 for an unknown assessment", async () => {
    expect([403, 404]).toContain((await other.http.get(`/api/assessments/${assessmentId}/research-answers`)).status);
    expect((await firm.http.get('/api/assessments/00000000-0000-4000-8000-000000000000/research-answers')).status).toBe(
      404,
    );
  });

  it("lets a member read the firm's consents but not change them", async () => {
    const texts = await member.http.get<{ kind: string; version: number }[]>('/api/consent-texts');
    const research = texts.body.find((x) => x.kind === 'research');
    expect(research).toBeDefined();
    const read = await member.http.get<{ kind: string; granted: boolean }[]>(`/api/orgs/${firm.orgId}/consents`);
    expect(read.status).toBe(200);
    expect(read.body.find((s) => s.kind === 'research')?.granted).toBe(false);

    expect(
      (
        await member.http.put(`/api/orgs/${firm.orgId}/consents`, {
          kind: 'research',
          granted: true,
          textVersion: research?.version,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await firm.http.put(`/api/orgs/${firm.orgId}/consents`, {
          kind: 'research',
          granted: true,
          textVersion: research?.version,
        })
      ).status,
    ).toBe(200);
    const seen = await member.http.get<{ kind: string; granted: boolean; textVersion: number }[]>(
      `/api/orgs/${firm.orgId}/consents`,
    );
    expect(seen.body.find((s) => s.kind === 'research')).toMatchObject({
      granted: true,
      textVersion: research?.version,
    });
    expect([403, 404]).toContain((await other.http.get(`/api/orgs/${firm.orgId}/consents`)).status);
  });
});
