import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { minimalPdf, usccFor } from '@scs/shared/testing';
import { baseUrl, launch } from './support/browser';
import { FIRM_PROFILE, answeredAssessment, api, registerFirm, submitAssessment } from './support/firm';
import { waitForMail } from './support/mailbox';

// Issue 19 in one flow, as a group's compliance officer lives it (steps 1–4 of the browser test):
//   1. the officer links a subsidiary by its USCC (the subsidiary's owner accepts in its own portfolio page and shares
//      its answers) and sees it in the portfolio: heat map, entity table, shared answers and the portfolio PDF;
//   2. the same officer adds a business partner and sends it a partner check;
//   3. the partner opens the emailed link (no account) on a phone, switches the page to Chinese, confirms its address,
//      answers, attaches a PDF, signs and submits;
//   4. the officer sees the red flags.
// (Formerly portfolio.e2e.ts and partner-check.e2e.ts; every assertion of both is kept here.)
// Screenshots (opt-in, E2E_SCREENSHOT_DIR): the portfolio in English, German and Chinese at 1366 and 390 px, the shared
// answers, the partner's link page in Chinese at 390 and 1366 px, and the officer's partner list and partner page in
// German, English and Chinese.

const GROUP = 'Muster Holding GmbH';
const ENTITY = 'Muster Machinery (Suzhou) Co., Ltd.';
const TITLE = { en: 'Group portfolio', de: 'Gruppenportfolio', zh: '集团组合' } as const;

describe('issue 19: a group links a subsidiary, sees its portfolio, and checks a business partner answered in Chinese', () => {
  let browser: Browser;
  let groupContext: BrowserContext;
  let entityContext: BrowserContext;
  let partnerContext: BrowserContext;
  let groupPage: Page;
  let entityPage: Page;
  const shots = process.env['E2E_SCREENSHOT_DIR'];

  async function newContext(): Promise<[BrowserContext, Page]> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addInitScript(() => {
      if (!localStorage.getItem('scs.lang')) localStorage.setItem('scs.lang', 'en');
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('page error:', e.message));
    return [context, page];
  }
  /** Switches a page's UI language the way the shell remembers it, and reloads. */
  async function useLanguage(page: Page, lang: 'en' | 'de' | 'zh'): Promise<void> {
    await page.evaluate((l) => localStorage.setItem('scs.lang', l), lang);
    await page.reload();
  }
  /** The page never scrolls sideways; wide tables scroll inside themselves. */
  async function pageOverflow(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }
  async function shot(page: Page, name: string): Promise<void> {
    if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    browser = await launch();
    [groupContext, groupPage] = await newContext();
    [entityContext, entityPage] = await newContext();
    partnerContext = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    if (shots) mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await groupContext.close();
    await entityContext.close();
    await partnerContext.close();
    await browser.close();
  });

  it('1. links the subsidiary by its USCC; the subsidiary accepts; the group sees it in its heat map, its shared answers and the PDF', async () => {
    const code = usccFor(Date.now() % 10_000_000, '320594');
    const entity = await registerFirm(entityContext, ENTITY, 'portfolio-entity');
    await submitAssessment(entityContext, await answeredAssessment(entityContext, entity.orgId));
    const profile = await api(entityContext, 'PUT', `/api/orgs/${entity.orgId}/profile`, {
      ...FIRM_PROFILE,
      name: ENTITY,
      uscc: code,
    });
    expect(profile.status).toBe(200);
    await registerFirm(groupContext, GROUP, 'portfolio-group');

    // The group officer invites the entity by its code, from the portfolio page reached through the navigation.
    await groupPage.goto(`${baseUrl()}/`);
    await groupPage.locator('nav.nav a[href="/portfolio"]').click();
    await groupPage.getByRole('heading', { name: 'Group portfolio', level: 1 }).waitFor();
    await groupPage.getByText('No entities in the portfolio yet').waitFor();
    await groupPage.locator('[data-testid="invite-uscc"]').fill(code);
    await groupPage.locator('[data-testid="invite-submit"]').click();
    expect(await groupPage.locator('[data-testid="invite-sent"]').textContent()).toContain(ENTITY);
    await groupPage.locator('[data-testid="entity-links"]', { hasText: 'Invitation pending' }).waitFor();

    // The subsidiary's owner sees the invitation in its own portfolio page and accepts it, then shares its answers.
    await entityPage.goto(`${baseUrl()}/portfolio`);
    const invitation = entityPage.locator('[data-testid="group-link-pending"]');
    await invitation.waitFor();
    expect(await invitation.textContent()).toContain('Muster Holding GmbH invites this firm');
    await invitation.locator('[data-testid="link-accept"]').click();
    await entityPage.locator('[data-testid="group-link-active"]').waitFor();
    await entityPage.locator('[data-testid="link-share"] button').click();
    await entityPage.getByText('The group can read the answers of the latest self-check.').waitFor();

    // The group sees the entity with its level in the heat map and the entity table.
    await groupPage.reload();
    const heatMap = groupPage.locator('[data-testid="portfolio-heatmap"]');
    await heatMap.waitFor();
    expect(await heatMap.textContent()).toContain(ENTITY);
    const table = groupPage.locator('[data-testid="portfolio-entities"]');
    expect(await table.textContent()).toMatch(/Low|Moderate|High|Critical/);
    expect(await table.textContent()).toContain(code);

    // The shared answers: questions with the entity's answers, in the UI language.
    await groupPage.locator('[data-testid="view-answers"]').click();
    await groupPage.getByRole('heading', { name: /Shared answers/, level: 1 }).waitFor();
    const answers = groupPage.locator('[data-testid="entity-answers"] li');
    await answers.first().waitFor();
    expect(await answers.count()).toBeGreaterThan(10);
    expect(await groupPage.locator('[data-testid="answer-text"]').first().textContent()).not.toBe('');
    await shot(groupPage, 'portfolio-answers-en-1366');
    await useLanguage(groupPage, 'zh');
    await groupPage.getByRole('heading', { name: /已共享的答案/, level: 1 }).waitFor();
    await answers.first().waitFor();
    expect(await answers.first().locator('.question').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await shot(groupPage, 'portfolio-answers-zh-1366');
    await useLanguage(groupPage, 'en');
    await groupPage.goto(`${baseUrl()}/portfolio`);
    await heatMap.waitFor();

    // The group portfolio PDF, through the report pipeline.
    await groupPage.locator('[data-testid="portfolio-report-request"]').click();
    const download = groupPage.locator('[data-testid="portfolio-reports"] a[download]');
    await download.waitFor({ timeout: 90_000 });
    const pdf = await groupContext.request.get(baseUrl() + ((await download.getAttribute('href')) as string));
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    for (const width of [1366, 390]) {
      await groupPage.setViewportSize({ width, height: 900 });
      for (const lang of ['en', 'de', 'zh'] as const) {
        await useLanguage(groupPage, lang);
        await groupPage.locator('[data-testid="portfolio-heatmap"]').waitFor();
        await groupPage.getByRole('heading', { name: TITLE[lang], level: 1 }).waitFor();
        // The page never scrolls sideways; wide tables scroll inside themselves.
        const overflow = await pageOverflow(groupPage);
        expect(overflow).toBeLessThanOrEqual(0);
        // Entity names and their column header are left-aligned in the heat map's first column.
        for (const cell of ['thead th.entity', 'tbody th.entity']) {
          const align = await groupPage
            .locator(`[data-testid="portfolio-heatmap"] ${cell}`)
            .first()
            .evaluate((e) => getComputedStyle(e).textAlign);
          expect(align).toMatch(/left|start/);
        }
        if (lang === 'zh') {
          // Province and legal form in Chinese (from the profile labels), never the English fallback.
          expect(await table.textContent()).toContain('外商独资企业');
          expect(await table.textContent()).toContain('江苏');
          expect(await table.textContent()).not.toContain('[EN]');
        }
        if (shots) await groupPage.screenshot({ path: join(shots, `portfolio-${lang}-${width}.png`), fullPage: true });
      }
    }
    await groupPage.setViewportSize({ width: 1366, height: 900 });
    if (shots) {
      await entityPage.screenshot({ path: join(shots, 'portfolio-entity-en-1366.png'), fullPage: true });
    }
  }, 240_000);

  it('2–4. the officer sends a check, the partner answers in Chinese with a PDF, the officer sees the red flags', async () => {
    const page = groupPage; // the same officer, now working in German
    await useLanguage(page, 'de');
    const partnerEmail = `legal-${Date.now()}@supplier.example`;

    // The officer adds the partner (language English, so the partner switches to Chinese itself).
    await page.goto(`${baseUrl()}/partners`);
    await page.getByTestId('add-partner').click();
    await page.getByTestId('partner-name').fill('Suzhou Präzision Supplier Co., Ltd.');
    await page.locator('input[name=nameZh]').fill('苏州精密供应有限公司');
    await page.getByTestId('partner-province').selectOption('JS');
    await page.getByTestId('partner-email').fill(partnerEmail);
    await page.locator('select[name=contactLanguage]').selectOption('en');
    await page.getByTestId('save-partner').click();
    await page.getByTestId('partner-row').first().waitFor();
    await shot(page, 'partner-list-de');
    await page.getByRole('link', { name: 'Suzhou Präzision Supplier Co., Ltd.' }).click();
    await page.getByTestId('send-check').click();
    await page.getByText('Der Link wurde gesendet').waitFor();

    const mail = await waitForMail(partnerEmail);
    const link = /https?:\/\/\S+\/partner-check\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    const token = (link as string).split('/').pop() as string;

    // The partner: no account, a phone.
    const p = await partnerContext.newPage();
    await p.goto(`${baseUrl()}/partner-check/${token}`);
    await p.getByRole('heading', { name: 'Partner credit check' }).waitFor();
    await p.locator('nav.langs [data-lang="zh"]').click(); // the page's own switch (the shell has one too)
    await p.getByRole('heading', { name: '合作伙伴信用核查' }).waitFor();
    await p.getByTestId('confirm-email').fill(partnerEmail);
    await p.getByTestId('confirm').click();
    await p.locator('[data-question="PC1"]').waitFor();
    if (shots) {
      await p.screenshot({ path: join(shots, 'partner-check-zh-390.png'), fullPage: true });
      await p.setViewportSize({ width: 1366, height: 900 });
      await p.screenshot({ path: join(shots, 'partner-check-zh-1366.png'), fullPage: true });
      await p.setViewportSize({ width: 390, height: 844 });
    }
    // No sideways scrolling on the phone.
    expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);

    // Answers: the first (clean) option everywhere, but a dishonest judgment debtor (PC2: 是).
    for (const q of await p.locator('fieldset[data-question]').all())
      await q.locator('input[type=radio]').first().check();
    await p.locator('[data-question="PC2"] label.option').nth(1).locator('input').check(); // 是 (yes)
    await p
      .getByTestId('evidence-input')
      .setInputFiles({ name: '专项信用报告.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await p.getByTestId('evidence-item').waitFor();
    await p.getByTestId('decl-name').fill('王小明');
    await p.getByTestId('decl-role').fill('法务经理');
    await p.getByTestId('submit-check').click();
    await p.getByRole('heading', { name: '谢谢' }).waitFor();
    await p.getByTestId('receipt').waitFor({ timeout: 90_000 });

    // The officer sees the red flag and the evidence.
    await page.reload();
    await page.getByTestId('red-flag').first().waitFor();
    expect(await page.getByTestId('partner-state').textContent()).toContain('Beantwortet');
    expect(await page.getByTestId('red-flag').first().textContent()).toContain('Unredlicher Vollstreckungsschuldner');
    await page.getByTestId('evidence-link').waitFor();

    // The partner page in Chinese, on a desktop and on a phone: province in Chinese, no sideways scrolling.
    await useLanguage(page, 'zh');
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByTestId('red-flag').first().waitFor();
      expect(await page.getByTestId('partner-province-label').textContent()).toContain('江苏');
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, `partner-page-zh-${width}`);
    }
    await page.goto(`${baseUrl()}/partners`);
    await page.getByTestId('partner-row').first().waitFor();
    expect(await page.getByTestId('partner-province-label').first().textContent()).toContain('江苏');
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'partner-list-zh-390');
    await page.setViewportSize({ width: 1366, height: 900 });
    await shot(page, 'partner-list-zh-1366');
    await useLanguage(page, 'de');

    if (shots) {
      await page.goto(`${baseUrl()}/partners`);
      await page.getByTestId('partner-row').first().waitFor();
      await page.screenshot({ path: join(shots, 'partner-list-de-answered.png'), fullPage: true });
      await page.locator('mat-button-toggle[data-lang="en"] button').click(); // the shell's language switch
      await page.getByText('Business partners').waitFor();
      await page.screenshot({ path: join(shots, 'partner-list-en.png'), fullPage: true });
    }

    // The used link shows no data any more.
    const again = await partnerContext.newPage();
    await again.goto(`${baseUrl()}/partner-check/${token}`);
    await again.getByRole('alert').waitFor();
    expect(await again.content()).not.toContain('苏州精密供应有限公司');
  }, 240_000);
});
