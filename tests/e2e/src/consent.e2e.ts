import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch, seriousA11yViolations } from './support/browser';
import { answeredAssessment, api, registerFirm } from './support/firm';

// The sharing question before submitting (German UI): "no" is preselected and nothing is shared; granting research
// consent shows the research questions, whose answers are saved; the result page shows "firms like yours" (or why
// not) and the consent, which can be withdrawn there.

interface ConsentStatus {
  kind: string;
  granted: boolean;
  textVersion: number | null;
}

describe('sharing consent and research questions in the self-check', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ locale: 'de-DE', bypassCSP: true, viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('scs.lang', 'de'));
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
    await browser.close();
  });

  it('asks before submitting with "no" preselected; consent shows the research questions; the result shows peers and the consent', async () => {
    const { orgId } = await registerFirm(context, 'Teilwerk Feinmechanik (Kunshan) Co., Ltd.', 'consent');
    const id = await answeredAssessment(context, orgId);

    await page.goto(`${baseUrl()}/assessments/${id}?step=review`);
    const consent = page.getByTestId('consent');
    await consent.getByRole('heading', { name: 'Anonymisierte Ergebnisse teilen? (freiwillig)' }).waitFor();
    const no = consent.getByRole('radio', { name: 'Nein, nicht teilen' });
    const yes = consent.getByRole('radio', { name: 'Ja, anonymisierte Ergebnisse mit dem Forschungsteam teilen' });
    await no.waitFor();
    expect(await no.isChecked()).toBe(true);
    expect(await yes.isChecked()).toBe(false);
    expect(await consent.textContent()).toContain('Nicht geteilt.');
    // The consent text (version 3) says what is shared and what never; no chamber question without a chamber.
    await consent.getByText('Was geteilt wird und was nie (Einwilligungstext, Version 3)').click();
    await consent.getByText(/Nie enthalten: unser Firmenname/).waitFor();
    expect(await page.getByTestId('consent-chamber').count()).toBe(0);
    // Before consent there are no research questions, and nothing is granted on the server.
    expect(await page.getByTestId('research-questions').count()).toBe(0);
    const before = await api<ConsentStatus[]>(context, 'GET', `/api/orgs/${orgId}/consents`);
    expect(before.body.find((c) => c.kind === 'research')?.granted).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Grant: saved with the text version shown, and the research questions appear.
    await yes.check();
    await consent.getByText(/Geteilt seit .* \(Einwilligungstext Version 3\)/).waitFor();
    const research = page.getByTestId('research-questions');
    await research.getByRole('heading', { name: /Forschungsfragen/ }).waitFor();
    expect(await research.textContent()).toContain('freiwillig · ohne Bewertung');
    const granted = await api<ConsentStatus[]>(context, 'GET', `/api/orgs/${orgId}/consents`);
    expect(granted.body.find((c) => c.kind === 'research')).toMatchObject({ granted: true, textVersion: 3 });

    // A follow-up question appears only for the answer it depends on; answers are saved as they are given.
    expect(await research.getByTestId('rq-learned_from').count()).toBe(0);
    await research.getByTestId('rq-awareness').getByRole('radio', { name: 'Grundkenntnisse' }).check();
    const learned = research.getByTestId('rq-learned_from');
    await learned.getByRole('checkbox', { name: 'Handelskammer (AHK / EUCCC)' }).check();
    await research.getByTestId('research-save-state').getByText('Forschungsantworten gespeichert').waitFor();
    // The label may show the first save while the second is on its way: ask the server until both are in (or give up).
    let saved: Record<string, unknown> = {};
    for (let i = 0; i < 50; i++) {
      saved = (
        await api<{ answers: Record<string, unknown> }>(context, 'GET', `/api/assessments/${id}/research-answers`)
      ).body.answers;
      if (Object.keys(saved).length === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(saved).toEqual({ awareness: 'basic', learned_from: ['chamber'] });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Submit; the result shows "firms like yours" exactly when the API's comparison groups pass disclosure control.
    await page.getByRole('button', { name: 'Selbstcheck einreichen' }).click();
    await page.waitForURL(/\/result$/);
    const peers = page.getByTestId('peer-benchmark');
    await peers.getByRole('heading', { name: /Unternehmen wie Ihres/ }).waitFor();
    const benchmark = await api<{ sector: { available: boolean }; size: { available: boolean } }>(
      context,
      'GET',
      `/api/orgs/${orgId}/peer-benchmark`,
    );
    if (benchmark.body.sector.available || benchmark.body.size.available) {
      await peers.getByTestId('peer-table').waitFor();
      expect(await peers.getByTestId('peer-table').textContent()).toContain('Ihr Betroffenheitswert');
    } else {
      await peers.getByTestId('peer-unavailable').waitFor();
      expect(await peers.textContent()).toContain('Noch nicht genug Daten');
    }

    // The result page shows the consent and lets the owner withdraw it.
    const manage = page.getByTestId('result-extensions').getByTestId('consent');
    await manage.scrollIntoViewIfNeeded();
    await manage.getByText(/Geteilt seit/).waitFor();
    await manage.getByRole('radio', { name: 'Nein, nicht teilen' }).check();
    await manage.getByText('Nicht geteilt.').waitFor();
    const revoked = await api<ConsentStatus[]>(context, 'GET', `/api/orgs/${orgId}/consents`);
    expect(revoked.body.find((c) => c.kind === 'research')?.granted).toBe(false);

    // The submitted self-check keeps the firm's own research answers, read-only.
    await page.goto(`${baseUrl()}/assessments/${id}?step=review`);
    const readOnly = page.getByTestId('research-questions');
    await readOnly.getByTestId('rq-awareness').waitFor();
    expect(await readOnly.getByRole('radio', { name: 'Grundkenntnisse' }).isChecked()).toBe(true);
    expect(await readOnly.getByRole('radio', { name: 'Grundkenntnisse' }).isDisabled()).toBe(true);

    // The firm settings have the "Consents" tab the consent text points to: granting there works too.
    await page.goto(`${baseUrl()}/firm`);
    await page.getByRole('tab', { name: 'Einwilligungen' }).click();
    await page.waitForURL(/\/firm\/consents$/);
    const settings = page.getByTestId('consent');
    await settings.getByText('Nicht geteilt.').waitFor();
    await settings.getByRole('radio', { name: 'Ja, anonymisierte Ergebnisse mit dem Forschungsteam teilen' }).check();
    await settings.getByText(/Geteilt seit/).waitFor();
    const regranted = await api<ConsentStatus[]>(context, 'GET', `/api/orgs/${orgId}/consents`);
    expect(regranted.body.find((c) => c.kind === 'research')?.granted).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 180_000);
});
