import type { Browser, Page } from 'playwright-core';
import { SMALL_FIRM_PROFILE } from '@scs/shared/testing';
import { baseUrl, launch } from './support/browser';
import { confirmationToken } from './support/confirm';
import { waitForMail } from './support/mailbox';

const PROFILE = { ...SMALL_FIRM_PROFILE, importsExports: true, taxRegistrationYear: 2014 };

/** Same-origin API call from inside the page, with the session cookies and the CSRF header like the app itself. */
function apiFromPage<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const xsrf = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('XSRF-TOKEN='))
          ?.slice(11) ?? '',
      );
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-xsrf-token': xsrf },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, path, body },
  ) as Promise<{ status: number; body: T }>;
}

describe('accounts in Chromium: register, profile, invite a colleague who accepts from the email', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('a firm registers, edits its profile, invites a colleague; the colleague registers from the mailed link and sees the firm', async () => {
    const owner = await browser.newPage();
    await owner.goto(baseUrl() + '/register');
    await owner.getByLabel('Your name').fill('Anna Schmidt');
    await owner.getByLabel('Email').fill('anna@e2e-firm.example');
    await owner.getByLabel('Password').fill('Korrektes Pferd Batterie 2026');
    await owner.getByLabel('Firm name (China entity)').fill('E2E Maschinenbau (Suzhou) Co., Ltd.');
    await owner.getByRole('button', { name: 'Create account' }).click();
    // Nobody is signed in before the mailed confirmation link is opened.
    await owner.getByTestId('check-mail').waitFor();
    await owner.goto(`${baseUrl()}/verify-email/${await confirmationToken('anna@e2e-firm.example')}`);
    await owner.waitForURL((u) => !u.pathname.startsWith('/verify-email'));

    // Fill the catalogue fields through the API, then edit the profile in the form as a user would.
    // Signing in happens in the page after the link is confirmed: wait until the session answers.
    let me = await apiFromPage<{ memberships?: { orgId: string }[] }>(owner, 'GET', '/api/auth/me');
    for (let i = 0; i < 40 && me.status !== 200; i++) {
      await owner.waitForTimeout(250);
      me = await apiFromPage<{ memberships?: { orgId: string }[] }>(owner, 'GET', '/api/auth/me');
    }
    expect(me.status).toBe(200);
    const orgId = me.body.memberships?.[0]?.orgId as string;
    const saved = await apiFromPage(owner, 'PUT', `/api/orgs/${orgId}/profile`, {
      name: 'E2E Maschinenbau (Suzhou) Co., Ltd.',
      ...PROFILE,
    });
    expect(saved.status).toBe(200);
    await owner.goto(baseUrl() + '/firm/profile');
    const name = owner.getByRole('textbox', { name: 'Firm name', exact: true });
    await name.waitFor();
    await name.fill('E2E Maschinenbau (Taicang) Co., Ltd.');
    await owner.getByTestId('uscc').fill('91350100M000100Y44'); // wrong check character
    await owner.getByRole('button', { name: 'Save profile' }).click();
    await owner
      .getByText(/check character|Prüfzeichen/i)
      .first()
      .waitFor();
    await owner.getByTestId('uscc').fill('91350100M000100Y43');
    await owner.getByRole('button', { name: 'Save profile' }).click();
    await owner.getByText(/Saved as version 3/).waitFor();

    // Invite a colleague from the team page.
    await owner.goto(baseUrl() + '/firm/members');
    await owner.getByLabel("Colleague's email").fill('ben@e2e-firm.example');
    await owner.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByText(/Invitation sent to ben@e2e-firm.example/).waitFor();

    const mail = await waitForMail('ben@e2e-firm.example');
    const link = /https?:\/\/\S+\/invitations\/[\w-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    const token = new URL(link!).pathname.split('/').pop();

    const colleague = await browser.newPage();
    await colleague.goto(`${baseUrl()}/invitations/${token}`);
    await colleague
      .getByRole('link', { name: /Register and accept/ })
      .or(colleague.getByRole('button', { name: /Register and accept/ }))
      .first()
      .click();
    await colleague.getByLabel('Your name').fill('Ben Weber');
    await colleague.getByLabel('Email').fill('ben@e2e-firm.example');
    await colleague.getByLabel('Password').fill('Anderes Pferd Batterie 2026');
    await colleague.getByRole('button', { name: 'Create account' }).click();
    await colleague.getByTestId('check-mail').waitFor();
    await colleague.goto(`${baseUrl()}/verify-email/${await confirmationToken('ben@e2e-firm.example')}`);
    await colleague.waitForURL((u) => !u.pathname.startsWith('/verify-email'));
    const colleagueMe = await apiFromPage<{ memberships: { orgId: string; orgName: string; role: string }[] }>(
      colleague,
      'GET',
      '/api/auth/me',
    );
    expect(colleagueMe.body.memberships).toEqual([
      expect.objectContaining({ orgId, orgName: 'E2E Maschinenbau (Taicang) Co., Ltd.', role: 'member' }),
    ]);
    await colleague.goto(baseUrl() + '/firm/profile');
    await colleague.getByText('E2E Maschinenbau (Taicang) Co., Ltd.').first().waitFor();
    await owner.close();
    await colleague.close();
  });
});
