import { provideHttpClient, type HttpRequest } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { PeerBenchmark, ResearchModule } from '@scs/shared/disclosure';
import { provideIcuMessages, SessionService, type OrgRole } from '@scs/web/core';
import type { ConsentStatus, ConsentText } from '../data/sharing.api';
import en from '../i18n/en.json';
import { ConsentChoiceComponent } from './consent-choice.component';
import { PeerBenchmarkComponent } from './peer-benchmark.component';
import { ResearchQuestionsComponent, withoutHidden } from './research-questions.component';
import { nextRequest } from '@scs/web/core/testing';

const ORG = 'org-1';
const ASSESSMENT = '3f0e9a1b-2c3d-4e5f-9a8b-7c6d5e4f3a2b';
const t = (en: string, de: string) => ({ en, de });

const TEXTS: ConsentText[] = [
  {
    kind: 'research',
    version: 1,
    en: 'Share our anonymised results with the research team.\n\nNever included: our firm name.',
    de: 'Teilen.\n\nNie enthalten: Firmenname.',
    publishedAt: '2026-01-01T00:00:00Z',
  },
  {
    kind: 'chamber',
    version: 1,
    en: 'Share our anonymised results with our chamber(s) of commerce.\n\nOnly aggregates.',
    de: 'Kammer.\n\nNur Aggregate.',
    publishedAt: '2026-01-01T00:00:00Z',
  },
  {
    kind: 'chamber_participation',
    version: 2,
    en: 'Let our chamber(s) see whether we took part.\n\nNot our answers.',
    de: 'Teilnahme.\n\nKeine Antworten.',
    publishedAt: '2026-01-01T00:00:00Z',
  },
];
/** A consent's state; chamber consents name the firm's chamber `c1` (one grant per chamber). */
const status = (kind: ConsentStatus['kind'], granted: boolean): ConsentStatus => ({
  kind,
  chamberId: kind === 'research' ? null : 'c1',
  chamberName: kind === 'research' ? null : 'AHK Greater China',
  granted,
  textVersion: granted ? 1 : null,
  grantedAt: granted ? '2026-05-02T09:00:00Z' : null,
  grantedBy: granted ? 'u1' : null,
  latestTextVersion: 1,
});

const MODULE: ResearchModule = {
  version: '2026.1',
  title: t('Research questions', 'Forschungsfragen'),
  intro: t('Optional and not scored.', 'Freiwillig.'),
  questions: [
    {
      id: 'awareness',
      text: t('How familiar?', 'Wie vertraut?'),
      multiple: false,
      options: [
        { id: 'not_familiar', label: t('Not familiar', 'Nicht') },
        { id: 'basic', label: t('Know the basics', 'Grund') },
      ],
    },
    {
      id: 'learned_from',
      text: t('Where did you learn about it?', 'Woher?'),
      multiple: true,
      showIf: { question: 'awareness', in: ['basic'] },
      options: [
        { id: 'chamber', label: t('Chamber', 'Kammer') },
        { id: 'media', label: t('Media', 'Medien') },
      ],
    },
  ],
};

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sharing components', () => {
  let http: HttpTestingController;

  function setup(role: OrgRole = 'owner'): void {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: { assessments: en } },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages(), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(SessionService);
    session.user.set({
      id: 'u1',
      email: 'a@firm.example',
      name: 'Anna',
      platformAdmin: false,
      memberships: [{ orgId: ORG, orgName: 'Muster GmbH', kind: 'firm', role }],
    });
    session.loaded.set(true);
  }

  /** The request matching `match`, once the page has sent it. */
  const next = (
    fixture: ComponentFixture<unknown>,
    match: (r: HttpRequest<unknown>) => boolean,
  ): Promise<TestRequest> => nextRequest(fixture, http, match);

  async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
    await fixture.whenStable();
    await wait(0);
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  describe('ConsentChoiceComponent', () => {
    async function render(
      chambers: { chamberId: string; name: string }[],
      statuses = [status('research', false), status('chamber', false)],
    ) {
      const fixture = TestBed.createComponent(ConsentChoiceComponent);
      fixture.componentRef.setInput('orgId', ORG);
      fixture.componentRef.setInput('mode', 'ask');
      const active: boolean[] = [];
      fixture.componentInstance.researchActive.subscribe((v) => active.push(v));
      (await next(fixture, (r) => r.url === '/api/consent-texts')).flush(TEXTS);
      (await next(fixture, (r) => r.url === `/api/orgs/${ORG}/consents`)).flush(statuses);
      (await next(fixture, (r) => r.url === `/api/orgs/${ORG}/chambers`)).flush(chambers);
      await settle(fixture);
      return { fixture, el: fixture.nativeElement as HTMLElement, active };
    }
    const radio = (el: HTMLElement, kind: string, label: RegExp) =>
      [...el.querySelectorAll(`[data-testid="consent-${kind}"] mat-radio-button`)]
        .find((b) => label.test(b.textContent ?? ''))
        ?.querySelector<HTMLInputElement>('input[type="radio"]');

    it('asks with "no" preselected, only about research when the firm has no chamber', async () => {
      setup();
      const { el, active } = await render([]);
      expect(el.querySelector('h3')?.textContent).toContain('Share anonymised results? (optional)');
      expect(radio(el, 'research', /^No, do not share/)?.checked).toBe(true);
      expect(radio(el, 'research', /^Yes/)?.checked).toBe(false);
      expect(el.querySelector('[data-testid="consent-chamber"]')).toBeNull();
      expect(el.querySelector('[data-testid="consent-chamber_participation"]')).toBeNull();
      expect(el.querySelector('[data-testid="consent-research"] details')?.textContent).toContain(
        'Never included: our firm name.',
      );
      expect(el.querySelector('[data-testid="consent-research"] details summary')?.textContent).toContain('version 1');
      expect(active).toEqual([false]);
    });

    it('grants research consent with the text version shown and reports it; asks separately about the chambers', async () => {
      setup();
      const { fixture, el, active } = await render([{ chamberId: 'c1', name: 'AHK Greater China' }]);
      expect(el.querySelector('[data-testid="consent-chamber"] legend')?.textContent).toContain('AHK Greater China');

      radio(el, 'research', /^Yes/)?.click();
      const put = await next(fixture, (r) => r.method === 'PUT' && r.url === `/api/orgs/${ORG}/consents`);
      expect(put.request.body).toEqual({ kind: 'research', granted: true, textVersion: 1 });
      put.flush([status('research', true), status('chamber', false)]);
      await settle(fixture);
      expect(active).toEqual([false, true]);
      expect(el.querySelector('[data-testid="consent-research"]')?.textContent).toContain('Shared since');
      expect(el.querySelector('[data-testid="consent-chamber"]')?.textContent).toContain('Not shared.');
      expect(el.querySelector('[data-testid="consent-research"]')?.textContent).toContain(
        'deletes all of your firm’s research records',
      );
    });

    it('asks whether the chambers may see that the firm took part, grants and revokes it', async () => {
      setup();
      const { fixture, el } = await render([{ chamberId: 'c1', name: 'AHK Greater China' }]);
      const item = () => el.querySelector('[data-testid="consent-chamber_participation"]');
      expect(item()?.querySelector('legend')?.textContent).toContain(
        'Let AHK Greater China see whether your firm took part',
      );
      expect(item()?.querySelector('.headline')?.textContent).toContain('Let our chamber(s) see whether we took part.');
      expect(item()?.querySelector('details')?.textContent).toContain('Not our answers.');
      expect(item()?.textContent).toContain('this chamber sees your firm as “Not shared”');
      expect(item()?.textContent).toContain(
        'applies to AHK Greater China only, never to a chamber your firm joins later',
      );
      expect(radio(el, 'chamber_participation', /^No/)?.checked).toBe(true);

      radio(el, 'chamber_participation', /^Yes, this chamber may see that we took part/)?.click();
      const grant = await next(fixture, (r) => r.method === 'PUT' && r.url === `/api/orgs/${ORG}/consents`);
      expect(grant.request.body).toEqual({
        kind: 'chamber_participation',
        granted: true,
        textVersion: 2,
        chamberId: 'c1',
      });
      grant.flush([status('research', false), status('chamber', false), status('chamber_participation', true)]);
      await settle(fixture);
      expect(item()?.textContent).toContain('Visible to this chamber since');
      expect(el.querySelector('[data-testid="consent-chamber"]')?.textContent).toContain('Not shared.');

      radio(el, 'chamber_participation', /^No/)?.click();
      const revoke = await next(fixture, (r) => r.method === 'PUT' && r.url === `/api/orgs/${ORG}/consents`);
      expect(revoke.request.body).toEqual({ kind: 'chamber_participation', granted: false, chamberId: 'c1' });
      revoke.flush([status('research', false), status('chamber', false), status('chamber_participation', false)]);
      await settle(fixture);
      expect(item()?.textContent).toContain('Not visible');
    });

    it('asks each chamber separately and names the chamber when granting: a grant for one never covers the other', async () => {
      setup();
      const chamberStatus = (chamberId: string, name: string, granted: boolean): ConsentStatus => ({
        ...status('chamber', granted),
        chamberId,
        chamberName: name,
      });
      const { fixture, el } = await render(
        [
          { chamberId: 'c1', name: 'AHK Greater China' },
          { chamberId: 'c2', name: 'EUCCC' },
        ],
        [
          status('research', false),
          chamberStatus('c1', 'AHK Greater China', true),
          chamberStatus('c2', 'EUCCC', false),
        ],
      );
      const items = [...el.querySelectorAll<HTMLElement>('[data-testid="consent-chamber"]')];
      expect(items.map((i) => [i.dataset['chamber'], i.querySelector('legend')?.textContent?.trim()])).toEqual([
        ['c1', 'Share your anonymised results with AHK Greater China?'],
        ['c2', 'Share your anonymised results with EUCCC?'],
      ]);
      expect(items[0]?.textContent).toContain('Shared since');
      expect(items[1]?.textContent).toContain('Not shared.');
      [...(items[1]?.querySelectorAll('mat-radio-button') ?? [])]
        .find((b) => /^Yes/.test(b.textContent ?? ''))
        ?.querySelector<HTMLInputElement>('input[type="radio"]')
        ?.click();
      const put = await next(fixture, (r) => r.method === 'PUT' && r.url === `/api/orgs/${ORG}/consents`);
      expect(put.request.body).toEqual({ kind: 'chamber', granted: true, textVersion: 1, chamberId: 'c2' });
      put.flush([
        status('research', false),
        chamberStatus('c1', 'AHK Greater China', true),
        chamberStatus('c2', 'EUCCC', true),
      ]);
      await settle(fixture);
      const after = [...el.querySelectorAll<HTMLElement>('[data-testid="consent-chamber"]')];
      expect(after.map((i) => i.textContent?.includes('Shared since'))).toEqual([true, true]);
      // Both chambers' participation questions exist too, one per chamber.
      expect(el.querySelectorAll('[data-testid="consent-chamber_participation"]')).toHaveLength(2);
    });

    it('shows a refused change and keeps the state in force', async () => {
      setup();
      const { fixture, el, active } = await render([]);
      radio(el, 'research', /^Yes/)?.click();
      (await next(fixture, (r) => r.method === 'PUT')).flush(
        { message: 'Forbidden resource' },
        { status: 403, statusText: 'Forbidden' },
      );
      await settle(fixture);
      expect(el.textContent).toContain('The consent could not be changed.');
      expect(el.textContent).toContain('Forbidden resource');
      expect(radio(el, 'research', /^No, do not share/)?.checked).toBe(true);
      expect(active).toEqual([false]);
    });

    it('shows members the state read-only', async () => {
      setup('member');
      const { el } = await render([], [status('research', true), status('chamber', false)]);
      expect(el.querySelector('mat-radio-button')).toBeNull();
      expect(el.querySelector('[data-testid="consent-research"]')?.textContent).toContain('Shared since');
      expect(el.querySelector('[data-testid="consent-readonly"]')?.textContent).toContain(
        'Only the firm’s owner or an administrator',
      );
    });
  });

  describe('ResearchQuestionsComponent', () => {
    async function render(readOnly: boolean, answers: Record<string, string | string[]>) {
      const fixture = TestBed.createComponent(ResearchQuestionsComponent);
      fixture.componentRef.setInput('assessmentId', ASSESSMENT);
      fixture.componentRef.setInput('catalogueVersion', '2026.1');
      fixture.componentRef.setInput('readOnly', readOnly);
      (await next(fixture, (r) => r.url === '/api/research-module')).flush(MODULE);
      (await next(fixture, (r) => r.url === `/api/assessments/${ASSESSMENT}/research-answers`)).flush({
        catalogueVersion: '2026.1',
        answers,
      });
      await settle(fixture);
      return { fixture, el: fixture.nativeElement as HTMLElement };
    }

    it('asks a follow-up only for the answer it depends on and saves each change', async () => {
      setup();
      const { fixture, el } = await render(false, {});
      expect(el.querySelector('h3')?.textContent).toContain('optional · not scored');
      expect(el.querySelector('[data-testid="rq-learned_from"]')).toBeNull();

      [...el.querySelectorAll('[data-testid="rq-awareness"] mat-radio-button')]
        .find((b) => b.textContent?.includes('Know the basics'))
        ?.querySelector('input')
        ?.click();
      const first = await next(fixture, (r) => r.method === 'PUT');
      expect(first.request.body).toEqual({ answers: { awareness: 'basic' } });
      first.flush(null, { status: 204, statusText: 'No Content' });
      await settle(fixture);
      expect(el.querySelector('[data-testid="rq-learned_from"]')).not.toBeNull();

      el.querySelector<HTMLInputElement>('[data-testid="rq-learned_from"] input[type="checkbox"]')?.click();
      const second = await next(fixture, (r) => r.method === 'PUT');
      expect(second.request.body).toEqual({ answers: { awareness: 'basic', learned_from: ['chamber'] } });
      second.flush(null, { status: 204, statusText: 'No Content' });
      await settle(fixture);
      expect(el.querySelector('[data-testid="research-save-state"]')?.textContent).toContain('Research answers saved');
      await expect(fixture.componentInstance.whenSaved()).resolves.toBe(true);
    });

    it('shows the firm its own answers read-only, and nothing when it gave none', async () => {
      setup();
      const { el } = await render(true, { awareness: 'basic', learned_from: ['media'] });
      const checked = el.querySelector<HTMLInputElement>('[data-testid="rq-awareness"] input[type="radio"]:checked');
      expect(checked?.disabled).toBe(true);
      expect(checked?.closest('mat-radio-button')?.textContent).toContain('Know the basics');
      expect(
        [...el.querySelectorAll<HTMLInputElement>('[data-testid="rq-learned_from"] input:checked')].map((i) =>
          i.closest('mat-checkbox')?.textContent?.trim(),
        ),
      ).toEqual(['Media']);

      const empty = await render(true, {});
      expect(empty.fixture.debugElement.nativeElement.classList).toContain('is-empty');
    });

    it('drops answers to questions that are no longer asked', () => {
      expect(withoutHidden(MODULE, { awareness: 'not_familiar', learned_from: ['chamber'] })).toEqual({
        awareness: 'not_familiar',
      });
      expect(withoutHidden(MODULE, { awareness: 'basic', learned_from: ['chamber'] })).toEqual({
        awareness: 'basic',
        learned_from: ['chamber'],
      });
      expect(withoutHidden(MODULE, { learned_from: ['chamber'] })).toEqual({});
    });
  });

  describe('PeerBenchmarkComponent', () => {
    const cell = (value: number | null, display: string) => ({
      value,
      display,
      status: value === null ? ('suppressed' as const) : ('value' as const),
    });
    async function render(benchmark: PeerBenchmark) {
      const fixture = TestBed.createComponent(PeerBenchmarkComponent);
      fixture.componentRef.setInput('orgId', ORG);
      fixture.componentRef.setInput('own', [
        { dimensionId: 'tax', label: 'D1 Tax', score: 42 },
        { dimensionId: 'customs', label: 'D2 Customs', score: null },
      ]);
      fixture.componentRef.setInput('overall', 37.5);
      (await next(fixture, (r) => r.url === `/api/orgs/${ORG}/peer-benchmark`)).flush(benchmark);
      await settle(fixture);
      return fixture.nativeElement as HTMLElement;
    }

    it("puts the mean of a group that passes disclosure control next to the firm's own score, and says why the other is missing", async () => {
      setup();
      const el = await render({
        wave: '2026-H1',
        k: 10,
        sector: {
          available: true,
          by: 'sector',
          group: 'manufacturing',
          label: t('Manufacturing', 'Verarbeitendes Gewerbe'),
          firms: 24,
          overall: cell(31.2, '31.2'),
          dimensions: [
            { dimensionId: 'tax', mean: cell(28.4, '28.4') },
            { dimensionId: 'customs', mean: cell(null, '.') },
          ],
        },
        size: {
          available: false,
          by: 'size',
          reason: 'group_too_small',
          message: t('Too few comparable firms.', 'Zu wenige.'),
        },
      });
      const table = el.querySelector('[data-testid="peer-table"]');
      expect(table?.querySelector('thead')?.textContent).toContain('Same sector');
      expect(table?.querySelector('thead')?.textContent).toContain('Manufacturing · 24 firms');
      expect(table?.querySelector('thead')?.textContent).not.toContain('Same size band');
      const rows = [...(table?.querySelectorAll('tbody tr') ?? [])].map((r) =>
        [...r.children].map((c) => c.textContent?.trim()),
      );
      expect(rows).toEqual([
        ['Overall', '37.5', '31.2'],
        ['D1 Tax', '42.0', '28.4'],
        ['D2 Customs', '–', '.'],
      ]);
      expect(el.textContent).toContain('Same size band: Too few comparable firms.');
      expect(el.textContent).toContain('withheld');
      expect(el.querySelector('[data-testid="peer-unavailable"]')).toBeNull();
    });

    it('says that there is not enough data yet when no group passes', async () => {
      setup();
      const el = await render({
        wave: null,
        k: 10,
        sector: {
          available: false,
          by: 'sector',
          reason: 'no_data',
          message: t('No comparison data yet.', 'Noch keine.'),
        },
        size: {
          available: false,
          by: 'size',
          reason: 'profile_incomplete',
          message: t('Complete the firm profile.', 'Profil.'),
        },
      });
      expect(el.querySelector('[data-testid="peer-table"]')).toBeNull();
      const none = el.querySelector('[data-testid="peer-unavailable"]')?.textContent ?? '';
      expect(none).toContain('Not enough data yet');
      expect(none).toContain('Same sector: No comparison data yet.');
      expect(none).toContain('Same size band: Complete the firm profile.');
      expect(none).toContain('at least 10 comparable firms');
    });
  });
});
