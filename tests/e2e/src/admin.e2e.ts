import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminCli } from './support/a11y';
import { baseUrl, launch, seriousA11yViolations } from './support/browser';
import { registerFirm } from './support/firm';

// The platform admin signs in and lands in the admin area (no longer on the marketing page): the organisations list
// with a search field, the other lists one tab away, in English and German, and on a phone without sideways scrolling.

const PASSWORD = 'Betreiber-Passphrase-2026';

describe('platform admin area in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const stamp = Date.now();
  const adminEmail = `ops-${stamp}@betrieb.example`;
  const firmName = `Adminsicht Handel ${stamp} GmbH`;

  beforeAll(async () => {
    browser = await launch();
    const firm = await browser.newContext();
    await registerFirm(firm, firmName, `admin-view-${stamp}`);
    await firm.close();
    process.env['ADMIN_PASSWORD'] = PASSWORD;
    try {
      adminCli(['create-admin', '--email', adminEmail, '--name', 'Olaf Betrieb']);
    } finally {
      delete process.env['ADMIN_PASSWORD'];
    }
    // bypassCSP: the accessibility audit injects axe-core as an inline script.
    context = await browser.newContext({ locale: 'en-GB', bypassCSP: true, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await page?.close();
    await context?.close();
    await browser?.close();
  });

  it('signs in and lands on the organisations list of the admin area', async () => {
    await page.goto(baseUrl() + '/login');
    await page.locator('input[formcontrolname="email"]').fill(adminEmail);
    await page.locator('input[formcontrolname="password"]').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(/\/admin\/organisations$/);
    await page.getByRole('heading', { name: 'Organisations', level: 2 }).waitFor();
    await page.locator('[data-testid="admin-table"] tbody tr').first().waitFor();
    expect(await page.getByTestId('nav-admin').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('finds the firm by searching, and shows the other lists', async () => {
    await page.getByTestId('admin-search').fill(`Adminsicht Handel ${stamp}`);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="admin-table"] tbody tr').length === 1,
      undefined,
      { timeout: 10_000 },
    );
    const cells = await page.locator('[data-testid="admin-table"] tbody tr td').allTextContents();
    expect(cells.slice(0, 3).map((c) => c.trim())).toEqual([firmName, 'Firm', '1']);
    await page.getByTestId('admin-tab-users').click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByRole('heading', { name: 'People', level: 2 }).waitFor();
    await page.getByTestId('admin-search').fill(adminEmail);
    await page.getByRole('cell', { name: adminEmail }).waitFor();
    for (const [tab, heading] of [
      ['mails', 'Outgoing email'],
      ['catalogue', 'Catalogue versions'],
      ['audit', 'Audit log'],
      ['exports', 'Research exports'],
    ]) {
      await page.getByTestId(`admin-tab-${tab}`).click();
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
    }
  });

  it('speaks German and fits a 390 px phone', async () => {
    const phone = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
    try {
      const p = await phone.newPage();
      await p.goto(baseUrl() + '/login');
      await p.locator('input[formcontrolname="email"]').fill(adminEmail);
      await p.locator('input[formcontrolname="password"]').fill(PASSWORD);
      await p.locator('form button[type="submit"]').click();
      await p.waitForURL(/\/admin\/organisations$/);
      await p.getByRole('heading', { name: 'Organisationen', level: 2 }).waitFor();
      await p.locator('[data-testid="admin-table"] tbody tr').first().waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await phone.close();
    }
  });

  it('turns a firm owner away', async () => {
    const firm = await browser.newContext({ locale: 'en-GB' });
    try {
      await registerFirm(firm, `Kein Admin ${stamp} GmbH`, `not-admin-${stamp}`);
      const p = await firm.newPage();
      await p.goto(baseUrl() + '/admin/organisations');
      await p.getByTestId('admin-denied').waitFor();
      expect(await p.locator('[data-testid="admin-table"]').count()).toBe(0);
    } finally {
      await firm.close();
    }
  });
});
