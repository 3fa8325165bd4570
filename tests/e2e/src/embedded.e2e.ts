import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './support/browser';
import { FIRM_PROFILE } from './support/firm';
import { startMailbox, waitForMail } from './support/mailbox';
import { startServer } from './support/server';

// The newcomer's first start: the production build with no DATABASE_URL runs on the embedded PostgreSQL in a fresh
// data folder. In the browser: register, confirm the address, answer a few questions (autosave), submit, generate
// the PDF and download it, sign out, sign in again. Then the process stops on SIGTERM and a new one on the same
// folder still has everything.

const FIRM = 'Erststart Präzisionsteile (Ningbo) Co., Ltd.';
const EMAIL = 'erststart@firm.example';
const PASSWORD = 'Korrekt-Pferd-Batterie-2026';

/** SIGTERM; resolves when the process has ended (Nest re-raises the signal after its shutdown hooks). */
async function stop(proc: ChildProcess): Promise<{ ended: boolean; ms: number }> {
  const started = Date.now();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  proc.kill('SIGTERM');
  const { code, signal } = await exited;
  return { ended: code === 0 || signal === 'SIGTERM', ms: Date.now() - started };
}

async function xsrfHeaders(context: BrowserContext): Promise<Record<string, string>> {
  const xsrf = (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
  return xsrf ? { 'x-xsrf-token': decodeURIComponent(xsrf) } : {};
}

describe('first start on the embedded database (no DATABASE_URL)', () => {
  let browser: Browser;
  let dataDir: string;
  let downloads: string;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  const env = () => ({ DATABASE_URL: '', EMBEDDED_DB_DIR: dataDir, SMTP_URL: mailbox.url, LOG_LEVEL: 'warn' });

  beforeAll(async () => {
    browser = await launch();
    dataDir = mkdtempSync(join(tmpdir(), 'scs-embedded-e2e-'));
    downloads = mkdtempSync(join(tmpdir(), 'scs-embedded-dl-'));
    mailbox = await startMailbox('embedded-mail');
  });
  afterAll(async () => {
    await browser.close();
    await mailbox.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  });

  const running: ChildProcess[] = [];
  afterEach(() => {
    // A failed step must not leave a server (and its PostgreSQL) behind.
    for (const proc of running) if (proc.exitCode === null) proc.kill('SIGTERM');
  });

  it('registers, autosaves, submits, renders and downloads the PDF, signs out and in; the data survives a restart', async () => {
    const first = await startServer(env());
    running.push(first.proc);
    const base = first.url;
    const health = (await (await fetch(`${base}/api/health`)).json()) as { details: { database: { engine: string } } };
    expect(health.details.database.engine).toBe('embedded-postgresql');

    const context = await browser.newContext({
      locale: 'en-GB',
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    await context.addInitScript(() => localStorage.setItem('scs.lang', 'en'));
    const page: Page = await context.newPage();
    let assessmentId: string;
    try {
      // Register and confirm the address from the mail.
      await page.goto(`${base}/register`);
      await page.getByLabel('Your name').fill('Erika Neumann');
      await page.getByLabel('Email').fill(EMAIL);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByLabel('Firm name (China entity)').fill(FIRM);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByTestId('check-mail').waitFor();
      const mail = await waitForMail(EMAIL, 20000, mailbox.file);
      const token = /\/verify-email\/([\w-]+)/.exec(mail.text)?.[1];
      expect(token).toBeDefined();
      await page.goto(`${base}/verify-email/${token}`);
      await page.waitForURL((u) => !u.pathname.startsWith('/verify-email'));

      // The firm profile through the API (the profile form has its own test), then a self-check in the browser.
      const me = (await (await context.request.get(`${base}/api/auth/me`)).json()) as {
        memberships: { orgId: string }[];
      };
      const orgId = me.memberships[0]?.orgId as string;
      const profile = await context.request.put(`${base}/api/orgs/${orgId}/profile`, {
        data: { ...FIRM_PROFILE, name: FIRM },
        headers: await xsrfHeaders(context),
      });
      expect(profile.status()).toBe(200);

      await page.goto(`${base}/assessments`);
      await page.getByRole('button', { name: 'Start your first self-check' }).click();
      await page.waitForURL(/\/assessments\/[0-9a-f-]+$/);
      assessmentId = /\/assessments\/([0-9a-f-]+)$/.exec(page.url())?.[1] as string;
      const questions = page.locator('scs-question fieldset');
      await questions.first().waitFor();
      for (let i = 0; i < Math.min(3, await questions.count()); i++)
        await questions.nth(i).locator('mat-radio-button label').first().click();
      await page.locator('[data-testid="save-state"]', { hasText: 'All answers saved' }).waitFor();

      // The rest through the API (20 answers in one batch), then submit in the browser.
      const open = await context.request.post(`${base}/api/assessments/${assessmentId}/submit`, {
        data: {},
        headers: await xsrfHeaders(context),
      });
      expect(open.status()).toBe(422);
      const { unanswered } = (await open.json()) as { unanswered: string[] };
      const catalogue = (await (await context.request.get(`${base}/api/catalogue`)).json()) as {
        questions: { id: string; options: { id: string }[] }[];
      };
      const firstOption = new Map(catalogue.questions.map((q) => [q.id, q.options[0]?.id]));
      const saved = await context.request.put(`${base}/api/assessments/${assessmentId}/answers`, {
        data: {
          answers: unanswered.map((questionId) => ({
            questionId,
            optionId: firstOption.get(questionId),
            baseRevision: 0,
          })),
        },
        headers: await xsrfHeaders(context),
      });
      expect(saved.status()).toBe(200);
      await page.goto(`${base}/assessments/${assessmentId}?step=review`);
      await page.getByText('Every applicable question is answered').waitFor();
      await page.getByRole('button', { name: 'Submit the self-check' }).click();
      await page.waitForURL(/\/result$/);

      // The PDF through the queue on the embedded database, downloaded and read.
      const panel = page.getByTestId('reports-panel');
      await panel.scrollIntoViewIfNeeded();
      await panel.getByRole('button', { name: 'Generate report' }).click();
      const button = panel.getByTestId('report-download');
      await button.waitFor({ timeout: 90_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      const file = join(downloads, 'report.pdf');
      await download.saveAs(file);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      expect(
        execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
      ).toContain('Erststart Präzisionsteile');

      // Sign out, sign in again: the submitted self-check is listed.
      await page.goto(`${base}/logout`);
      await page.waitForURL((u) => !u.pathname.startsWith('/logout'));
      await page.goto(`${base}/login`);
      await page.getByLabel('Email').fill(EMAIL);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto(`${base}/assessments`);
      await page.locator(`a[href*="${assessmentId}"]`).first().waitFor();
    } finally {
      await context.close();
    }

    // SIGTERM ends the process well within the shutdown deadline.
    const stopped = await stop(first.proc);
    expect(stopped.ended).toBe(true);
    expect(stopped.ms).toBeLessThan(25_000);
    // ... and its PostgreSQL shut down cleanly with it (a running server keeps postmaster.pid in the folder).
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);

    // A new process on the same folder has the account, the submitted self-check and the report.
    const second = await startServer(env());
    running.push(second.proc);
    try {
      const login = await fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const assessment = await fetch(`${second.url}/api/assessments/${assessmentId}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(assessment.status).toBe(200);
      expect(((await assessment.json()) as { status: string }).status).toBe('submitted');
      const reports = await fetch(`${second.url}/api/assessments/${assessmentId}/reports`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(((await reports.json()) as { status: string }[]).map((r) => r.status)).toEqual(['done']);
    } finally {
      expect((await stop(second.proc)).ended).toBe(true);
    }
  }, 300_000);
});
