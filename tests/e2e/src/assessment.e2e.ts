import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { baseUrl, launch, seriousA11yViolations } from './support/browser';
import { FIRM_PROFILE } from './support/firm';
import { confirmEmail } from './support/confirm';

// The whole self-check in German, as a compliance officer does it: start, answer (partly by keyboard), watch the live
// score, submit, read the result, create an action, re-assess, compare. Setup (account + firm profile) goes through the API.

const PROFILE = { name: 'Muster Maschinenbau (Suzhou) Co., Ltd.', ...FIRM_PROFILE };

async function registerFirm(context: BrowserContext): Promise<string> {
  const email = `compliance-${Date.now()}@muster-maschinenbau.example`;
  const reg = await context.request.post(baseUrl() + '/api/auth/register', {
    data: { email, password: 'Korrekt-Pferd-Batterie-2026', name: 'Anna Schmidt', firmName: PROFILE.name },
  });
  expect(reg.status()).toBe(202);
  const { orgId } = await confirmEmail(context, email);
  const xsrf = (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const profile = await context.request.put(`${baseUrl()}/api/orgs/${orgId}/profile`, {
    data: PROFILE,
    headers: { 'x-xsrf-token': decodeURIComponent(xsrf) },
  });
  expect(profile.status()).toBe(200);
  return orgId;
}

/** The number shown in the live preview ("–" before any answer). */
async function liveScore(page: Page): Promise<string> {
  return ((await page.locator('[data-testid="live-score"] .big').textContent()) ?? '').trim();
}

/** Answers every unanswered question of the current step with its first option. */
async function answerStep(page: Page): Promise<void> {
  const questions = page.locator('scs-question fieldset');
  const n = await questions.count();
  for (let i = 0; i < n; i++) {
    const q = questions.nth(i);
    if ((await q.locator('mat-radio-button.mat-mdc-radio-checked').count()) === 0)
      await q.locator('mat-radio-button label').first().click();
  }
}

async function answerAllSteps(page: Page): Promise<void> {
  for (let guard = 0; guard < 20; guard++) {
    const heading = (await page.locator('#step-heading').textContent()) ?? '';
    if (heading.includes('Prüfen und einreichen')) return;
    await answerStep(page);
    await page.locator('.step-nav button.mat-mdc-unelevated-button').click();
    await page.waitForFunction((prev) => document.querySelector('#step-heading')?.textContent !== prev, heading);
  }
  throw new Error('did not reach the review step');
}

async function submit(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Selbstcheck einreichen' });
  await expectEnabled(button);
  await button.click();
  // Either the result opens, or the page shows why not (fail with that message rather than a bare timeout).
  const refused = page.locator('.review [role="alert"]');
  const result = /\/assessments\/[0-9a-f-]+\/result$/;
  await Promise.race([page.waitForURL(result).catch(() => undefined), refused.waitFor().catch(() => undefined)]);
  if (await refused.count()) throw new Error(`submitting was refused: ${await refused.textContent()}`);
  await page.waitForURL(result);
  await page.getByRole('heading', { level: 1, name: 'Ergebnis Ihres Selbstchecks' }).waitFor();
}

async function expectEnabled(locator: Locator): Promise<void> {
  await locator.waitFor();
  for (let i = 0; i < 50 && (await locator.isDisabled()); i++) await new Promise((r) => setTimeout(r, 100));
  expect(await locator.isDisabled()).toBe(false);
}

describe('self-check in German: answer, submit, result, action, re-assess, compare', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    // axe is injected as an inline script, which our CSP rightly blocks: this context bypasses CSP for the audits only.
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('scs.lang', 'de'));
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
    await browser.close();
  });

  it('runs through the whole self-check', async () => {
    await registerFirm(context);

    // Start from the empty list.
    await page.goto(baseUrl() + '/assessments');
    await page.getByRole('heading', { name: 'Noch kein Selbstcheck' }).waitFor();
    await page.getByRole('button', { name: 'Ersten Selbstcheck beginnen' }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]+$/);
    await page.locator('#step-heading', { hasText: 'Steuern' }).waitFor();
    expect(await liveScore(page)).toBe('–');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Keyboard only for T1: Space selects the focused first option (A), arrow keys move to C.
    await page.locator('#q-T1 input[type="radio"]').first().focus();
    await page.keyboard.press('Space');
    await page.locator('#q-T1 mat-radio-button.mat-mdc-radio-checked', { hasText: 'A' }).waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="live-score"] .big')?.textContent?.trim() !== '–',
    );
    const first = Number(await liveScore(page));
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await page.locator('#q-T1 mat-radio-button.mat-mdc-radio-checked', { hasText: /^\s*C\s*$/ }).waitFor();
    await page.waitForFunction(
      (before) => Number(document.querySelector('[data-testid="live-score"] .big')?.textContent) > before,
      first,
    );
    expect(Number(await liveScore(page))).toBeGreaterThan(first);

    // "Don't know" on T2 with a note, then everything else with the first option.
    await page.locator('#q-T2 mat-radio-button', { hasText: 'Weiß nicht' }).locator('label').click();
    await page
      .locator('#q-T2')
      .getByRole('button', { name: /Notiz hinzufügen/ })
      .click();
    await page.locator('#q-T2 textarea').fill('Steuerberater fragen');
    await page.locator('#q-T2', { hasText: '20 / 2000' }).waitFor();
    await page.locator('[data-testid="save-state"]', { hasText: 'Alle Antworten gespeichert' }).waitFor();
    await answerAllSteps(page);

    // Review: everything answered, saved, submit.
    await page.getByText('Alle anwendbaren Fragen sind beantwortet').waitFor();
    await page.locator('[data-testid="save-state"]', { hasText: 'Alle Antworten gespeichert' }).waitFor();
    await submit(page);
    const firstResultUrl = page.url();

    // Result: level, chart (deferred until scrolled into view), findings with remediation, verify list.
    expect(await page.locator('[data-testid="result-overall"]').textContent()).toMatch(/Niedrig|Mittel|Hoch|Kritisch/);
    await page.locator('#dims-h').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="dimension-chart"] svg').waitFor();
    const t1 = page.locator('#finding-T1');
    await t1.waitFor();
    // One wording per finding: the result page, the action and the compare page all use the catalogue's corrected
    // German (data/2026.2/i18n/de.yaml), not the 'Steuerkredit-Note C' stored with the result at submission.
    expect(await t1.locator('header .title').innerText()).toBe('Steuerkreditstufe C');
    expect(await page.locator('[data-testid="top-findings"]').innerText()).toContain('Steuerkreditstufe C');
    expect(await page.locator('main').innerText()).not.toContain('Steuerkredit-Note');
    expect(await t1.textContent()).toContain('Was zu tun ist');
    expect(await page.locator('#verify-T2').textContent()).toContain('Elektronisches Steueramt');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const shots = process.env['E2E_SCREENSHOT_DIR'];
    if (shots) {
      const viewport = page.viewportSize();
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(shots, `de-result-${width}.png`), fullPage: true });
      }
      if (viewport) await page.setViewportSize(viewport);
    }

    // Create an action for the T1 finding: its title starts as the finding's wording (then it is the user's text).
    await t1.getByRole('button', { name: /Maßnahme anlegen/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Maßnahme anlegen' }).waitFor();
    expect(await dialog.getByLabel('Titel').inputValue()).toBe('Steuerkreditstufe C');
    // Opened by keyboard: an empty mat-select's floating label sits over it and takes pointer clicks.
    await dialog.getByRole('combobox', { name: 'Verantwortlich' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: /Anna Schmidt/ }).click();
    await dialog.getByLabel('Fällig am').fill('2030-06-30');
    await dialog.getByRole('button', { name: 'Anlegen' }).click();
    await t1.getByText(/Maßnahme: Steuerkreditstufe C \(Offen\)/).waitFor();

    // Re-assess: the answers are carried over; improve T1 to A and submit again.
    await page.getByRole('button', { name: 'Neu bewerten' }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]+$/);
    await page.locator('#step-heading', { hasText: 'Steuern' }).waitFor();
    expect(page.url()).not.toBe(firstResultUrl.replace(/\/result$/, ''));
    await page
      .locator('#q-T1 mat-radio-button', { hasText: /^\s*A\s*$/ })
      .locator('label')
      .click();
    await page.locator('[data-testid="save-state"]', { hasText: 'Alle Antworten gespeichert' }).waitFor();
    await page
      .getByRole('button', { name: /Prüfen und einreichen/ })
      .first()
      .click();
    await page.getByText('Alle anwendbaren Fragen sind beantwortet').waitFor();
    await submit(page);
    expect(await page.locator('#finding-T1').count()).toBe(0);

    // Compare the two submitted self-checks from the list.
    await page.goto(baseUrl() + '/assessments');
    const rows = page.locator('[data-testid="assessment-row"]');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    for (const i of [0, 1]) await rows.nth(i).getByText('Zum Vergleich auswählen').click();
    await page.getByRole('button', { name: 'Auswahl vergleichen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vergleich zweier Selbstchecks' }).waitFor();
    const resolved = page.locator('section', { has: page.getByRole('heading', { name: /Behobene Befunde/ }) });
    // The same wording as on the result page.
    await resolved.getByText('Steuerkreditstufe C').waitFor();
    expect(await page.getByRole('heading', { name: /Behobene Befunde \(1\)/ }).count()).toBe(1);
    await page.locator('[data-testid="compare-chart"] svg').waitFor();

    // The action plan lists the action.
    await page.goto(baseUrl() + '/actions');
    await page.locator('[data-testid="action-row"]', { hasText: 'Steuerkreditstufe C' }).waitFor();
  }, 300_000);

  it('asks whose answer stays when the same answer was changed elsewhere meanwhile, and keeps mine on request', async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await other.addInitScript(() => localStorage.setItem('scs.lang', 'de'));
    try {
      const orgId = await registerFirm(other);
      const headers = {
        'x-xsrf-token': decodeURIComponent((await other.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? ''),
      };
      const started = await other.request.post(`${baseUrl()}/api/orgs/${orgId}/assessments`, { data: {}, headers });
      const { id } = (await started.json()) as { id: string };
      const tab = await other.newPage();
      await tab.goto(`${baseUrl()}/assessments/${id}`);
      await tab.locator('#q-T1').waitFor();

      // Another tab (or a colleague) answers T1 with B after this page loaded it.
      const put = await other.request.put(`${baseUrl()}/api/assessments/${id}/answers`, {
        data: { answers: [{ questionId: 'T1', optionId: 'b', baseRevision: 0 }] },
        headers,
      });
      expect(put.status()).toBe(200);

      await tab
        .locator('#q-T1 mat-radio-button', { hasText: /^\s*A\s*$/ })
        .locator('label')
        .click();
      const dialog = tab.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Diese Antwort wurde inzwischen geändert' }).waitFor();
      expect(await dialog.locator('.mine .answer').textContent()).toBe('A');
      expect(await dialog.locator('.theirs .answer').textContent()).toBe('B');
      expect(await dialog.locator('.theirs h3').textContent()).toContain(
        'Von Ihnen in einem anderen Fenster gespeichert',
      );
      await dialog.getByRole('button', { name: 'Meine behalten' }).click();
      await tab.locator('[data-testid="save-state"]', { hasText: 'Alle Antworten gespeichert' }).waitFor();

      const saved = await other.request.get(`${baseUrl()}/api/assessments/${id}`);
      const t1 = (
        (await saved.json()) as { answers: { questionId: string; optionId: string; revision: number }[] }
      ).answers.find((a) => a.questionId === 'T1');
      expect(t1).toMatchObject({ optionId: 'a', revision: 2 });
    } finally {
      await other.close();
    }
  });
});
