import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch } from './support/browser';
import { apiCall, registerFirmWithProfile, submittedAssessment } from './support/a11y';

// Simplified Chinese as the third UI language: the landing page, the wizard and the result page in Chinese at desktop
// and phone width: Chinese texts (no keys, no English behind the [EN] mark in the wizard's questions), <html lang>,
// nothing scrolling sideways. Opt-in screenshots with E2E_SCREENSHOT_DIR (zh-<page>-<width>.png).

describe('the web app in Simplified Chinese', () => {
  let browser: Browser;
  let firm: BrowserContext;
  let draftId: string;
  let resultId: string;
  let findingResultId: string;

  beforeAll(async () => {
    browser = await launch();
    firm = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const orgId = await registerFirmWithProfile(firm, `zh-${Date.now()}@firm.example`);
    resultId = await submittedAssessment(firm, orgId);
    // Tax credit level C: a finding whose texts the version translates (i18n/zh.yaml), stored in English and German.
    findingResultId = await submittedAssessment(firm, orgId, { T1: 'c' });
    const draft = await apiCall<{ id: string }>(firm, 'POST', `/api/orgs/${orgId}/assessments`, {});
    draftId = draft.body.id;
  }, 120000);
  afterAll(async () => {
    await firm?.close();
    await browser?.close();
  });

  async function look(page: Page, name: string, width: number, ready?: (p: Page) => Promise<unknown>): Promise<void> {
    await page.setViewportSize({ width, height: 900 });
    // Charts size themselves when drawn: open the page afresh at this width, as a phone user would.
    if (ready) {
      await page.reload();
      await ready(page);
    }
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      text: document.body.innerText,
    }));
    expect(state.lang).toBe('zh-CN');
    expect(state.overflow).toBeLessThanOrEqual(0);
    expect(state.text).toMatch(/\p{Script=Han}{4}/u);
    // No translation key is ever shown (keys look like "wizard.next" or "assessments.result.title").
    expect(state.text).not.toMatch(/\b(assessments|wizard|result|nav|home|shell|question)\.[a-z]+[A-Za-z.]*\b/);
    const shots = process.env['E2E_SCREENSHOT_DIR'];
    if (shots) await page.screenshot({ path: join(shots, `zh-${name}-${width}.png`), fullPage: true });
  }

  it('a Chinese browser gets the Chinese UI; the landing page reads Chinese at 1366 and 390 px', async () => {
    const page = await firm.newPage();
    await page.goto(baseUrl() + '/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('企业社会信用体系');
    expect(await page.locator('mat-button-toggle[data-lang="zh"]').innerText()).toBe('中文');
    for (const width of [1366, 390]) await look(page, 'landing', width);
    await page.close();
  }, 60000);

  it('the wizard shows the questions and options of 2026.2 in Chinese', async () => {
    const page = await firm.newPage();
    await page.goto(baseUrl() + `/assessments/${draftId}`);
    await page.locator('#step-heading').waitFor();
    await page.locator('scs-question fieldset').first().waitFor();
    const questions = await page.locator('scs-question fieldset').allInnerTexts();
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) expect(q).toMatch(/\p{Script=Han}/u);
    expect(await page.locator('#step-heading').innerText()).toMatch(/\p{Script=Han}/u);
    for (const width of [1366, 390]) await look(page, 'wizard', width);
    await page.close();
  }, 60000);

  it('the result page reads Chinese (levels, headings, dates)', async () => {
    const page = await firm.newPage();
    await page.goto(baseUrl() + `/assessments/${resultId}/result`);
    const ready = async (p: Page) => {
      await p.locator('[data-testid="result-overall"]').waitFor();
      await p.locator('#dims-h').scrollIntoViewIfNeeded();
      await p.locator('[data-testid="dimension-chart"] svg').waitFor();
    };
    await ready(page);
    const text = await page.locator('main').innerText();
    expect(text).toContain('您的自查结果');
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    for (const width of [1366, 390]) await look(page, 'result', width, ready);
    await page.close();
  }, 60000);

  it('the result page names a finding in Chinese (the stored result holds English and German only)', async () => {
    const page = await firm.newPage();
    await page.goto(baseUrl() + `/assessments/${findingResultId}/result`);
    const t1 = page.locator('#finding-T1');
    await t1.waitFor();
    // The catalogue's Chinese, as the compare page and the Chinese PDF name it; no English fallback.
    expect(await t1.locator('header .title').innerText()).toBe('纳税信用级别为 C 级');
    expect(await page.locator('[data-testid="top-findings"]').innerText()).toContain('纳税信用级别为 C 级');
    expect(await t1.innerText()).not.toContain('Tax credit grade C');
    expect(await t1.innerText()).not.toContain('[EN]');
    const shots = process.env['E2E_SCREENSHOT_DIR'];
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300);
      if (shots) await page.screenshot({ path: join(shots, `zh-result-finding-${width}.png`), fullPage: true });
    }
    await page.close();
  }, 60000);
});
