import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, seriousA11yViolations } from './support/browser';

describe('"What we assess" (public catalogue page)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    // axe is injected as an inline script, which our CSP rightly blocks: this page bypasses CSP for the audit only.
    page = await browser.newPage({ bypassCSP: true });
    await page.addInitScript(() => localStorage.setItem('scs.lang', 'en'));
  });
  afterEach(() => page.close());

  const dimensionHeadings = () => page.locator('[data-testid="dimension"] h2').allTextContents();

  it('renders all 16 dimensions in English and in German, with unconfirmed sources labelled', async () => {
    await page.goto(baseUrl() + '/catalogue');
    await page.getByRole('heading', { level: 1, name: 'What we assess' }).waitFor();
    await page.locator('[data-testid="dimension"]').nth(15).waitFor();
    const en = await dimensionHeadings();
    expect(en).toHaveLength(16);
    expect(en[0]).toMatch(/D1\s+Tax\s+纳税信用/);
    expect(en[15]).toContain('D16');
    expect(await page.locator('#sources .badge-unconfirmed').count()).toBeGreaterThan(0);
    expect(await page.locator('#sources .badge-unconfirmed').first().textContent()).toContain('Unconfirmed');

    // The questions of a dimension open on demand.
    await page
      .getByRole('button', { name: /Questions in this dimension \(\d+\)/ })
      .first()
      .click();
    await page.locator('.question-list .q-title').first().waitFor();
    expect(await page.locator('.question-list .q-title').first().textContent()).toContain('T1');

    await page.locator('[data-lang="de"] button').click();
    await page.getByRole('heading', { level: 1, name: 'Was wir prüfen' }).waitFor();
    await page.locator('[data-testid="dimension"] h2', { hasText: 'Steuern' }).waitFor();
    const de = await dimensionHeadings();
    expect(de).toHaveLength(16);
    expect(de[0]).toMatch(/D1\s+Steuern\s+纳税信用/);
    expect(await page.locator('#sources .badge-unconfirmed').first().textContent()).toContain('Unbestätigt');
    expect(await page.getByText('Nächstliegendes deutsches/EU-Gegenstück').count()).toBe(16);
  });

  it('has no serious accessibility violations', async () => {
    await page.goto(baseUrl() + '/catalogue');
    await page.locator('[data-testid="dimension"]').nth(15).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
