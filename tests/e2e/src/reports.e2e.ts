import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch, seriousA11yViolations } from './support/browser';
import { answeredAssessment, api, registerFirm } from './support/firm';

// A firm submits its self-check, asks for the PDF report in German on the result page, follows the progress,
// downloads the file (its text holds the firm name) and finds it in the list with the file's SHA-256.

const FIRM = 'Reportwerk Anlagenbau GmbH';

describe('PDF report from the result page', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    browser = await launch();
    // axe is injected as an inline script, which the CSP rightly blocks: this context bypasses CSP for the audit only.
    context = await browser.newContext({
      locale: 'en-GB',
      acceptDownloads: true,
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    await context.addInitScript(() => localStorage.setItem('scs.lang', 'en'));
    page = await context.newPage();
    dir = mkdtempSync(join(tmpdir(), 'scs-report-e2e-'));
  });
  afterAll(async () => {
    await context.close();
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates, shows the progress, downloads the PDF and lists it with its SHA-256', async () => {
    const { orgId } = await registerFirm(context, FIRM, 'reports');
    const id = await answeredAssessment(context, orgId);

    // Submit in the browser: the sharing question stays at its default (no).
    await page.goto(`${baseUrl()}/assessments/${id}?step=review`);
    await page.getByText('Every applicable question is answered').waitFor();
    await page.getByRole('radio', { name: 'No, do not share' }).waitFor();
    expect(await page.getByRole('radio', { name: 'No, do not share' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Submit the self-check' }).click();
    await page.waitForURL(/\/result$/);

    const panel = page.getByTestId('reports-panel');
    await panel.scrollIntoViewIfNeeded();
    await panel.getByTestId('reports-empty').waitFor();
    await panel
      .getByRole('radio', { name: 'Deutsch' })
      .or(panel.getByRole('button', { name: 'Deutsch' }))
      .first()
      .click();
    await panel.getByRole('button', { name: 'Generate report' }).click();

    // The request answers "queued"; the panel shows it until the worker finishes, then the download button.
    const current = panel.getByTestId('report-current');
    await current.waitFor();
    expect(await current.getAttribute('class')).toMatch(/status-(queued|rendering)/);
    expect(await current.textContent()).toMatch(/Waiting in the queue|Creating the PDF/);
    const button = panel.getByTestId('report-download');
    await button.waitFor({ timeout: 60_000 });
    expect(await current.textContent()).toContain('Deutsch');

    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = join(dir, 'report.pdf');
    await download.saveAs(file);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(FIRM);

    // The list shows the same file: language, pages, the SHA-256 of exactly these bytes (shortened, full value on the element).
    const sha = createHash('sha256').update(pdf).digest('hex');
    const row = panel.getByTestId('report-row').first();
    expect(await row.getAttribute('data-status')).toBe('done');
    expect(await row.textContent()).toContain('Deutsch');
    const code = row.locator('code');
    expect(await code.getAttribute('data-sha256')).toBe(sha);
    expect(await code.textContent()).toContain(sha.slice(0, 12));

    // The API agrees (and the report is the German one asked for).
    const reportId = (await row.getAttribute('data-report-id')) as string;
    const status = await api<{ locale: string; sha256: string; pages: number }>(
      context,
      'GET',
      `/api/reports/${reportId}`,
    );
    expect(status.body).toMatchObject({ locale: 'de', sha256: sha });
    expect(await row.textContent()).toContain(String(status.body.pages));

    // After a reload the report is still listed, and the page passes the accessibility audit.
    await page.reload();
    await page.getByTestId('report-row').first().waitFor();
    expect(await page.getByTestId('reports-empty').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 180_000);
});
