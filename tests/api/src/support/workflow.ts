import { TEST_FIRM_PROFILE } from '@scs/shared/testing';
import type { HttpClient } from './app';

/** A complete firm profile (PUT /api/orgs/:id/profile): the test firm of @scs/shared/testing. */
export const FIRM_PROFILE = TEST_FIRM_PROFILE;

interface CatalogueQuestion {
  id: string;
  applicability?: unknown;
  options: { id: string }[];
}

/**
 * Through the API, like the wizard: completes the profile, starts an assessment, answers every question (the always
 * applicable ones first, then those the server lists as missing) and submits it. Returns the assessment id.
 */
export async function submitAssessmentViaApi(
  http: HttpClient,
  orgId: string,
  firmName: string,
  pick = 0,
): Promise<string> {
  const profile = await http.put(`/api/orgs/${orgId}/profile`, { name: firmName, ...FIRM_PROFILE });
  if (profile.status !== 200) throw new Error(`profile: ${profile.status} ${JSON.stringify(profile.body)}`);
  const catalogue = await http.get<{ questions: CatalogueQuestion[] }>('/api/catalogue');
  const byId = new Map(catalogue.body.questions.map((q) => [q.id, q]));
  const started = await http.post<{ id: string }>(`/api/orgs/${orgId}/assessments`, {});
  if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
  const id = started.body.id;
  const answer = async (questions: CatalogueQuestion[]) => {
    const answers = questions.map((q, i) => ({
      questionId: q.id,
      optionId: q.options[(pick + i) % q.options.length].id,
      baseRevision: 0,
    }));
    const res = await http.put(`/api/assessments/${id}/answers`, { answers });
    if (res.status !== 200) throw new Error(`answers: ${res.status} ${JSON.stringify(res.body)}`);
  };
  await answer(catalogue.body.questions.filter((q) => !q.applicability));
  for (let round = 0; round < 3; round++) {
    const submitted = await http.post<{ unanswered?: string[] }>(`/api/assessments/${id}/submit`);
    if (submitted.status === 200) return id;
    if (submitted.status !== 422 || !submitted.body.unanswered?.length)
      throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    await answer(submitted.body.unanswered.map((q) => byId.get(q)).filter((q): q is CatalogueQuestion => Boolean(q)));
  }
  throw new Error('submit: questions still unanswered after three rounds');
}
