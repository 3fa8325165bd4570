import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch } from './support/browser';
import { answeredAssessment, registerFirm } from './support/firm';

// In German: answer a record question (M6, market-supervision penalty) with a dated record through the wizard,
// submit, then read the credit-repair plan and the projected exposure chart on the result page.

/** 'YYYY-MM' n months before this one. */
function monthsAgo(n: number): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
}

describe('credit-repair plan in German: dated record → result page', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('scs.lang', 'de'));
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') console.log('browser console:', m.text());
    });
    page.on('pageerror', (e) => console.log('page error:', e.message));
  });
  afterAll(async () => {
    await context.close();
    await browser.close();
  });

  it('answers M6 with a dated record, submits, and shows the repair plan and the projected chart', async () => {
    const { orgId } = await registerFirm(context, 'Muster Repair (Suzhou) Co., Ltd.', 'repair-plan');
    // Every question answered through the API with its first option; M6 is then changed to a dated record in the wizard.
    const id = await answeredAssessment(context, orgId);

    await page.goto(`${baseUrl()}/assessments/${id}?step=market`);
    const m6 = page.locator('#q-M6');
    await m6.waitFor();
    await m6.locator('mat-radio-button', { hasText: 'datierte Einträge erfassen' }).locator('label').click();
    const row = m6.locator('[data-testid="record-row"]');
    await row.waitFor();
    expect(await m6.textContent()).toContain('Eintragsart');

    // A moderate penalty decided 8 months ago, still open.
    await row.locator('[data-testid="record-decided"]').fill(monthsAgo(8));
    await row.locator('[data-testid="record-tier"]').click();
    await page.getByRole('option', { name: 'Mittel' }).click();
    await row.locator('[data-testid="record-tier"]', { hasText: 'Mittel' }).waitFor();
    expect(await row.locator('[data-testid="record-status"]').textContent()).toContain('Offen');
    await page.locator('[data-testid="save-state"]', { hasText: 'Alle Antworten gespeichert' }).waitFor();

    // Review and submit.
    await page
      .getByRole('button', { name: /Prüfen und einreichen/ })
      .first()
      .click();
    await page.getByText('Alle anwendbaren Fragen sind beantwortet').waitFor();
    await page.getByRole('button', { name: 'Selbstcheck einreichen' }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]+\/result$/);
    await page.getByRole('heading', { level: 1, name: 'Ergebnis Ihres Selbstchecks' }).waitFor();

    // The credit-repair plan: the record with its dates, tier, channel, documents and processing times.
    const section = page.locator('[data-testid="repair-section"]');
    await section.getByRole('heading', { name: 'Plan zur Kreditwiederherstellung' }).waitFor();
    const item = section.locator('[data-testid="repair-item"]', { hasText: 'M6' });
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    for (const label of [
      'Entscheidungsdatum',
      'Stufe',
      'Mittel',
      'Frühester Antragstermin',
      'Automatisches Ende',
      'Antragsweg',
      'Unterlagen',
      'Bearbeitungszeiten',
    ])
      expect(text).toContain(label);

    // The projected exposure chart (deferred until scrolled into view).
    await section.getByRole('heading', { name: /Voraussichtliche Betroffenheit/ }).waitFor();
    await section.locator('[data-testid="projection-summary"]').scrollIntoViewIfNeeded();
    await section.locator('[data-testid="projection-chart"] svg').waitFor();
    expect(await section.locator('[data-testid="projection-summary"]').textContent()).toContain(
      'Gesamtbetroffenheit heute',
    );

    // One click turns the plan into dated actions; a second click creates none.
    const create = section.getByRole('button', { name: 'Maßnahmen aus dem Plan anlegen' });
    await create.click();
    await section.getByText(/Angelegte Maßnahmen: 1 · bereits im Maßnahmenplan: 0/).waitFor();
    await create.click();
    await section.getByText(/Angelegte Maßnahmen: 0 · bereits im Maßnahmenplan: 1/).waitFor();
  }, 180_000);
});
