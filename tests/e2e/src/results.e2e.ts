import type { Browser, BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { baseUrl, launch } from './support/browser';
import { api, registerFirm, submitAssessment } from './support/firm';

// Results follow remediation: a firm re-assesses after fixing two medium findings. The result page puts the
// high-weight "don't know" (C1, customs credit level) among the most severe findings, groups the long list per
// dimension, shows what was resolved since last time, and the action plan offers to close the action whose finding
// the re-assessment resolved. Opt-in screenshots (E2E_SCREENSHOT_DIR): result and action plan, DE/EN, 1366 and 390 px.

interface PublicQuestion {
  id: string;
  options: { id: string; exposure: number; finding?: { severity: string } }[];
  dontKnow?: unknown;
}

const FIXED = { C1: 'dont_know', T1: 'c', T2: 'below_threshold', T4: 'received_confirmed' };

async function firstAssessment(context: BrowserContext, orgId: string): Promise<string> {
  const started = await api<{ id: string; catalogueVersion: string }>(
    context,
    'POST',
    `/api/orgs/${orgId}/assessments`,
    {},
  );
  const { id, catalogueVersion } = started.body;
  const catalogue = await api<{ questions: PublicQuestion[] }>(context, 'GET', `/api/catalogue/${catalogueVersion}`);
  const open = await api<{ unanswered: string[] }>(context, 'POST', `/api/assessments/${id}/submit`, {});
  const questions = new Map(catalogue.body.questions.map((q) => [q.id, q]));
  let lows = 0;
  const answers = open.body.unanswered.map((questionId) => {
    const q = questions.get(questionId);
    const fixed = (FIXED as Record<string, string>)[questionId];
    const low = q?.options.find((o) => o.finding?.severity === 'low');
    const safest = [...(q?.options ?? [])].sort((a, b) => a.exposure - b.exposure)[0];
    // Many low findings, as the issue saw them: they must not push the customs "don't know" down the page.
    const optionId = fixed ?? (low && lows++ < 16 ? low.id : safest?.id);
    return { questionId, optionId, baseRevision: 0 };
  });
  const saved = await api(context, 'PUT', `/api/assessments/${id}/answers`, { answers });
  if (saved.status !== 200) throw new Error(`answers: ${saved.status} ${JSON.stringify(saved.body)}`);
  await submitAssessment(context, id);
  return id;
}

async function reassessment(context: BrowserContext, orgId: string, previousId: string): Promise<string> {
  const started = await api<{ id: string; answers: { questionId: string; revision: number }[] }>(
    context,
    'POST',
    `/api/orgs/${orgId}/assessments`,
    { previousId },
  );
  const revision = (q: string) => started.body.answers.find((a) => a.questionId === q)?.revision ?? 0;
  const saved = await api(context, 'PUT', `/api/assessments/${started.body.id}/answers`, {
    answers: [
      { questionId: 'T1', optionId: 'a', baseRevision: revision('T1') },
      { questionId: 'T2', optionId: 'none', baseRevision: revision('T2') },
    ],
  });
  if (saved.status !== 200) throw new Error(`answers: ${saved.status} ${JSON.stringify(saved.body)}`);
  await submitAssessment(context, started.body.id);
  return started.body.id;
}

async function setLanguage(page: Page, lang: 'de' | 'en'): Promise<void> {
  const toggle = page.locator(`mat-button-toggle[data-lang="${lang}"] button`);
  if (await toggle.isVisible()) await toggle.click();
  else {
    // Phone width: the switch sits in the menu.
    await page.evaluate((l) => localStorage.setItem('scs.lang', l), lang);
    await page.reload();
  }
  await page.waitForTimeout(400);
}

async function shoot(page: Page, dir: string, name: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const lang of ['de', 'en'] as const) {
      await setLanguage(page, lang);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(dir, `${name}-${lang}-${width}.png`), fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await setLanguage(page, 'de');
}

describe('results follow remediation: order, progress, action offer', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let orgId: string;
  let firstId: string;
  let secondId: string;

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    ({ orgId } = await registerFirm(context, 'Muster Maschinenbau (Suzhou) Co., Ltd.', 'results'));
    firstId = await firstAssessment(context, orgId);
    for (const [questionId, title] of [
      ['T1', 'Steuerkreditstufe C beheben'],
      ['T2', 'Steuerpflichten unter der Schwelle nachholen'],
      ['T4', 'Steuerbescheid klären'],
    ])
      await api(context, 'POST', `/api/orgs/${orgId}/actions`, {
        title,
        questionId,
        assessmentId: firstId,
        dueDate: '2026-01-15',
      });
    secondId = await reassessment(context, orgId, firstId);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('shows the result and the action plan (screenshots when asked)', async () => {
    await page.goto(`${baseUrl()}/assessments/${secondId}/result`);
    // The first page load of a run compiles nothing, but a busy machine can take a while to serve the bundle.
    await page.locator('[data-testid="result-overall"]').waitFor({ timeout: 90000 });
    const shots = process.env['E2E_SCREENSHOT_DIR'];
    if (shots) await shoot(page, shots, 'result');
    await page.goto(`${baseUrl()}/actions`);
    await page.locator('main').waitFor();
    await page.waitForTimeout(800);
    if (shots) await shoot(page, shots, 'actions');
  });

  it('puts the customs "don\'t know" among the most severe findings and says what was resolved', async () => {
    await page.goto(`${baseUrl()}/assessments/${secondId}/result`);
    const top = page.locator('[data-testid="top-findings"] li');
    await top.first().waitFor();
    const ids = await top.locator('.qid').allTextContents();
    expect(ids.slice(0, 5)).toContain('C1');
    const progress = page.locator('[data-testid="since-last"]');
    await progress.waitFor();
    expect(await progress.textContent()).toContain('T1');
    expect(await progress.textContent()).toContain('T2');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1366);
  });

  it('offers to close the actions the re-assessment resolved, and closes one with one click', async () => {
    await page.goto(`${baseUrl()}/actions`);
    const offers = page.locator('[data-testid="resolved-offer"]');
    await offers.first().waitFor();
    expect(await offers.count()).toBe(2);
    await offers.first().locator('button').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="resolved-offer"]').length === 1);
    const overdue = page.locator('[data-testid="overdue"]');
    expect(await overdue.count()).toBeGreaterThanOrEqual(1);
  });
});
