import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, seriousA11yViolations } from './support/browser';

describe('web shell in Chromium (production build served by the API)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  it('renders the shell with navigation and switches the language to German', async () => {
    await page.goto(baseUrl() + '/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Corporate Social Credit System');
    await page.getByRole('navigation').getByText('What we assess').waitFor();

    await page.locator('[data-lang="de"] button').click();
    await page.getByRole('navigation').getByText('Was wir prüfen').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Ihr China-Geschäft');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

    await page.reload();
    await page.getByRole('navigation').getByText('Was wir prüfen').waitFor();
  });

  it('shows the app 404 page for an unknown route', async () => {
    await page.goto(baseUrl() + '/this/does/not/exist');
    await page.getByText('404').first().waitFor();
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    expect(heading).toMatch(/Page not found|Seite nicht gefunden/);
  });

  it('has no serious accessibility violations on the start page', async () => {
    // axe is injected as an inline script, which our CSP rightly blocks: this page bypasses CSP for the audit only.
    const auditPage = await browser.newPage({ bypassCSP: true });
    try {
      await auditPage.goto(baseUrl() + '/');
      await auditPage.getByRole('heading', { level: 1 }).waitFor();
      expect(await seriousA11yViolations(auditPage)).toEqual([]);
    } finally {
      await auditPage.close();
    }
  });
});
