import { provideHttpClient, type HttpRequest } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { applicableQuestions, type FirmProfile } from '@scs/shared/catalogue';
import { score } from '@scs/shared/scoring';
import { answerMap } from '@scs/shared/answers';
import { provideIcuMessages, SessionService } from '@scs/web/core';
import { realCatalogue, realPublicCatalogue } from '../../../testing/real-catalogue';
import type { AssessmentView } from '../../data/assessment.types';
import en from '../../i18n/en.json';
import { ResultPage } from './result.page';
import { nextRequest } from '@scs/web/core/testing';
import { CONSULTANCY_PROFILE, MANUFACTURER_PROFILE } from '../../../testing/profiles';

// Rendering the full real catalogue takes a few seconds in jsdom, more on a loaded CI machine.
jest.setTimeout(30_000);

const ID = '3f0e9a1b-2c3d-4e5f-9a8b-7c6d5e4f3a2b';
const profile: FirmProfile = CONSULTANCY_PROFILE;

/** Lowest-exposure answers everywhere, then a knock-out (T3 unpaid), a medium finding (T1 grade C) and a "don't know" (T2). */
function submitted(): AssessmentView {
  const catalogue = realCatalogue();
  const answers = answerMap({
    ...Object.fromEntries(
      applicableQuestions(catalogue, profile).map((q) => [
        q.id,
        { optionId: [...q.options].sort((a, b) => a.exposure - b.exposure)[0]?.id ?? '' },
      ]),
    ),
    T1: { optionId: 'c' },
    T2: { optionId: 'dont_know' },
    T3: { optionId: 'no' },
  });
  const result = score(catalogue, profile, answers);
  return {
    id: ID,
    orgId: 'org-1',
    status: 'submitted',
    catalogueVersion: '2026.1',
    createdAt: '2026-05-01T09:00:00.000Z',
    submittedAt: '2026-05-02T09:00:00.000Z',
    overallScore: result.score,
    level: result.level,
    previousId: null,
    answered: result.answered,
    profile,
    answers: [],
    changedQuestions: [],
    result,
  };
}

describe('ResultPage', () => {
  let fixture: ComponentFixture<ResultPage>;
  let http: HttpTestingController;

  /** The request matching `match`, once the page has sent it. */
  const next = (match: (r: HttpRequest<unknown>) => boolean): Promise<TestRequest> => nextRequest(fixture, http, match);

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        ResultPage,
        TranslocoTestingModule.forRoot({
          langs: { en: { assessments: en } },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
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
    fixture = TestBed.createComponent(ResultPage);
    fixture.componentRef.setInput('id', ID);
  });

  afterEach(() => http.verify());

  /** Answers the page's requests: the assessment, its catalogue, the actions and the peer benchmark. */
  async function load(view: AssessmentView): Promise<HTMLElement> {
    (await next((r) => r.url === `/api/assessments/${ID}`)).flush(view);
    (await next((r) => r.url === '/api/catalogue/2026.1')).flush(realPublicCatalogue('en'));
    (await next((r) => r.url === '/api/orgs/org-1/actions')).flush([]);
    const unavailable = {
      available: false,
      reason: 'no_data',
      message: { en: 'No comparison data yet.', de: 'Noch keine Vergleichsdaten.' },
    };
    (await next((r) => r.url === '/api/orgs/org-1/peer-benchmark')).flush({
      wave: null,
      k: 10,
      sector: { ...unavailable, by: 'sector' },
      size: { ...unavailable, by: 'size' },
    });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  /** A manufacturer with many low findings, two medium ones and a "don't know" on C1 (customs credit level). */
  function manyFindings(): AssessmentView {
    const catalogue = realCatalogue();
    const questions = applicableQuestions(catalogue, MANUFACTURER_PROFILE);
    const lows = questions
      .map((q) => [q.id, q.options.find((o) => o.finding?.severity === 'low')?.id] as const)
      .filter((x): x is readonly [string, string] => x[1] !== undefined)
      .slice(0, 16);
    const answers = answerMap({
      ...Object.fromEntries(
        questions.map((q) => [q.id, { optionId: [...q.options].sort((a, b) => a.exposure - b.exposure)[0]?.id ?? '' }]),
      ),
      ...Object.fromEntries(lows.map(([q, o]) => [q, { optionId: o }])),
      T1: { optionId: 'c' },
      C1: { optionId: 'dont_know' },
    });
    const result = score(catalogue, MANUFACTURER_PROFILE, answers);
    return { ...submitted(), profile: MANUFACTURER_PROFILE, result, overallScore: result.score, level: result.level };
  }

  it('ranks the customs "don\'t know" among the most urgent findings and groups the rest per dimension', async () => {
    const el = await load(manyFindings());
    const top = [...el.querySelectorAll('[data-testid="top-findings"] li')];
    expect(top).toHaveLength(5);
    expect(top.map((li) => li.querySelector('.qid')?.textContent)).toContain('C1');
    const c1 = top.find((li) => li.querySelector('.qid')?.textContent === 'C1');
    expect(c1?.textContent).toContain('ranked as Critical: not yet checked');
    expect(c1?.querySelector('a')?.getAttribute('href')).toContain('#verify-C1');
    // Every finding sits in a collapsible group of its dimension; only groups with an urgent finding start open.
    const groups = [...el.querySelectorAll<HTMLDetailsElement>('[data-testid="finding-group"]')];
    expect(groups.length).toBeGreaterThan(3);
    expect(groups.filter((g) => g.open).length).toBeLessThan(groups.length);
    expect(groups[0]?.open).toBe(true);
    // Following an urgent finding whose group is closed opens that group.
    const groupOf = (id: string) => groups.find((g) => g.querySelector(`#finding-${id}`));
    const closedTop = top.find((li) => groupOf(li.querySelector('.qid')?.textContent ?? '')?.open === false);
    const closedId = closedTop?.querySelector('.qid')?.textContent ?? '';
    expect(closedId).not.toBe('');
    closedTop?.querySelector('a')?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    fixture.detectChanges();
    expect(groupOf(closedId)?.open).toBe(true);
    expect(el.querySelector('[data-testid="since-last"]')).toBeNull();
    expect(el.querySelector('[data-testid="scoring-model"]')?.textContent).toContain('scoring model 2');
  });

  it('says what was resolved since the last self-check, per finding and per dimension', async () => {
    const view = manyFindings();
    const el = await load({
      ...view,
      sinceLast: {
        previous: {
          id: 'prev-1',
          submittedAt: '2026-01-10T09:00:00.000Z',
          score: 64.7,
          level: 'high',
          scoringModel: 1,
        },
        resolved: [
          { questionId: 'T2', optionId: 'below_threshold', dimensionId: 'tax', severity: 'medium', kind: 'exposure' },
        ],
        new: [],
        changed: [],
        unchanged: 18,
        dimensions: [
          { dimensionId: 'tax', before: 74, after: 51, change: -23, resolved: 1, new: 0 },
          { dimensionId: 'customs', before: 30, after: 30, change: 0, resolved: 0, new: 0 },
        ],
      },
    });
    const since = el.querySelector('[data-testid="since-last"]')?.textContent ?? '';
    expect(since).toContain('1 finding resolved');
    expect(since).toContain('no new finding');
    expect(since).toContain('18 unchanged');
    expect(since).toContain('T2');
    expect(since).toContain('scoring model 1');
    const rows = [...el.querySelectorAll('[data-testid="since-last"] tbody tr')].map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(1); // the customs row did not change
    expect(rows[0]).toContain('74');
    expect(rows[0]).toContain('51');
    expect(rows[0]).toContain('-23');
    const tax = [...el.querySelectorAll('[data-testid="finding-group"] summary')].find((s) =>
      s.textContent?.includes('Tax'),
    );
    expect(tax?.textContent).toContain('1 resolved since last time');
  });

  it('names each finding in its catalogue version’s current wording, the stored text only where the version lacks it', async () => {
    const view = submitted();
    const result = JSON.parse(JSON.stringify(view.result)) as NonNullable<AssessmentView['result']>;
    // Stored at submission in an older wording (a correction came later), and an option the version no longer has.
    const stale = (f: (typeof result.findings)[number]) => {
      if (f.questionId === 'T1' && f.finding) f.finding.title = { en: 'Tax credit rating C (old)', de: 'Alt' };
      if (f.questionId === 'T3' && f.finding) {
        f.optionId = 'retired';
        f.finding.title = { en: 'Stored knock-out title', de: 'Gespeichert' };
      }
    };
    result.findings.forEach(stale);
    result.knockOuts.forEach(stale);
    const el = await load({ ...view, result });

    expect(el.querySelector('#finding-T1 .title')?.textContent).toBe('Tax credit grade C');
    expect(el.querySelector('[data-testid="top-findings"]')?.textContent).toContain('Tax credit grade C');
    expect(el.textContent).not.toContain('Tax credit rating C (old)');
    expect(el.querySelector('#finding-T3 .title')?.textContent).toBe('Stored knock-out title');
  });

  it('shows the level, the knock-out first, then findings by severity, and what to verify', async () => {
    (await next((r) => r.url === `/api/assessments/${ID}`)).flush(submitted());
    (await next((r) => r.url === '/api/catalogue/2026.1')).flush(realPublicCatalogue('en'));
    (await next((r) => r.url === '/api/orgs/org-1/actions')).flush([
      {
        id: 'a1',
        title: 'Fix grade C',
        questionId: 'T1',
        optionId: 'c',
        assessmentId: ID,
        ownerUserId: null,
        ownerName: null,
        dueDate: '2026-09-30',
        status: 'in_progress',
        note: null,
        overdue: false,
        createdAt: '',
        updatedAt: '',
      },
    ]);
    (await next((r) => r.url === '/api/orgs/org-1/peer-benchmark')).flush({
      wave: null,
      k: 10,
      sector: {
        available: false,
        by: 'sector',
        reason: 'no_data',
        message: { en: 'No comparison data yet.', de: 'Noch keine Vergleichsdaten.' },
      },
      size: {
        available: false,
        by: 'size',
        reason: 'no_data',
        message: { en: 'No comparison data yet.', de: 'Noch keine Vergleichsdaten.' },
      },
    });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="peer-unavailable"]')?.textContent).toContain('Not enough data yet');

    expect(el.querySelector('[data-testid="result-overall"]')?.textContent).toContain('Critical');
    const ko = el.querySelector('#ko-h');
    const rest = el.querySelector('#findings-h');
    expect(ko?.textContent).toContain('Knock-out findings (1)');
    expect(rest?.textContent).toContain('Other findings by dimension');
    expect(ko && rest && ko.compareDocumentPosition(rest) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const knockOut = el.querySelector('section[aria-labelledby="ko-h"] [data-testid="finding"]');
    expect(knockOut?.id).toBe('finding-T3');
    const others = [...el.querySelectorAll('section[aria-labelledby="findings-h"] [data-testid="finding"]')].map(
      (f) => f.id,
    );
    expect(others).toContain('finding-T1');
    expect(others).not.toContain('finding-T3');
    // "don't know" keeps its place on the verify list; its dimension group links there instead of a finding card.
    expect(others).not.toContain('finding-T2');
    expect(el.querySelector('section[aria-labelledby="findings-h"] a[href$="#verify-T2"]')).not.toBeNull();

    const t1 = el.querySelector('#finding-T1')?.textContent ?? '';
    expect(t1).toContain('Tax credit grade C');
    expect(t1).toContain('What to do');
    expect(t1).toContain('up to 12 months');
    expect(t1).toContain('Action: Fix grade C (In progress)');
    expect(el.querySelector('#verify-T2')?.textContent).toContain('Electronic Tax Bureau');
    expect(el.querySelector('a[href*="export.csv?lang=en"]')).not.toBeNull();
  });
});
