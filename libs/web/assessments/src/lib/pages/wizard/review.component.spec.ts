import { provideHttpClient, type HttpRequest } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { ScoreResult } from '@scs/shared/scoring';
import type { PublicQuestion } from '@scs/web/catalogue';
import { provideIcuMessages, SessionService } from '@scs/web/core';
import { nextRequest } from '@scs/web/core/testing';
import { draftView } from '../../../testing/assessment-view';
import { realPublicCatalogue } from '../../../testing/real-catalogue';
import { AnswerStore } from '../../data/answer-store';
import type { AssessmentView } from '../../data/assessment.types';
import en from '../../i18n/en.json';
import { ReviewComponent } from './review.component';
import type { OpenQuestions } from './wizard-step';

const ID = '0b8e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const catalogue = realPublicCatalogue('en');
const tax = catalogue.dimensions[0] as OpenQuestions['step']['dimension'];
const taxQuestions = catalogue.questions.filter((q) => q.dimension === tax.id);
const [t1, t2] = taxQuestions as [PublicQuestion, PublicQuestion];
/** T1 and T2 still open in the tax step. */
const open: OpenQuestions[] = [{ step: { dimension: tax, questions: taxQuestions, answered: 0 }, questions: [t1, t2] }];

const view = (overrides: Partial<AssessmentView> = {}): AssessmentView => draftView({ id: ID, ...overrides });
const score = { answered: 20, applicable: 22, dontKnow: 1 } as ScoreResult;

describe('ReviewComponent', () => {
  let fixture: ComponentFixture<ReviewComponent>;
  let http: HttpTestingController;
  let el: HTMLElement;
  const next = (match: (r: HttpRequest<unknown>) => boolean): Promise<TestRequest> => nextRequest(fixture, http, match);
  const text = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        ReviewComponent,
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
        AnswerStore,
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

  /** A draft's review: the sharing question loads its texts and the firm's consents first (none given). */
  async function renderDraft(missing: OpenQuestions[]): Promise<void> {
    fixture = TestBed.createComponent(ReviewComponent);
    fixture.componentRef.setInput('assessment', view());
    fixture.componentRef.setInput('score', score);
    fixture.componentRef.setInput('missing', missing);
    el = fixture.nativeElement as HTMLElement;
    (await next((r) => r.url === '/api/consent-texts')).flush([]);
    (await next((r) => r.url === '/api/orgs/org-1/consents')).flush([]);
    (await next((r) => r.url === '/api/orgs/org-1/chambers')).flush([]);
    await fixture.whenStable();
  }

  it('lists the open questions; choosing one, or "go to the first", asks the page to go there', async () => {
    await renderDraft(open);
    const jumps: string[] = [];
    let first = 0;
    fixture.componentInstance.jump.subscribe((q) => jumps.push(q.id));
    fixture.componentInstance.firstOpen.subscribe(() => first++);

    expect(text(el.querySelector('.review-progress'))).toBe("20 of 22 questions answered · 1 × don't know");
    expect(text(el.querySelector('.missing-title'))).toBe('2 questions still open');
    const submit = el.querySelector<HTMLButtonElement>('button.submit');
    expect(submit?.disabled).toBe(true);
    expect(submit?.getAttribute('aria-describedby')).toBe('submit-why');
    const listed = [...el.querySelectorAll<HTMLButtonElement>('[data-testid="missing"] button.jump')];
    expect(listed.map((b) => b.querySelector('.qid')?.textContent)).toEqual([t1.id, t2.id]);

    listed[1]?.click();
    [...el.querySelectorAll<HTMLButtonElement>('.review-actions button')]
      .find((b) => text(b) === 'Go to the first open question')
      ?.click();
    expect(jumps).toEqual([t2.id]);
    expect(first).toBe(1);
  });

  it('submits when nothing is open; a refusal names the open questions for the page and shows why', async () => {
    await renderDraft([]);
    const refused: (readonly string[])[] = [];
    fixture.componentInstance.refused.subscribe((ids) => refused.push(ids));
    expect(text(el.querySelector('.ready'))).toContain('Every applicable question is answered');
    expect(el.querySelector('[data-testid="missing"]')).toBeNull();

    el.querySelector<HTMLButtonElement>('button.submit')?.click();
    (await next((r) => r.method === 'POST' && r.url === `/api/assessments/${ID}/submit`)).flush(
      { message: 'Questions are still open', unanswered: ['T9'] },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();
    expect(refused).toEqual([['T9']]);
    expect(el.querySelector('.review scs-error-box')).not.toBeNull();
    expect(el.querySelector<HTMLButtonElement>('button.submit')?.disabled).toBe(false);
  });

  it('shows a submitted assessment read-only: the link to the result and the research answers, no submit', async () => {
    fixture = TestBed.createComponent(ReviewComponent);
    fixture.componentRef.setInput('assessment', view({ status: 'submitted', submittedAt: '2026-05-02T09:00:00.000Z' }));
    fixture.componentRef.setInput('score', score);
    fixture.componentRef.setInput('readOnly', true);
    el = fixture.nativeElement as HTMLElement;
    (await next((r) => r.url === '/api/research-module')).flush(null, { status: 404, statusText: 'Not Found' });
    (await next((r) => r.url === `/api/assessments/${ID}/research-answers`)).flush({
      catalogueVersion: '2026.1',
      answers: {},
    });
    await fixture.whenStable();
    expect(el.querySelector(`a[href="/assessments/${ID}/result"]`)).not.toBeNull();
    expect(el.querySelector('button.submit')).toBeNull();
    expect(el.querySelector('scs-consent-choice')).toBeNull();
    expect(el.querySelector('scs-research-questions.card.sharing')).not.toBeNull();
  });
});
