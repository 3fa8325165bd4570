import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SMALL_FIRM_PROFILE } from '@scs/shared/testing';
import { baseUrl, launch, seriousA11yViolations } from './support/browser';
import { ROOT } from './support/server';
import { confirmEmail } from './support/confirm';

// A chamber admin runs a campaign in the browser: creates it, uploads a CSV with good and bad rows, sees the rejected
// rows, and watches the funnel move when a member firm (set up through the API) registers through its link, shares its
// participation status and submits the self-check; then distributes branded reports to the members and watches the
// progress bar complete.

const PASSWORD = 'Korrekt-Pferd-Batterie-2026';
const PROFILE = {
  name: 'Suzhou Präzisionsteile Co., Ltd.',
  ...SMALL_FIRM_PROFILE,
  importsExports: true,
  pollutantPermit: 'yes',
  largeEnterpriseBuyer: true,
};

/** JSON API call in a browser context's cookie session (with the XSRF header the web app would send). */
async function api<T>(
  context: BrowserContext,
  method: 'GET' | 'POST' | 'PUT',
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

/** Creates a chamber with the admin CLI (as an operator would) and returns the invitation token of its admin. */
function createChamber(name: string, adminEmail: string): string {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'dist/apps/api/cli.js'), 'create-chamber', '--name', name, '--admin-email', adminEmail],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: process.env['E2E_DATABASE_URL'], PUBLIC_URL: baseUrl(), LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    },
  );
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(run.stdout)?.[1];
  if (run.status !== 0 || !token)
    throw new Error(`create-chamber failed (${run.status}): ${run.stdout}\n${run.stderr}`);
  return token;
}

/** The token of the newest invitation mailed to `email` (the e2e server has no SMTP: mails stay in the outbox). */
async function mailedToken(email: string): Promise<string> {
  const db = new Client({ connectionString: process.env['E2E_DATABASE_URL'] });
  await db.connect();
  try {
    const rows = await db.query<{ text: string }>(
      `SELECT "text" FROM "mail_outbox" WHERE "to" = $1 ORDER BY "created_at" DESC LIMIT 1`,
      [email],
    );
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(rows.rows[0]?.text ?? '')?.[1];
    if (!token) throw new Error(`no invitation mailed to ${email}`);
    return token;
  } finally {
    await db.end();
  }
}

/** A firm registers through its campaign link, fills its profile, shares its participation status and submits the self-check. */
async function firmTakesPart(browser: Browser, email: string): Promise<void> {
  const context = await browser.newContext();
  try {
    const reg = await api(context, 'POST', '/api/auth/register', {
      email,
      password: PASSWORD,
      name: 'Li Wei',
      firmName: PROFILE.name,
      invitationToken: await mailedToken(email),
    });
    expect(reg.status).toBe(202);
    const firmId = (await confirmEmail(context, email)).orgId;
    expect((await api(context, 'PUT', `/api/orgs/${firmId}/profile`, PROFILE)).status).toBe(200);
    const texts = await api<{ kind: string; version: number }[]>(context, 'GET', '/api/consent-texts');
    const version = texts.body.find((x) => x.kind === 'chamber_participation')?.version;
    expect(
      (
        await api(context, 'PUT', `/api/orgs/${firmId}/consents`, {
          kind: 'chamber_participation',
          granted: true,
          textVersion: version,
        })
      ).status,
    ).toBe(200);

    const started = await api<{ id: string }>(context, 'POST', `/api/orgs/${firmId}/assessments`, {});
    expect(started.status).toBe(201);
    const id = started.body.id;
    const open = await api<{ unanswered: string[] }>(context, 'POST', `/api/assessments/${id}/submit`, {});
    const catalogue = await api<{ questions: { id: string; options: { id: string }[] }[] }>(
      context,
      'GET',
      '/api/catalogue',
    );
    const answers = open.body.unanswered.map((questionId) => ({
      questionId,
      optionId: catalogue.body.questions.find((q) => q.id === questionId)!.options[0].id,
      baseRevision: 0,
    }));
    expect((await api(context, 'PUT', `/api/assessments/${id}/answers`, { answers })).status).toBe(200);
    expect((await api(context, 'POST', `/api/assessments/${id}/submit`, {})).status).toBe(200);
  } finally {
    await context.close();
  }
}

async function funnel(page: Page, stage: string): Promise<string> {
  return ((await page.locator(`[data-testid="funnel"] tr[data-stage="${stage}"] td.num`).textContent()) ?? '').trim();
}

describe('chamber campaign in the browser: create, CSV upload with rejected rows, funnel after a firm submits, batch distribution', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const stamp = Date.now();
  const member = `compliance-${stamp}@praezision.example`;

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ locale: 'en-GB' });
    const adminEmail = `campaigns-${stamp}@ahk.example`;
    const token = createChamber(`AHK E2E ${stamp}`, adminEmail);
    const reg = await api(context, 'POST', '/api/auth/register', {
      email: adminEmail,
      password: PASSWORD,
      name: 'Katrin Vogel',
      invitationToken: token,
    });
    expect(reg.status).toBe(202);
    await confirmEmail(context, adminEmail);
    page = await context.newPage();
  });
  afterAll(async () => {
    await page?.close();
    await context?.close();
    await browser?.close();
  });

  it('creates a campaign from the empty dashboard', async () => {
    await page.goto(baseUrl() + '/chamber');
    await page.getByRole('heading', { name: 'No campaigns yet' }).waitFor();
    await page.getByRole('link', { name: 'New campaign' }).first().click();
    await page.getByRole('heading', { name: 'New campaign' }).waitFor();
    const title = page.getByTestId('title');
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="title"]') as HTMLInputElement | null)?.value !== '',
    );
    expect(await title.inputValue()).toMatch(/^SCS self-check \d{4}$/); // suggested, editable
    await title.fill('Selbstcheck Herbst');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.waitForURL(/\/chamber\/campaigns\/[0-9a-f-]+$/);
    expect(await page.getByTestId('campaign-title').textContent()).toBe('Selbstcheck Herbst');
    expect(((await page.getByTestId('campaign-status').textContent()) ?? '').trim()).toBe('Open');
  });

  it('uploads a CSV with good and bad rows and lists the rejected rows with line and reason', async () => {
    await page.getByTestId('mode-upload').click();
    const csv = [
      'Firma;E-Mail',
      `Präzisionsteile;${member}`,
      'Kaputt GmbH;kaputt(at)firma.example',
      'Zweite AG;info@zweite-ag.example',
      `Doppelt;${member.toUpperCase()}`,
      'Ohne Domain;jemand@localhost',
    ].join('\r\n');
    await page
      .getByTestId('csv-file')
      .setInputFiles({ name: 'mitglieder.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByText('mitglieder.csv').waitFor();
    await page.getByTestId('preview-invitations').click(); // preview first: nothing is sent yet
    await page.getByTestId('invite-preview').waitFor();
    expect(await page.locator('[data-testid="preview-rows"] tbody tr').count()).toBe(2);
    await page.getByTestId('send-invitations').click();
    const result = page.getByTestId('invite-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/2 invited.*1 duplicate merged.*2 rejected/);
    const rows = page.locator('[data-testid="rejected"] tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual([
      '3',
      'kaputt(at)firma.example',
      'Not an email address',
    ]);
    expect(await rows.nth(1).locator('td').allTextContents()).toEqual([
      '6',
      'jemand@localhost',
      'The domain has no dot (e.g. example.com)',
    ]);
    // The page refreshes its numbers after the import.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="funnel"] tr[data-stage="invited"] td.num')?.textContent?.trim() === '2',
    );
    await page.locator('scs-funnel-chart svg').first().waitFor(); // echarts loaded lazily
  });

  it('shows the funnel move after a member firm registers through its link and submits', async () => {
    expect(await funnel(page, 'submitted')).toBe('0');
    await page.getByText('No firm has joined yet').waitFor();
    await firmTakesPart(browser, member);
    await page.getByTestId('refresh').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="funnel"] tr[data-stage="submitted"] td.num')?.textContent?.trim() === '1',
    );
    expect([
      await funnel(page, 'invited'),
      await funnel(page, 'opened'),
      await funnel(page, 'joined'),
      await funnel(page, 'started'),
    ]).toEqual(['2', '1', '1', '1']);
    const firm = page.locator('[data-testid="firms"] tbody tr');
    expect(await firm.locator('td').allInnerTexts()).toEqual([PROFILE.name, expect.any(String), 'Submitted']);
  });

  it('lists each invited address with its status and withdraws a link', async () => {
    const list = page.locator('[data-testid="invitations"]');
    await list.locator(`tr[data-email="${member}"]`).waitFor();
    const status = (email: string) =>
      list.locator(`tr[data-email="${email}"] [data-testid="invitation-status"]`).textContent();
    expect((await status(member))?.trim()).toBe('Joined');
    expect((await status('info@zweite-ag.example'))?.trim()).toBe('Sent');
    expect(await page.getByTestId('mail-warning').count()).toBe(0); // this server sends mail
    await list.locator('tr[data-email="info@zweite-ag.example"] [data-testid="revoke"]').click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('tr[data-email="info@zweite-ag.example"] [data-testid="invitation-status"]')
          ?.textContent?.trim() === 'Withdrawn',
    );
    expect(await page.getByTestId('export-csv').getAttribute('href')).toMatch(/\/export\?locale=en$/);
  });

  it('starts the batch distribution of branded reports and sees the progress bar complete', async () => {
    const panel = page.locator('scs-distribution-panel');
    await panel.getByText('No reports have been distributed in this campaign yet.').waitFor();
    await page.getByTestId('distribute').click();
    await page.getByTestId('distribution-bar').waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="distribution-counts"]')?.getAttribute('data-finished') === 'true',
      undefined,
      { timeout: 60_000 },
    );
    expect([
      await page.getByTestId('distribution-done').textContent(),
      await page.getByTestId('distribution-total').textContent(),
      await page.getByTestId('distribution-failed').textContent(),
    ]).toEqual(['1', '1', '0']);
    expect(await page.locator('[data-testid="distribution-bar"]').getAttribute('aria-valuenow')).toBe('100');
    await panel.getByText('All members are done.').waitFor();
    // The report went into the firm's own list, prepared by the chamber; the chamber itself has no route to it.
    const db = new Client({ connectionString: process.env['E2E_DATABASE_URL'] });
    await db.connect();
    try {
      const rows = await db.query<{ firm: string; status: string; chamber: string }>(
        `SELECT o."name" AS "firm", r."status", c."name" AS "chamber" FROM "report" r JOIN "organisation" o ON o."id" = r."org_id" JOIN "organisation" c ON c."id" = r."prepared_by"
          WHERE c."name" = $1`,
        [`AHK E2E ${stamp}`],
      );
      expect(rows.rows).toEqual([{ firm: PROFILE.name, status: 'done', chamber: `AHK E2E ${stamp}` }]);
    } finally {
      await db.end();
    }
  });

  it('shows the campaign in German and has no serious accessibility violations', async () => {
    const url = page.url();
    const audit = await context.newPage();
    try {
      await audit.goto(url);
      await audit.locator('[data-lang="de"] button').click();
      await audit.getByRole('heading', { name: 'Fortschritt' }).waitFor();
      // The firm list loads after the heading: wait for the submitted firm's German status.
      await audit.getByText('Abgeschlossen', { exact: true }).first().waitFor();
      expect(await audit.getByText('Abgeschlossen', { exact: true }).count()).toBeGreaterThan(0);
    } finally {
      await audit.close();
    }
    // axe is injected inline, which our CSP blocks: this page bypasses CSP for the audit only.
    const axeContext = await browser.newContext({ bypassCSP: true, storageState: await context.storageState() });
    const axePage = await axeContext.newPage();
    try {
      await axePage.goto(url);
      await axePage.locator('[data-testid="funnel"]').waitFor();
      await axePage.locator('scs-funnel-chart svg').first().waitFor();
      expect(await seriousA11yViolations(axePage)).toEqual([]);
    } finally {
      await axePage.close();
      await axeContext.close();
    }
  });
});
