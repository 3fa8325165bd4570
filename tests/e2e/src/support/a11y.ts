import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl } from './browser';
import { FIRM_PROFILE as BASE_PROFILE } from './firm';
import { ROOT } from './server';
import { confirmEmail } from './confirm';

export const PASSWORD = 'Korrekt-Pferd-Batterie-2026';

export const FIRM_PROFILE = { name: 'Musterwerk Präzisionsteile (Taicang) Co., Ltd.', ...BASE_PROFILE };

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules plus best practices) in the page and returns the serious and critical
 * violations with their help text. The page's context must bypass CSP: axe is injected as an inline script.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<Result> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** A JSON API call in the context's cookie session, with the XSRF header the web app sends. */
export async function apiCall<T>(
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
  return { status: res.status(), body: (text ? JSON.parse(text) : undefined) as T };
}

/** Registers a firm (signed in in `context`) with a complete profile; returns its organisation id. */
export async function registerFirmWithProfile(context: BrowserContext, email: string): Promise<string> {
  const reg = await apiCall(context, 'POST', '/api/auth/register', {
    email,
    password: PASSWORD,
    name: 'Anna Schmidt',
    firmName: FIRM_PROFILE.name,
  });
  if (reg.status !== 202) throw new Error(`register ${email}: ${reg.status} ${JSON.stringify(reg.body)}`);
  const { orgId } = await confirmEmail(context, email);
  const profile = await apiCall(context, 'PUT', `/api/orgs/${orgId}/profile`, FIRM_PROFILE);
  if (profile.status !== 200) throw new Error(`profile: ${profile.status} ${JSON.stringify(profile.body)}`);
  return orgId;
}

/**
 * Starts an assessment, answers every applicable question through the API (first option, or the option `choose`
 * names for a question) and submits it; returns its id.
 */
export async function submittedAssessment(
  context: BrowserContext,
  orgId: string,
  choose: Readonly<Record<string, string>> = {},
): Promise<string> {
  const started = await apiCall<{ id: string }>(context, 'POST', `/api/orgs/${orgId}/assessments`, {});
  if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
  const id = started.body.id;
  const catalogue = await apiCall<{ questions: { id: string; applicability?: unknown; options: { id: string }[] }[] }>(
    context,
    'GET',
    '/api/catalogue',
  );
  const byId = new Map(catalogue.body.questions.map((q) => [q.id, q]));
  const answer = async (ids: string[]) => {
    const answers = ids.map((questionId) => ({
      questionId,
      optionId: choose[questionId] ?? byId.get(questionId)?.options[0].id,
      baseRevision: 0,
    }));
    const res = await apiCall(context, 'PUT', `/api/assessments/${id}/answers`, { answers });
    if (res.status !== 200) throw new Error(`answers: ${res.status} ${JSON.stringify(res.body)}`);
  };
  await answer(catalogue.body.questions.filter((q) => !q.applicability).map((q) => q.id));
  for (let round = 0; round < 3; round++) {
    // The submit check lists the applicable questions still open (those that apply through the profile).
    const submitted = await apiCall<{ unanswered?: string[] }>(context, 'POST', `/api/assessments/${id}/submit`, {});
    if (submitted.status === 200) return id;
    if (submitted.status !== 422 || !submitted.body.unanswered?.length)
      throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    await answer(submitted.body.unanswered);
  }
  throw new Error('submit: questions still open after three rounds');
}

/** Runs the built admin CLI (dist/apps/api/cli.js) against the e2e database; returns its output. */
export function adminCli(args: string[]): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'dist/apps/api/cli.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: process.env['E2E_DATABASE_URL'], PUBLIC_URL: baseUrl(), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`cli ${args.join(' ')} failed (${run.status}): ${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/** The invitation token in the link an admin command printed. */
export function invitationToken(output: string): string {
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(output)?.[1];
  if (!token) throw new Error(`no invitation link in: ${output}`);
  return token;
}
