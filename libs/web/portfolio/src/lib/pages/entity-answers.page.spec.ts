import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { PortfolioAnswersView } from '@scs/shared/contracts';
import { LanguageService, provideIcuMessages, SessionService } from '@scs/web/core';
import de from '../i18n/de.json';
import en from '../i18n/en.json';
import zh from '../i18n/zh.json';
import { EntityAnswersPage } from './entity-answers.page';

const ORG = 'org-group';
const ENTITY = 'org-suzhou';
const PATH = `/api/orgs/${ORG}/portfolio/entities/${ENTITY}/answers`;

function answers(overrides: Partial<PortfolioAnswersView> = {}): PortfolioAnswersView {
  return {
    entity: { orgId: ENTITY, name: 'Muster (Suzhou) Co., Ltd.' },
    assessmentId: 'a1',
    catalogueVersion: '2026.2',
    submittedAt: '2026-12-05T10:00:00.000Z',
    locale: 'en',
    answers: [
      {
        questionId: 'T1',
        dimension: { code: 'D1', title: 'Tax' },
        question: 'What is your tax credit grade?',
        kind: 'option',
        option: 'Grade C',
        records: 0,
        note: 'Checked on the e-tax bureau',
        finding: { kind: 'exposure', severity: 'high', title: 'Tax credit grade C' },
      },
      {
        questionId: 'C1',
        dimension: { code: 'D2', title: 'Customs' },
        question: 'Customs credit level?',
        kind: 'dontKnow',
        option: null,
        records: 0,
        note: null,
        finding: { kind: 'verify', severity: 'medium', title: 'Check the customs credit level' },
      },
      {
        questionId: 'J1',
        dimension: { code: 'D3', title: 'Courts' },
        question: 'Dishonest judgment debtor?',
        kind: 'records',
        option: null,
        records: 2,
        note: null,
        finding: null,
      },
    ],
    ...overrides,
  };
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 6; i++) await Promise.resolve();
  fixture.detectChanges();
  await fixture.whenStable(); // transloco switches languages asynchronously
}

describe('EntityAnswersPage', () => {
  let fixture: ComponentFixture<EntityAnswersPage>;
  let http: HttpTestingController;
  const el = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        EntityAnswersPage,
        TranslocoTestingModule.forRoot({
          langs: { en: { portfolio: en }, de: { portfolio: de }, zh: { portfolio: zh } },
          translocoConfig: { availableLangs: ['en', 'de', 'zh'], defaultLang: 'en', reRenderOnLangChange: true },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(SessionService);
    session.user.set({
      id: 'u1',
      email: 'o@group.example',
      name: 'O',
      platformAdmin: false,
      memberships: [{ orgId: ORG, orgName: 'Muster Holding', kind: 'firm', role: 'member' }],
    });
    session.loaded.set(true);
  });
  afterEach(() => http.verify());

  function open(): void {
    fixture = TestBed.createComponent(EntityAnswersPage);
    fixture.componentRef.setInput('entityId', ENTITY);
    fixture.detectChanges();
  }

  it('lists the shared answers with the question, the answer and the finding', async () => {
    open();
    http.expectOne(PATH).flush(answers());
    await settle(fixture);
    const items = [...el().querySelectorAll('[data-testid="entity-answers"] li')];
    expect(items.map((i) => i.getAttribute('data-question'))).toEqual(['T1', 'C1', 'J1']);
    expect(items[0].textContent).toContain('What is your tax credit grade?');
    expect(items[0].querySelector('[data-testid="answer-text"]')?.textContent).toBe('Grade C');
    expect(items[0].textContent).toContain('Note: Checked on the e-tax bureau');
    expect(items[0].querySelector('[data-testid="answer-finding"]')?.textContent).toContain('High');
    expect(items[0].querySelector('[data-testid="answer-finding"]')?.textContent).toContain('Tax credit grade C');
    expect(items[1].querySelector('[data-testid="answer-text"]')?.textContent).toBe("Don't know");
    expect(items[1].querySelector('[data-testid="answer-finding"]')?.textContent).toContain('To verify');
    expect(items[2].querySelector('[data-testid="answer-text"]')?.textContent).toBe('2 records entered');
    expect(items[2].querySelector('[data-testid="answer-finding"]')).toBeNull();
    expect(el().querySelector('[data-testid="answers-meta"]')?.textContent).toContain('3 answered questions');
  });

  it('reloads in the new UI language (the server words the questions) and labels in German and Chinese', async () => {
    open();
    http.expectOne(PATH).flush(answers());
    await settle(fixture);
    TestBed.inject(LanguageService).use('de');
    fixture.detectChanges();
    await settle(fixture);
    http.expectOne(PATH).flush(answers({ locale: 'de' }));
    await settle(fixture);
    expect(el().querySelector('h1')?.textContent).toContain('Freigegebene Antworten');
    expect(el().textContent).toContain('Weiß nicht');
    expect(el().textContent).toContain('2 Einträge erfasst');
    TestBed.inject(LanguageService).use('zh');
    fixture.detectChanges();
    await settle(fixture);
    http.expectOne(PATH).flush(answers({ locale: 'zh' }));
    await settle(fixture);
    expect(el().querySelector('h1')?.textContent).toContain('已共享的答案');
    expect(el().textContent).toContain('不清楚');
  });

  it('shows the empty state when the entity shares but has not submitted a self-check', async () => {
    open();
    http.expectOne(PATH).flush(answers({ assessmentId: null, catalogueVersion: null, submittedAt: null, answers: [] }));
    await settle(fixture);
    expect(el().textContent).toContain('No submitted self-check yet');
    expect(el().querySelector('[data-testid="entity-answers"]')).toBeNull();
  });

  it('says the answers are not shared on 404 and shows no data', async () => {
    open();
    http
      .expectOne(PATH)
      .flush(
        { message: 'This entity has not shared its answers with your group' },
        { status: 404, statusText: 'Not Found' },
      );
    await settle(fixture);
    expect(el().querySelector('[role="alert"]')?.textContent).toContain('These answers are not available');
    expect(el().querySelector('[data-testid="entity-answers"]')).toBeNull();
  });
});
