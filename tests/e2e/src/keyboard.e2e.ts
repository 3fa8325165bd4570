import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch } from './support/browser';
import { apiCall, registerFirmWithProfile } from './support/a11y';

// A compliance officer completes the whole self-check with the keyboard only: Tab to move, Space to pick an answer,
// Enter on buttons — no mouse event at all (counted in the page). Starts on the empty assessment list, ends on the result.

interface Focus {
  kind: 'radio' | 'next' | 'submit' | 'start' | 'other' | 'none';
  /** For a radio: whether its group already has an answer. */
  answered: boolean;
  /** Every question group of the current step has an answer. */
  stepComplete: boolean;
  heading: string;
}

function focusState(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const heading = document.querySelector('#step-heading')?.textContent?.trim() ?? '';
    const groups = [...document.querySelectorAll('scs-question mat-radio-group')];
    const stepComplete = groups.every((g) => g.querySelector('input[type="radio"]:checked'));
    const base = { answered: false, stepComplete, heading };
    if (!el || el === document.body) return { ...base, kind: 'none' as const };
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      const answered = Boolean(document.querySelector(`input[type="radio"][name="${CSS.escape(el.name)}"]:checked`));
      return { ...base, kind: 'radio' as const, answered };
    }
    if (el.matches('.step-nav button.mat-mdc-unelevated-button')) return { ...base, kind: 'next' as const };
    if (el.matches('button.submit')) return { ...base, kind: 'submit' as const };
    if (el.matches('button, a') && /Start your first self-check/.test(el.textContent ?? ''))
      return { ...base, kind: 'start' as const };
    return { ...base, kind: 'other' as const };
  });
}

describe('keyboard-only completion of the self-check', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      const w = window as unknown as { __pointer: number };
      w.__pointer = 0;
      for (const type of ['mousedown', 'pointerdown', 'touchstart']) addEventListener(type, () => w.__pointer++, true);
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('starts, answers every question, moves through the steps and submits with Tab, Space and Enter', async () => {
    const orgId = await registerFirmWithProfile(context, `keyboard-${Date.now()}@musterwerk.example`);
    await page.goto(baseUrl() + '/assessments');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Start your first self-check').first().waitFor();

    const keys = { Tab: 0, Space: 0, Enter: 0 };
    const press = async (key: keyof typeof keys) => {
      keys[key]++;
      await page.keyboard.press(key);
    };

    // From the top of the page to the start button.
    for (let i = 0; (await focusState(page)).kind !== 'start'; i++) {
      if (i > 80) throw new Error('the start button cannot be reached with Tab');
      await press('Tab');
    }
    await press('Enter');
    await page.waitForURL(/\/assessments\/[0-9a-f-]+$/);
    await page.locator('scs-question fieldset').first().waitFor();
    const assessmentId = page.url().split('/').pop() as string;

    let answered = 0;
    let steps = 0;
    let sinceProgress = 0;
    while (!/\/result$/.test(page.url())) {
      if (sinceProgress > 400)
        throw new Error(
          `stuck: ${sinceProgress} key presses without progress on "${(await focusState(page)).heading}"`,
        );
      const f = await focusState(page);
      if (f.kind === 'radio' && !f.answered) {
        await press('Space');
        await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.checked === true);
        answered++;
        sinceProgress = 0;
      } else if (f.kind === 'next' && f.stepComplete) {
        await press('Enter');
        await page.waitForFunction(
          (before) => (document.querySelector('#step-heading')?.textContent?.trim() ?? '') !== before,
          f.heading,
        );
        steps++;
        sinceProgress = 0;
      } else if (f.kind === 'submit') {
        await press('Enter');
        await page.waitForURL(/\/assessments\/[0-9a-f-]+\/result$/, { timeout: 30_000 });
      } else {
        await press('Tab');
        sinceProgress++;
      }
    }

    await page.locator('[data-testid="result-overall"]').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pointer: number }).__pointer)).toBe(0);
    expect(keys.Space).toBe(answered);
    expect(steps).toBeGreaterThanOrEqual(5);
    console.log(
      `keyboard-only self-check: ${answered} answers over ${steps} steps with ${keys.Tab} Tab, ${keys.Space} Space, ${keys.Enter} Enter`,
    );

    // The server has the submitted assessment with every answer given by keyboard.
    const saved = await apiCall<{ status: string; answers: { questionId: string; optionId: string | null }[] }>(
      context,
      'GET',
      `/api/assessments/${assessmentId}`,
    );
    expect(saved.body.status).toBe('submitted');
    expect(saved.body.answers.filter((a) => a.optionId).length).toBe(answered);
    const list = await apiCall<{ id: string; status: string }[]>(context, 'GET', `/api/orgs/${orgId}/assessments`);
    expect(list.body.map((a) => a.status)).toEqual(['submitted']);
  }, 300_000);
});
