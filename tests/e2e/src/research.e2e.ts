import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch, seriousA11yViolations } from './support/browser';
import { ROOT } from './support/server';
import { confirmEmail } from './support/confirm';

// A researcher opens the research dashboard: the dataset summary, two predefined tables with their suppression marks
// (records seeded with the synthetic-data tool, so some groups are below k), and the CSV and codebook downloads.

const PASSWORD = 'Korrekt-Pferd-Batterie-2026';

function cli(args: string[], env: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: process.env['E2E_DATABASE_URL'],
      PUBLIC_URL: baseUrl(),
      LOG_LEVEL: 'warn',
      ...env,
    },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/** Creates the research team with the admin CLI (as an operator would) and returns the researcher's invitation token. */
function createResearchTeam(name: string, email: string): string {
  const out = cli([join(ROOT, 'dist/apps/api/cli.js'), 'create-research-team', '--name', name, '--owner-email', email]);
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(out)?.[1];
  if (!token) throw new Error(`create-research-team printed no invitation link: ${out}`);
  return token;
}

/** Synthetic research records for the two closed waves before this one (tools/db/research-synth.ts, as in docs/privacy.md). */
function seedRecords(): void {
  cli([
    join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
    '--tsconfig',
    'tsconfig.base.json',
    'tools/db/research-synth.ts',
    '--firms',
    '150',
    '--waves',
    '2',
    '--seed',
    '7',
  ]);
}

async function api<T>(
  context: BrowserContext,
  method: 'GET' | 'POST',
  path: string,
  data?: unknown,
): Promise<{ status: number; body: T }> {
  const xsrf = (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
  const res = await context.request.fetch(baseUrl() + path, {
    method,
    data,
    headers: xsrf ? { 'x-xsrf-token': decodeURIComponent(xsrf) } : {},
  });
  const text = await res.text();
  return { status: res.status(), body: (text ? JSON.parse(text) : undefined) as T };
}

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('research dashboard in the browser: summary, tables with suppression marks, downloads', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let orgId: string;
  const stamp = Date.now();

  beforeAll(async () => {
    browser = await launch();
    seedRecords();
    context = await browser.newContext({
      locale: 'en-GB',
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    const email = `researcher-${stamp}@uni.example`;
    const token = createResearchTeam(`Uni Research ${stamp}`, email);
    const reg = await api(context, 'POST', '/api/auth/register', {
      email,
      password: PASSWORD,
      name: 'Dr. Mei Chen',
      invitationToken: token,
    });
    expect(reg.status).toBe(202);
    await confirmEmail(context, email);
    const me = await api<{ memberships: { orgId: string; kind: string }[] }>(context, 'GET', '/api/auth/me');
    orgId = me.body.memberships.find((m) => m.kind === 'research')?.orgId as string;
    expect(orgId).toBeTruthy();
    // The first summary computes the seeded waves' aggregates (the API would also do it in the background).
    expect((await api(context, 'GET', `/api/research/${orgId}/summary`)).status).toBe(200);
    page = await context.newPage();
  });
  afterAll(async () => {
    await page?.close();
    await context?.close();
    await browser?.close();
  });

  it('shows the dataset summary and a first table with suppression marks and the legend', async () => {
    await page.goto(baseUrl() + '/research');
    await page.getByRole('heading', { name: 'Research dashboard' }).waitFor();
    expect(Number(await page.getByTestId('summary-firms').textContent())).toBeGreaterThanOrEqual(100);
    expect((await page.getByTestId('summary-waves').textContent())?.trim()).toBe('2');
    const table = page.locator('[data-testid="research-table"][data-table="level-by-sector"]');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(2);
    expect(await table.locator('td[data-status="value"]').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('legend').textContent()).resolves.toContain('at least k = 10 firms');
    await page.locator('scs-research-table-chart svg').first().waitFor();
  });

  it('opens a second table (means by size) and shows its suppression marks', async () => {
    await page.getByTestId('table-select').selectOption('means-by-size');
    const table = page.locator('[data-testid="research-table"][data-table="means-by-size"]');
    await table.waitFor();
    const marks = await page
      .locator(
        '[data-testid="research-table"] td[data-status="suppressed"], [data-testid="research-table"] td[data-status="lt3"]',
      )
      .allTextContents();
    const values = await table.locator('td[data-status="value"]').count();
    expect(values).toBeGreaterThan(0);
    // The seeded data has small size bands: they show "." instead of their means.
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.trim() === '.' || m.trim() === '<3')).toBe(true);
    // Each published mean shows the firms behind it and its spread.
    expect(await table.locator('td[data-status="value"] [data-testid="spread"]').count()).toBeGreaterThan(0);
    await expect(table.locator('[data-testid="spread"]').first().textContent()).resolves.toMatch(/^n = \d+/);
    await page.locator('scs-research-table-chart svg').first().waitFor();
  });

  it('downloads the table as CSV and the codebook (JSON and DDI XML)', async () => {
    const csv = await download(page, 'download-csv');
    expect(csv.name).toMatch(/^means-by-size_.*\.csv$/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^row,label,n,Overall,D1 Tax,/);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.some((l) => l.split(',').includes('.'))).toBe(true); // the suppression marks travel with the CSV

    const json = await download(page, 'download-codebook-json');
    expect(json.name).toBe('codebook.json');
    const codebook = JSON.parse(json.text) as { variables: { name: string }[] };
    expect(codebook.variables.map((v) => v.name).slice(0, 3)).toEqual(['firm', 'wave', 'catalogue_version']);

    const ddi = await download(page, 'download-codebook-ddi');
    expect(ddi.text).toContain('<codeBook xmlns="ddi:codebook:2_6"');

    const micro = await download(page, 'download-microdata');
    expect(micro.text.split('\r\n')[0]).toMatch(/^firm,wave,catalogue_version,/);
  });

  it('shows the dashboard in German', async () => {
    await page.locator('mat-button-toggle[data-lang="de"] button').click();
    await page.getByRole('heading', { name: 'Forschungs-Dashboard' }).waitFor();
    await expect(page.getByTestId('legend').textContent()).resolves.toContain('mindestens k = 10 Unternehmen');
    // Means and their spread with the German decimal comma.
    const sd = page.locator('[data-table="means-by-size"] [data-testid="spread"] .sd').first();
    await expect(sd.textContent()).resolves.toMatch(/SD \d+,\d/);
    await expect(
      page.locator('[data-table="means-by-size"] [data-testid="spread"] .ci').first().textContent(),
    ).resolves.toMatch(/95-%-KI \d+,\d–\d+,\d/);
    await page.locator('mat-button-toggle[data-lang="en"] button').click();
    await page.getByRole('heading', { name: 'Research dashboard' }).waitFor();
  });

  it('has no serious accessibility violations on the dashboard', async () => {
    // axe is injected inline, which our CSP blocks: this page bypasses CSP for the audit only.
    const axeContext = await browser.newContext({
      bypassCSP: true,
      storageState: await context.storageState(),
      locale: 'en-GB',
    });
    const axePage = await axeContext.newPage();
    try {
      await axePage.goto(baseUrl() + '/research');
      await axePage.locator('[data-testid="research-table"]').waitFor();
      await axePage.locator('scs-research-table-chart svg').first().waitFor();
      expect(await seriousA11yViolations(axePage)).toEqual([]);
      const shots = process.env['E2E_SCREENSHOT_DIR'];
      if (shots) {
        await axePage.screenshot({ path: join(shots, 'research-dashboard.png'), fullPage: true });
        // Opt-in (E2E_SCREENSHOT_DIR): the dashboard, with its microdata choice, per language at desktop and phone width.
        for (const width of [1366, 390]) {
          await axePage.setViewportSize({ width, height: 900 });
          for (const lang of ['en', 'de']) {
            await axePage.locator(`mat-button-toggle[data-lang="${lang}"] button`).click();
            await axePage.waitForTimeout(300);
            await axePage.screenshot({ path: join(shots, `research-${lang}-${width}.png`), fullPage: true });
          }
        }
      }
    } finally {
      await axePage.close();
      await axeContext.close();
    }
  });

  it('tells a firm user that the dashboard is for researchers only', async () => {
    const firm = await browser.newContext({ locale: 'en-GB' });
    try {
      const reg = await api(firm, 'POST', '/api/auth/register', {
        email: `firm-${stamp}@firm.example`,
        password: PASSWORD,
        name: 'Li Wei',
        firmName: 'E2E Firm Co., Ltd.',
      });
      expect(reg.status).toBe(202);
      await confirmEmail(firm, `firm-${stamp}@firm.example`);
      const p = await firm.newPage();
      await p.goto(baseUrl() + '/research');
      await p.getByText('For researchers only').waitFor();
      expect(await p.locator('[data-testid="research-table"]').count()).toBe(0);
    } finally {
      await firm.close();
    }
  });
});
