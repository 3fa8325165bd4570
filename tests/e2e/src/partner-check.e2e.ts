import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { minimalPdf } from '@scs/shared/testing';
import { baseUrl, launch } from './support/browser';
import { registerFirm } from './support/firm';
import { waitForMail } from './support/mailbox';

// Issue 19: an officer adds a partner and sends a partner check; the partner opens the emailed link (no account),
// switches the page to Chinese, confirms its address, answers, attaches a PDF, signs and submits; the officer then
// sees the red flags. Screenshots (opt-in, E2E_SCREENSHOT_DIR) of the partner page in Chinese at 390 and 1366 px and
// of the firm's partner list in German and English.

const FIRM = 'Partnerwerk Maschinenbau GmbH';

describe('partner check in the browser', () => {
  let browser: Browser;
  let officer: BrowserContext;
  let partnerContext: BrowserContext;
  let page: Page;
  const shots = process.env['E2E_SCREENSHOT_DIR'];

  beforeAll(async () => {
    browser = await launch();
    officer = await browser.newContext({ locale: 'de-DE', viewport: { width: 1366, height: 900 } });
    await officer.addInitScript(() => localStorage.setItem('scs.lang', 'de'));
    page = await officer.newPage();
    partnerContext = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    if (shots) mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await officer.close();
    await partnerContext.close();
    await browser.close();
  });

  it('the officer sends a check, the partner answers in Chinese with a PDF, the officer sees the red flags', async () => {
    await registerFirm(officer, FIRM, 'partners');
    const partnerEmail = `legal-${Date.now()}@supplier.example`;

    // The officer adds the partner (language English, so the partner switches to Chinese itself).
    await page.goto(`${baseUrl()}/partners`);
    await page.getByTestId('add-partner').click();
    await page.getByTestId('partner-name').fill('Suzhou Präzision Supplier Co., Ltd.');
    await page.locator('input[name=nameZh]').fill('苏州精密供应有限公司');
    await page.getByTestId('partner-email').fill(partnerEmail);
    await page.locator('select[name=contactLanguage]').selectOption('en');
    await page.getByTestId('save-partner').click();
    await page.getByTestId('partner-row').first().waitFor();
    if (shots) await page.screenshot({ path: join(shots, 'partner-list-de.png'), fullPage: true });
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
