import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch } from './support/browser';
import { PASSWORD, adminCli, invitationToken } from './support/a11y';
import { confirmEmail } from './support/confirm';
import { answeredAssessment, api, registerFirm, submitAssessment } from './support/firm';

// A phone (390 px, the width of a current iPhone) in German and English: no main page may be wider than the screen,
// signed out or signed in as a firm; the top bar keeps the language switch and sign-in visible in one row; the
// register form flags a name over the limit while typing; "Jump to the first open question" lands on the question.

const WIDTH = 390;
const FIRM = 'Musterwerk Präzisionsteile und Sondermaschinenbau (Taicang) Co., Ltd.';
const LONG_TITLE = 'Steuerkreditstufe-im-Portal-der-Steuerverwaltung-pruefen-und-Nachweis-senden-' + 'x'.repeat(80);

async function phone(browser: Browser, lang: 'de' | 'en'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 844 }, deviceScaleFactor: 1 });
  await context.addInitScript((l) => localStorage.setItem('scs.lang', l), lang);
  return context;
}

/** Opens a page, waits until it has rendered its heading and settled, and returns how wide the document is. */
async function widthOf(page: Page, path: string): Promise<{ path: string; scrollWidth: number; innerWidth: number }> {
  await page.goto(baseUrl() + path, { waitUntil: 'networkidle' });
  await page.locator('h1').first().waitFor();
  await page.waitForTimeout(300); // deferred charts render after the data
  const m = await page.evaluate(() => ({
    scrollWidth: (document.scrollingElement ?? document.documentElement).scrollWidth,
    innerWidth: window.innerWidth,
  }));
  return { path, ...m };
}

describe(`phone layout (${WIDTH} px) in Chromium`, () => {
  let browser: Browser;
  let firm: { orgId: string; email: string };
  let submitted: string;
  let earlier: string;
  let draft: string;
  let setup: BrowserContext;

  beforeAll(async () => {
    browser = await launch();
    setup = await browser.newContext();
    firm = await registerFirm(setup, FIRM, 'mobile');
    earlier = await answeredAssessment(setup, firm.orgId);
    await submitAssessment(setup, earlier);
    submitted = await answeredAssessment(setup, firm.orgId);
    await submitAssessment(setup, submitted);
    // A requested report puts the reports table (with a visually hidden column heading) on the result page.
    expect((await api(setup, 'POST', `/api/assessments/${submitted}/reports`, { locale: 'de' })).status).toBe(202);
    const started = await api<{ id: string; catalogueVersion: string }>(
      setup,
      'POST',
      `/api/orgs/${firm.orgId}/assessments`,
      {},
    );
    draft = started.body.id;
    // The first three questions answered: the first open one is far down the first step, not at the top of the page.
    const catalogue = await api<{ questions: { id: string; options: { id: string }[] }[] }>(
      setup,
      'GET',
      `/api/catalogue/${started.body.catalogueVersion}`,
    );
    const answers = catalogue.body.questions
      .slice(0, 3)
      .map((q) => ({ questionId: q.id, optionId: q.options[0].id, baseRevision: 0 }));
    expect((await api(setup, 'PUT', `/api/assessments/${draft}/answers`, { answers })).status).toBe(200);
    const action = await api(setup, 'POST', `/api/orgs/${firm.orgId}/actions`, { title: LONG_TITLE });
    expect(action.status).toBe(201);
  });
  afterAll(async () => {
    await setup.close();
    await browser.close();
  });

  const signedOut = ['/', '/catalogue', '/login', '/register', '/reset-password', '/no/such/page'];
  const signedIn = () => [
    '/',
    '/assessments',
    `/assessments/${draft}`,
    `/assessments/${draft}?step=review`,
    `/assessments/${submitted}/result`,
    `/assessments/${submitted}/compare/${earlier}`,
    `/assessments/${earlier}`,
    '/assessments/changes',
    '/actions',
    '/firm/profile',
    '/firm/members',
    '/firm/chambers',
    '/firm/consents',
    '/orgs',
  ];

  it.each(['de', 'en'] as const)('no page is wider than the screen, signed out (%s)', async (lang) => {
    const context = await phone(browser, lang);
    const page = await context.newPage();
    try {
      const wide = [];
      for (const path of signedOut) {
        const m = await widthOf(page, path);
        if (m.scrollWidth > m.innerWidth) wide.push(m);
      }
      expect(wide).toEqual([]);
      // One row: brand, language switch and "Sign in" are on screen; "Register" is in the menu.
      await page.goto(baseUrl() + '/');
      for (const selector of [
        '.brand',
        '[data-lang="de"]',
        '[data-lang="en"]',
        'a.login',
        '[data-testid="nav-menu"]',
      ]) {
        const box = await page.locator(selector).first().boundingBox();
        expect(
          box && box.x >= 0 && box.x + box.width <= WIDTH && box.y < 64
            ? 'visible'
            : `${selector}: ${JSON.stringify(box)}`,
        ).toBe('visible');
      }
      await page.locator('[data-testid="nav-menu"]').click();
      await page.getByRole('menuitem', { name: lang === 'de' ? 'Registrieren' : 'Register' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it.each(['de', 'en'] as const)('no page is wider than the screen, signed in as a firm (%s)', async (lang) => {
    const context = await phone(browser, lang);
    await context.addCookies(await setup.cookies());
    const page = await context.newPage();
    try {
      const wide = [];
      for (const path of signedIn()) {
        const m = await widthOf(page, path);
        if (m.scrollWidth > m.innerWidth) wide.push(m);
      }
      expect(wide).toEqual([]);
      // The bar is one row (no navigation overlapping the page title); the navigation is in the menu.
      const bar = await page.locator('.topbar').boundingBox();
      expect(bar?.height).toBeLessThanOrEqual(64);
      await page.locator('[data-testid="nav-menu"]').click();
      await page.getByRole('menuitem', { name: lang === 'de' ? 'Maßnahmenplan' : 'Action plan' }).waitFor();
      await page.keyboard.press('Escape');
      // The firm's name is not cut off: the account menu shows it in full.
      await page.locator('button.account').click();
      expect(await page.locator('[data-testid="account-head"]').textContent()).toContain(FIRM);
    } finally {
      await context.close();
    }
  });

  it.each(['de', 'en'] as const)('no chamber page is wider than the screen (%s)', async (lang) => {
    const chamber = await browser.newContext();
    const adminEmail = `mobile-chamber-${lang}-${Date.now()}@ahk.example`;
    const token = invitationToken(
      adminCli(['create-chamber', '--name', `AHK Mobil ${lang} Shanghai`, '--admin-email', adminEmail]),
    );
    const reg = await api(chamber, 'POST', '/api/auth/register', {
      email: adminEmail,
      password: PASSWORD,
      name: 'Katrin Vogel',
      invitationToken: token,
    });
    expect(reg.status).toBe(202);
    const { orgId } = await confirmEmail(chamber, adminEmail);
    const campaign = await api<{ id: string }>(chamber, 'POST', `/api/orgs/${orgId}/campaigns`, {
      title: 'SCS-Selbstcheck 2026 für alle Mitgliedsunternehmen in Ostchina und Zentralchina',
      messageDe: 'Liebe Mitglieder, bitte nehmen Sie teil.',
      messageEn: 'Dear members, please take part.',
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    expect(campaign.status).toBe(201);
    const context = await phone(browser, lang);
    await context.addCookies(await chamber.cookies());
    const page = await context.newPage();
    try {
      const wide = [];
      for (const path of [
        '/chamber',
        '/chamber/campaigns/new',
        `/chamber/campaigns/${campaign.body.id}`,
        '/chamber/members',
        '/chamber/branding',
        '/orgs',
      ]) {
        const m = await widthOf(page, path);
        if (m.scrollWidth > m.innerWidth) wide.push(m);
      }
      expect(wide).toEqual([]);
    } finally {
      await context.close();
      await chamber.close();
    }
  });

  it('register: the firm name is required and a name over 200 characters is flagged while typing', async () => {
    const context = await phone(browser, 'de');
    const page = await context.newPage();
    try {
      await page.goto(baseUrl() + '/register');
      const firmName = page.locator('[data-testid="firm-name"]');
      expect(await firmName.getAttribute('required')).not.toBeNull();
      await firmName.fill('M'.repeat(233));
      await page.locator('[data-testid="firm-name-error"]').waitFor();
      expect(await page.locator('[data-testid="firm-name-error"]').textContent()).toContain('Höchstens 200 Zeichen');
      expect(await page.locator('[data-testid="firm-name-error"]').textContent()).toContain('233 eingegeben');
    } finally {
      await context.close();
    }
  });

  it('"Jump to the first open question" scrolls to that question and focuses it', async () => {
    const context = await phone(browser, 'de');
    await context.addCookies(await setup.cookies());
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl()}/assessments/${draft}?step=review`);
      await page.getByRole('button', { name: 'Zur ersten offenen Frage' }).click();
      await page.waitForFunction(() => document.activeElement?.closest('fieldset[id^="q-"]') !== null);
      await page.waitForTimeout(500); // after the router's own scroll to the top
      const where = await page.evaluate(() => {
        const q = document.activeElement?.closest('fieldset[id^="q-"]') as HTMLElement;
        const r = q.getBoundingClientRect();
        return { id: q.id, top: r.top, height: window.innerHeight, scrollY: window.scrollY };
      });
      expect(where.id).toMatch(/^q-T\d+$/);
      expect(['q-T1', 'q-T2', 'q-T3']).not.toContain(where.id); // those are answered
      expect(where.scrollY).toBeGreaterThan(0);
      expect(where.top).toBeGreaterThanOrEqual(56); // below the sticky top bar
      expect(where.top).toBeLessThan(where.height); // on screen
    } finally {
      await context.close();
    }
  });
});
