import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch } from './support/browser';
import {
  adminCli,
  apiCall,
  axeViolations,
  invitationToken,
  PASSWORD,
  registerFirmWithProfile,
  submittedAssessment,
} from './support/a11y';
import { confirmEmail } from './support/confirm';

// axe-core on every main page, in the state a user sees it (data loaded, charts drawn): no serious or critical
// violations. Contexts bypass CSP only because axe is injected as an inline script, which the CSP rightly blocks.

describe('accessibility (axe-core) of every main page', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let anonymous: BrowserContext;
  let firm: BrowserContext;
  let chamber: BrowserContext;
  let researcher: BrowserContext;
  let draftId: string;
  let resultId: string;
  let chamberId: string;
  const stamp = Date.now();

  async function context(locale = 'en-GB'): Promise<BrowserContext> {
    const c = await browser.newContext({ bypassCSP: true, locale, viewport: { width: 1280, height: 900 } });
    contexts.push(c);
    return c;
  }

  /** Opens `path`, waits until `ready` says the page shows its content, and returns axe's serious/critical findings. */
  async function audit(c: BrowserContext, path: string, ready: (page: Page) => Promise<unknown>): Promise<unknown[]> {
    const page = await c.newPage();
    try {
      await page.goto(baseUrl() + path);
      await ready(page);
      return await axeViolations(page);
    } finally {
      await page.close();
    }
  }

  beforeAll(async () => {
    browser = await launch();
    anonymous = await context();

    firm = await context();
    const orgId = await registerFirmWithProfile(firm, `a11y-officer-${stamp}@musterwerk.example`);
    resultId = await submittedAssessment(firm, orgId);
    const draft = await apiCall<{ id: string }>(firm, 'POST', `/api/orgs/${orgId}/assessments`, {});
    expect(draft.status).toBe(201);
    draftId = draft.body.id;

    chamber = await context();
    const chamberAdmin = `a11y-chamber-${stamp}@ahk.example`;
    const chamberToken = invitationToken(
      adminCli(['create-chamber', '--name', `AHK A11y ${stamp}`, '--admin-email', chamberAdmin]),
    );
    expect(
      (
        await apiCall(chamber, 'POST', '/api/auth/register', {
          email: chamberAdmin,
          password: PASSWORD,
          name: 'Katrin Vogel',
          invitationToken: chamberToken,
        })
      ).status,
    ).toBe(202);
    await confirmEmail(chamber, chamberAdmin);
    const me = await apiCall<{ memberships: { orgId: string; kind: string }[] }>(chamber, 'GET', '/api/auth/me');
    chamberId = me.body.memberships.find((m) => m.kind === 'chamber')?.orgId as string;
    expect(chamberId).toBeTruthy();

    researcher = await context();
    const researcherEmail = `a11y-researcher-${stamp}@uni.example`;
    const researchToken = invitationToken(
      adminCli(['create-research-team', '--name', `A11y Research ${stamp}`, '--owner-email', researcherEmail]),
    );
    expect(
      (
        await apiCall(researcher, 'POST', '/api/auth/register', {
          email: researcherEmail,
          password: PASSWORD,
          name: 'Dr. Mei Chen',
          invitationToken: researchToken,
        })
      ).status,
    ).toBe(202);
    await confirmEmail(researcher, researcherEmail);
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('finds a planted violation (the audit itself works under the CSP bypass)', async () => {
    const found = await audit(anonymous, '/login', async (p) => {
      await p.getByRole('button', { name: 'Sign in' }).waitFor();
      await p.evaluate(() =>
        document
          .querySelector('main')
          ?.insertAdjacentHTML('beforeend', '<img src="data:," /><button type="button"></button>'),
      );
    });
    expect((found as { id: string }[]).map((f) => f.id).sort()).toEqual(['button-name', 'image-alt']);
  });

  it('start page', async () => {
    expect(await audit(anonymous, '/', (p) => p.getByRole('heading', { level: 1 }).waitFor())).toEqual([]);
  });

  it('login page, in English and German', async () => {
    expect(await audit(anonymous, '/login', (p) => p.getByRole('button', { name: 'Sign in' }).waitFor())).toEqual([]);
    const german = await context('de-DE');
    await german.addInitScript(() => localStorage.setItem('scs.lang', 'de'));
    expect(await audit(german, '/login', (p) => p.getByRole('button', { name: 'Anmelden' }).waitFor())).toEqual([]);
  });

  it('login page showing a failed sign-in', async () => {
    expect(
      await audit(anonymous, '/login', async (p) => {
        await p.getByLabel('Email').fill('nobody@firm.example');
        await p.getByLabel('Password').fill('wrong password 123');
        await p.getByRole('button', { name: 'Sign in' }).click();
        await p.getByRole('alert').first().waitFor();
      }),
    ).toEqual([]);
  });

  it('register page, including its field errors', async () => {
    expect(
      await audit(anonymous, '/register', async (p) => {
        await p.getByRole('button', { name: /Create account|Register/ }).waitFor();
        await p.getByRole('button', { name: /Create account|Register/ }).click(); // empty form: every field shows its error
        await p.locator('mat-error').first().waitFor();
        // The errors fade in: audit their final colours, not a frame of the transition.
        await p.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      }),
    ).toEqual([]);
  });

  it('password reset request page', async () => {
    expect(await audit(anonymous, '/reset-password', (p) => p.getByRole('heading', { level: 1 }).waitFor())).toEqual(
      [],
    );
  });

  it('catalogue page (what we assess)', async () => {
    expect(await audit(anonymous, '/catalogue', (p) => p.locator('[id^="dim-"]').first().waitFor())).toEqual([]);
  });

  it('assessment list', async () => {
    expect(
      await audit(firm, '/assessments', (p) => p.locator('[data-testid="assessment-row"]').first().waitFor()),
    ).toEqual([]);
  });

  it('wizard: first step with its questions and the live preview', async () => {
    expect(
      await audit(firm, `/assessments/${draftId}`, async (p) => {
        await p.locator('#step-heading').waitFor();
        await p.locator('scs-question fieldset').first().waitFor();
        await p.locator('[data-testid="live-score"]').waitFor();
      }),
    ).toEqual([]);
  });

  it('wizard: review step listing the open questions', async () => {
    expect(
      await audit(firm, `/assessments/${draftId}`, async (p) => {
        await p.locator('#step-heading').waitFor();
        await p.locator('nav.steps button.step.review').click();
        await p.locator('[data-testid="missing"]').waitFor();
      }),
    ).toEqual([]);
  });

  it('result page with findings and the dimension chart', async () => {
    expect(
      await audit(firm, `/assessments/${resultId}/result`, async (p) => {
        await p.locator('[data-testid="result-overall"]').waitFor();
        await p.locator('#dims-h').scrollIntoViewIfNeeded();
        await p.locator('[data-testid="dimension-chart"] svg').waitFor();
      }),
    ).toEqual([]);
  });

  it('action plan', async () => {
    expect(await audit(firm, '/actions', (p) => p.getByRole('heading', { level: 1 }).waitFor())).toEqual([]);
  });

  it('firm profile', async () => {
    expect(await audit(firm, '/firm/profile', (p) => p.locator('form').first().waitFor())).toEqual([]);
  });

  it('chamber: campaign list, new campaign form and the campaign page with its funnel', async () => {
    expect(await audit(chamber, '/chamber', (p) => p.getByRole('heading', { level: 1 }).waitFor())).toEqual([]);
    const page = await chamber.newPage();
    try {
      await page.goto(baseUrl() + '/chamber/campaigns/new');
      await page.getByRole('heading', { name: 'New campaign' }).waitFor();
      await page.waitForFunction(
        () => (document.querySelector('[data-testid="title"]') as HTMLInputElement | null)?.value !== '',
      );
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('title').fill(`Selbstcheck A11y ${stamp}`);
      await page.getByRole('button', { name: 'Create campaign' }).click();
      await page.waitForURL(/\/chamber\/campaigns\/[0-9a-f-]+$/);
      const campaignId = page.url().split('/').pop() as string;
      const invited = await apiCall(chamber, 'POST', `/api/orgs/${chamberId}/campaigns/${campaignId}/invitations`, {
        addresses: `eins-${stamp}@firma.example\nzwei-${stamp}@firma.example`,
      });
      expect(invited.status).toBe(200);
      await page.reload();
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="funnel"] tr[data-stage="invited"] td.num')?.textContent?.trim() === '2',
      );
      await page.locator('scs-funnel-chart svg').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('researcher dashboard', async () => {
    expect(
      await audit(researcher, '/research', async (p) => {
        await p.getByRole('heading', { name: 'Research dashboard' }).waitFor();
        // With records the dashboard shows a table and its chart; on a database without any, its empty state.
        await p.locator('[data-testid="research-table"], [data-testid="empty"]').first().waitFor();
      }),
    ).toEqual([]);
  });
});
