import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { ChangeImpactView } from '@scs/shared/contracts';
import { provideIcuMessages, SessionService } from '@scs/web/core';
import { nextRequest } from '@scs/web/core/testing';
import { realPublicCatalogue } from '../../../testing/real-catalogue';
import de from '../../i18n/de.json';
import en from '../../i18n/en.json';
import { ChangeImpactPage } from './change-impact.page';

jest.setTimeout(30_000);

const impact: ChangeImpactView = {
  outdated: true,
  currentVersion: '2026.2',
  currentEffectiveFrom: '2026-12-01',
  assessment: {
    id: 'a-old',
    catalogueVersion: '2026.1',
    submittedAt: '2026-06-02T09:00:00.000Z',
    score: 31.5,
    level: 'moderate',
  },
  questions: {
    added: ['X6'],
    changed: [{ id: 'X1', from: 'D1', fields: ['options', 'record', 'references'] }],
    removed: [],
  },
  supersededReferences: [],
  carriedOver: 40,
  notCarried: ['C3'],
  scoreToday: { score: 28.25, level: 'moderate', provisional: true, applicable: 50, answered: 47 },
  draftId: null,
};

describe('ChangeImpactPage', () => {
  async function render(lang: 'en' | 'de') {
    await TestBed.configureTestingModule({
      imports: [
        ChangeImpactPage,
        TranslocoTestingModule.forRoot({
          langs: { en: { assessments: en }, de: { assessments: de } },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: lang },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    }).compileComponents();
    const http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(SessionService);
    session.user.set({
      id: 'u1',
      email: 'a@firm.example',
      name: 'Anna',
      platformAdmin: false,
      memberships: [{ orgId: 'org-1', orgName: 'Muster GmbH', kind: 'firm', role: 'owner' }],
    });
    session.loaded.set(true);
    const fixture = TestBed.createComponent(ChangeImpactPage);
    (await nextRequest(fixture, http, (r) => r.url === '/api/orgs/org-1/change-impact')).flush(impact);
    (await nextRequest(fixture, http, (r) => r.url === '/api/catalogue/2026.1')).flush(
      realPublicCatalogue('en', '2026.1'),
    );
    (await nextRequest(fixture, http, (r) => r.url === '/api/catalogue/2026.2')).flush(
      realPublicCatalogue('en', '2026.2'),
    );
    await fixture.whenStable();
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it('lists what changed, the score today with the answers carried over, and re-assesses from the old assessment', async () => {
    const { fixture, http, el } = await render('en');
    expect(el.querySelector('[data-testid="changes-intro"]')?.textContent).toContain('Catalogue 2026.2 applies since');
    expect(el.querySelector('[data-testid="changes-added"]')?.textContent).toContain('X6');
    const changed = el.querySelector('[data-testid="changes-changed"]')?.textContent ?? '';
    expect(changed).toContain('formerly D1');
    expect(changed).toContain('answer options');
    expect(changed).toContain('dated records');
    const today = el.querySelector('[data-testid="score-today"]')?.textContent ?? '';
    expect(today).toContain('provisional');
    expect(today).toContain('3 new questions are still unanswered');
    expect(el.textContent).toContain('40 answers are carried over.');
    expect(el.textContent).toContain('1 answer cannot be carried over');

    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    el.querySelector<HTMLButtonElement>('[data-testid="reassess"]')?.click();
    const start = await nextRequest(
      fixture,
      http,
      (r) => r.url === '/api/orgs/org-1/assessments' && r.method === 'POST',
    );
    expect(start.request.body).toEqual({ previousId: 'a-old' });
    start.flush({ id: 'a-new' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/assessments', 'a-new']);
    http.verify();
  });

  it('speaks German', async () => {
    const { el } = await render('de');
    expect(el.querySelector('h1')?.textContent).toContain('Was sich für Sie ändert');
    expect(el.querySelector('[data-testid="reassess"]')?.textContent).toContain('Mit meinen Antworten neu bewerten');
    expect(el.textContent).toContain('3 neue Fragen sind noch unbeantwortet');
    expect(el.textContent).toContain('bisher D1');
  });
});
