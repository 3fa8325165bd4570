import { provideHttpClient, type HttpRequest } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { FirmProfile } from '@scs/shared/catalogue';
import { provideIcuMessages, SessionService } from '@scs/web/core';
import { realPublicCatalogue } from '../../../testing/real-catalogue';
import { AUTOSAVE_DEBOUNCE_MS } from '../../data/answer-store';
import type { AnswerInput, AssessmentView } from '../../data/assessment.types';
import en from '../../i18n/en.json';
import { WizardPage } from './wizard.page';
import { nextRequest } from '@scs/web/core/testing';
import { CONSULTANCY_PROFILE } from '../../../testing/profiles';
import { draftView } from '../../../testing/assessment-view';

const ID = '0b8e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const consultancy: FirmProfile = CONSULTANCY_PROFILE;

function draft(overrides: Partial<AssessmentView> = {}): AssessmentView {
  return draftView({ id: ID, profile: consultancy, changedQuestions: ['T2'], ...overrides });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Rendering the full real catalogue takes a few seconds in jsdom, more on a loaded CI machine.
jest.setTimeout(30_000);

describe('WizardPage', () => {
  let fixture: ComponentFixture<WizardPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  async function render(view: AssessmentView = draft()): Promise<void> {
    fixture = TestBed.createComponent(WizardPage);
    fixture.componentRef.setInput('id', ID);
    el = fixture.nativeElement as HTMLElement;
    // whenStable() waits for pending requests, so each one is answered first.
    (await next((r) => r.url === `/api/assessments/${ID}`)).flush(view);
    (await next((r) => r.url === '/api/catalogue/2026.1' && r.params.get('lang') === 'en')).flush(
      realPublicCatalogue('en'),
    );
    await fixture.whenStable();
  }

  /** The request matching `match`, once the page has sent it. */
  const next = (match: (r: HttpRequest<unknown>) => boolean): Promise<TestRequest> => nextRequest(fixture, http, match);

  const liveScore = () =>
    el.querySelector('[data-testid="live-score"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  function choose(questionId: string, label: string): void {
    const buttons = [...el.querySelectorAll(`#q-${questionId} mat-radio-button`)];
    const button = buttons.find((b) => b.textContent?.trim() === label);
    if (!button)
      throw new Error(
        `no option "${label}" for ${questionId}: ${buttons.map((b) => b.textContent?.trim()).join(' | ')}`,
      );
    button.querySelector<HTMLInputElement>('input[type="radio"]')?.click();
  }

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        WizardPage,
        TranslocoTestingModule.forRoot({
          langs: { en: { assessments: en } },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideIcuMessages(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AUTOSAVE_DEBOUNCE_MS, useValue: 20 },
      ],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(SessionService);
    session.user.set({
      id: 'u1',
      email: 'a@firm.example',
      name: 'Anna',
      platformAdmin: false,
      memberships: [{ orgId: 'org-1', orgName: 'Muster GmbH', kind: 'firm', role: 'owner' }],
    });
    session.loaded.set(true);
  });

  afterEach(() => http.verify());

  it('shows only the dimensions with applicable questions, with answered/applicable per dimension', async () => {
    await render();
    const steps = [...el.querySelectorAll('nav.steps .step')].map(
      (s) => s.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
    expect(steps[0]).toContain('D1');
    expect(steps.some((s) => s.includes('D2'))).toBe(false); // customs: the firm neither imports nor exports
    expect(steps[0]).toMatch(/0\/\d+/);
    expect(el.querySelector('#step-heading')?.textContent).toContain('Tax');
    expect(el.querySelector('#q-T2')?.classList).toContain('changed');
  });

  it('lists a dimension the profile rules out as not applicable, with the condition, in catalogue order', async () => {
    await render();
    const items = [...el.querySelectorAll('nav.steps li')].map(
      (li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
    const skipped = [...el.querySelectorAll('[data-testid="skipped-step"]')].map(
      (li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
    const customs = skipped.find((s) => s.startsWith('D2'));
    expect(customs).toMatch(/^D2\s*Customs.*Not asked for your firm profile: only if .*(import|export)/i);
    const at = (code: string) => items.findIndex((s) => new RegExp(`^${code}(?!\\d)`).test(s));
    expect(at('D1')).toBeLessThan(at('D2'));
    expect(at('D2')).toBeLessThan(at('D3'));
    // Not a step: it cannot be opened.
    expect(el.querySelector('[data-testid="skipped-step"] button')).toBeNull();
  });

  it('moves the live score with each answer and autosaves it', async () => {
    await render();
    expect(liveScore()).toContain('–');

    choose('T1', 'A');
    await fixture.whenStable();
    expect(liveScore()).toMatch(/^0\s*Low/);

    choose('T1', 'D');
    await fixture.whenStable();
    expect(liveScore()).toContain('Critical');
    expect(el.querySelector('[data-testid="live-preview"]')?.textContent).toContain('knock-out');

    await wait(40);
    const put = http.expectOne({ method: 'PUT', url: `/api/assessments/${ID}/answers` });
    expect((put.request.body as { answers: AnswerInput[] }).answers).toEqual([
      { questionId: 'T1', optionId: 'd', note: '', baseRevision: 0 },
    ]);
    put.flush({ saved: [{ questionId: 'T1', revision: 1 }] });
    await fixture.whenStable();
    await wait(0);
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="save-state"]')?.textContent).toContain('All answers saved');
  });

  it('opens a submitted assessment read-only with a link to the result', async () => {
    await render(
      draft({
        status: 'submitted',
        submittedAt: '2026-05-02T09:00:00.000Z',
        answers: [
          {
            questionId: 'T1',
            optionId: 'a',
            note: null,
            revision: 1,
            updatedBy: 'u1',
            updatedAt: '2026-05-02T08:00:00.000Z',
          },
        ],
      }),
    );
    expect(el.textContent).toContain('read-only');
    expect(el.querySelector(`a[href="/assessments/${ID}/result"]`)).not.toBeNull();
    const radios = [...el.querySelectorAll<HTMLInputElement>('#q-T1 input[type="radio"]')];
    expect(radios.every((r) => r.disabled)).toBe(true);
    expect(el.querySelector('[data-testid="save-state"]')).toBeNull();
  });
});
