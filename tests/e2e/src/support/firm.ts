import type { BrowserContext } from 'playwright-core';
import { TEST_FIRM_PROFILE } from '@scs/shared/testing';
import { baseUrl } from './browser';
import { confirmEmail } from './confirm';

// A firm set up through the API (register, profile, a self-check answered and, optionally, submitted), for browser
// tests whose subject comes after the questionnaire (reports, sharing, result page).

/** The test firm of @scs/shared/testing (a manufacturer: many questions apply). */
export const FIRM_PROFILE = TEST_FIRM_PROFILE;

export async function api<T>(
  context: BrowserContext,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  data?: unknown,
): Promise<{ status: number; body: T }> {
  const xsrf = (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
  const res = await context.request.fetch(baseUrl() + path, {
    method,
    data,
    headers: xsrf ? { 'x-xsrf-token': decodeURIComponent(xsrf) } : {},
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (e.g. a PDF): keep the text
  }
  return { status: res.status(), body: body as T };
}

/** Registers a firm owner (the context keeps the session cookies) and fills in the firm profile. */
export async function registerFirm(
  context: BrowserContext,
  firmName: string,
  emailPrefix: string,
): Promise<{ orgId: string; email: string }> {
  const email = `${emailPrefix}-${Date.now()}@firm.example`;
  const reg = await api(context, 'POST', '/api/auth/register', {
    email,
    password: 'Korrekt-Pferd-Batterie-2026',
    name: 'Anna Schmidt',
    firmName,
  });
  if (reg.status !== 202) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`);
  const { orgId } = await confirmEmail(context, email);
  const profile = await api(context, 'PUT', `/api/orgs/${orgId}/profile`, { ...FIRM_PROFILE, name: firmName });
  if (profile.status !== 200) throw new Error(`profile: ${profile.status} ${JSON.stringify(profile.body)}`);
  return { orgId, email };
}

/**
 * Starts a self-check and answers every applicable question with its first option: the server names the open
 * questions when submitting too early (422), the catalogue gives their options.
 */
export async function answeredAssessment(context: BrowserContext, orgId: string): Promise<string> {
  const started = await api<{ id: string; catalogueVersion: string }>(
    context,
    'POST',
    `/api/orgs/${orgId}/assessments`,
    {},
  );
  if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
  const { id, catalogueVersion } = started.body;
  const catalogue = await api<{ questions: { id: string; options: { id: string }[] }[] }>(
    context,
    'GET',
    `/api/catalogue/${catalogueVersion}`,
  );
  const firstOption = new Map(catalogue.body.questions.map((q) => [q.id, q.options[0]?.id]));
  // A dry submit lists what is open; nothing is submitted while questions are open.
  const open = await api<{ unanswered?: string[] }>(context, 'POST', `/api/assessments/${id}/submit`, {});
  if (open.status !== 422 || !open.body.unanswered?.length)
    throw new Error(`expected the open questions (422), got ${open.status}`);
  const answers = open.body.unanswered.map((questionId) => ({
    questionId,
    optionId: firstOption.get(questionId),
    baseRevision: 0,
  }));
  const saved = await api(context, 'PUT', `/api/assessments/${id}/answers`, { answers });
  if (saved.status !== 200) throw new Error(`answers: ${saved.status} ${JSON.stringify(saved.body)}`);
  return id;
}

export async function submitAssessment(context: BrowserContext, id: string): Promise<void> {
  const res = await api(context, 'POST', `/api/assessments/${id}/submit`, {});
  if (res.status !== 200) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
}
