import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch } from './support/browser';
import { FIRM_PROFILE, answeredAssessment, api, registerFirm, submitAssessment } from './support/firm';

// Group portfolio (issue 19): a group officer links a subsidiary by its USCC, the subsidiary's owner accepts in its
// own portfolio page, and the group sees the entity in its heat map. Opt-in screenshots (E2E_SCREENSHOT_DIR): the
// group's page in English and German at 1366 and 390 px.

/** A valid unified social credit code: 17 characters and the GB 32100-2015 check character. */
function uscc(n: number): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `91320594MA${String(n).padStart(7, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(body[i]) * weights[i];
  return body + alphabet[(31 - (sum % 31)) % 31];
}

describe('group portfolio: link a subsidiary, it accepts, the group sees it', () => {
  let browser: Browser;
  let groupContext: BrowserContext;
  let entityContext: BrowserContext;
  let groupPage: Page;
  let entityPage: Page;

  async function newContext(): Promise<[BrowserContext, Page]> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addInitScript(() => {
      if (!localStorage.getItem('scs.lang')) localStorage.setItem('scs.lang', 'en');
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('page error:', e.message));
    return [context, page];
  }

  beforeAll(async () => {
    browser = await launch();
    [groupContext, groupPage] = await newContext();
    [entityContext, entityPage] = await newContext();
  });
  afterAll(async () => {
    await groupContext.close();
    await entityContext.close();
    await browser.close();
  });

  it('links the subsidiary by its USCC; the subsidiary accepts; the group sees it in its heat map', async () => {
    const code = uscc(Date.now() % 10_000_000);
    const entityName = 'Muster Machinery (Suzhou) Co., Ltd.';
    const entity = await registerFirm(entityContext, entityName, 'portfolio-entity');
    await submitAssessment(entityContext, await answeredAssessment(entityContext, entity.orgId));
    const profile = await api(entityContext, 'PUT', `/api/orgs/${entity.orgId}/profile`, {
      ...FIRM_PROFILE,
      name: entityName,
      uscc: code,
    });
    expect(profile.status).toBe(200);
    await registerFirm(groupContext, 'Muster Holding GmbH', 'portfolio-group');

    // The group officer invites the entity by its code, from the portfolio page reached through the navigation.
    await groupPage.goto(`${baseUrl()}/`);
    await groupPage.locator('nav.nav a[href="/portfolio"]').click();
    await groupPage.getByRole('heading', { name: 'Group portfolio', level: 1 }).waitFor();
    await groupPage.getByText('No entities in the portfolio yet').waitFor();
    await groupPage.locator('[data-testid="invite-uscc"]').fill(code);
    await groupPage.locator('[data-testid="invite-submit"]').click();
    expect(await groupPage.locator('[data-testid="invite-sent"]').textContent()).toContain(entityName);
    await groupPage.locator('[data-testid="entity-links"]', { hasText: 'Invitation pending' }).waitFor();

    // The subsidiary's owner sees the invitation in its own portfolio page and accepts it.
    await entityPage.goto(`${baseUrl()}/portfolio`);
    const invitation = entityPage.locator('[data-testid="group-link-pending"]');
    await invitation.waitFor();
    expect(await invitation.textContent()).toContain('Muster Holding GmbH invites this firm');
    await invitation.locator('[data-testid="link-accept"]').click();
    await entityPage.locator('[data-testid="group-link-active"]').waitFor();

    // The group sees the entity with its level in the heat map and the entity table.
    await groupPage.reload();
    const heatMap = groupPage.locator('[data-testid="portfolio-heatmap"]');
    await heatMap.waitFor();
    expect(await heatMap.textContent()).toContain(entityName);
    const table = groupPage.locator('[data-testid="portfolio-entities"]');
    expect(await table.textContent()).toMatch(/Low|Moderate|High|Critical/);
    expect(await table.textContent()).toContain(code);

    const shots = process.env['E2E_SCREENSHOT_DIR'];
    for (const width of [1366, 390]) {
      await groupPage.setViewportSize({ width, height: 900 });
      for (const lang of ['en', 'de']) {
        await groupPage.evaluate((l) => localStorage.setItem('scs.lang', l), lang);
        await groupPage.reload();
        await groupPage.locator('[data-testid="portfolio-heatmap"]').waitFor();
        await groupPage
          .getByRole('heading', { name: lang === 'de' ? 'Gruppenportfolio' : 'Group portfolio', level: 1 })
          .waitFor();
        // The page never scrolls sideways; wide tables scroll inside themselves.
        const overflow = await groupPage.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        if (shots) {
          mkdirSync(shots, { recursive: true });
          await groupPage.screenshot({ path: join(shots, `portfolio-${lang}-${width}.png`), fullPage: true });
        }
      }
    }
    if (shots) {
      await entityPage.screenshot({ path: join(shots, 'portfolio-entity-en-1366.png'), fullPage: true });
    }
  }, 180_000);
});
