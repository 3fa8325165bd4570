import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { GroupLinksView, PortfolioEntity, PortfolioView } from '@scs/shared/contracts';
import { LanguageService, provideIcuMessages, SessionService } from '@scs/web/core';
import de from '../i18n/de.json';
import en from '../i18n/en.json';
import { cellOf, PortfolioPage } from './portfolio.page';

const ORG = 'org-group';

function entity(overrides: Partial<PortfolioEntity> = {}): PortfolioEntity {
  return {
    linkId: 'l1',
    orgId: 'org-suzhou',
    name: 'Muster (Suzhou) Co., Ltd.',
    uscc: '91310000MA1FL0XXX3',
    provinces: ['JS'],
    legalForm: 'wfoe',
    answersGranted: false,
    assessmentId: 'a1',
    score: 36.25,
    level: 'moderate',
    provisional: false,
    cells: [
      { code: 'D1', score: 12.5, level: 'low' },
      { code: 'D2', score: 80, level: 'critical' },
    ],
    actions: { open: 3, overdue: 1 },
    repairs: { open: 1, overdue: 0, nextDue: '2027-03-01' },
    lastSubmittedAt: '2026-12-05T10:00:00.000Z',
    nextDue: '2027-12-05',
    reassessmentOverdue: false,
    ...overrides,
  };
}

function view(entities: PortfolioEntity[]): PortfolioView {
  return {
    groupOrgId: ORG,
    dimensions: [
      { code: 'D1', title: { en: 'Tax', de: 'Steuern', zh: '税务' } },
      { code: 'D2', title: { en: 'Customs', de: 'Zoll', zh: '海关' } },
    ],
    entities,
    provinces: entities.length ? ['JS'] : [],
    legalForms: entities.length ? ['wfoe'] : [],
    asOf: '2026-12-06',
  };
}

const NO_LINKS: GroupLinksView = { entities: [], groups: [] };

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 6; i++) await Promise.resolve();
  fixture.detectChanges();
}

describe('PortfolioPage', () => {
  let fixture: ComponentFixture<PortfolioPage>;
  let http: HttpTestingController;
  const el = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        PortfolioPage,
        TranslocoTestingModule.forRoot({
          langs: { en: { portfolio: en }, de: { portfolio: de } },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function open(role: 'owner' | 'member', portfolio: PortfolioView, links: GroupLinksView = NO_LINKS) {
    const session = TestBed.inject(SessionService);
    session.user.set({
      id: 'u1',
      email: 'o@group.example',
      name: 'O',
      platformAdmin: false,
      memberships: [{ orgId: ORG, orgName: 'Muster Holding', kind: 'firm', role }],
    });
    session.loaded.set(true);
    fixture = TestBed.createComponent(PortfolioPage);
    fixture.detectChanges();
    http.expectOne(`/api/orgs/${ORG}/portfolio`).flush(portfolio);
    http.expectOne(`/api/orgs/${ORG}/group-links`).flush(links);
    http.expectOne(`/api/orgs/${ORG}/portfolio/reports`).flush([]);
    await settle(fixture);
  }

  it('shows the empty state when no entity is linked', async () => {
    await open('owner', view([]));
    expect(el().textContent).toContain('No entities in the portfolio yet');
    expect(el().querySelector('[data-testid="portfolio-heatmap"]')).toBeNull();
  });

  it('draws the heat map with one coloured cell per entity and dimension, with scores formatted in the UI language', async () => {
    TestBed.inject(LanguageService).current.set('de');
    await open(
      'member',
      view([entity(), entity({ orgId: 'org-2', name: 'Neu', level: null, score: null, cells: [] })]),
    );
    const cells = [...el().querySelectorAll('[data-testid="portfolio-heatmap"] td')];
    expect(cells.map((c) => [...c.classList].sort().join(' '))).toEqual([
      'heat heat-low',
      'heat heat-critical',
      'heat heat-moderate overall',
      'heat heat-none',
      'heat heat-none',
      'heat heat-none overall',
    ]);
    expect(cells[2].textContent?.trim()).toBe('36,3');
    expect(el().querySelector('[data-testid="portfolio-entities"]')?.textContent).toContain('1 overdue');
    // A member sees the portfolio but no invitation form.
    expect(el().querySelector('[data-testid="invite-uscc"]')).toBeNull();
  });

  it('sends one invitation however often the button is clicked, and shows the server message next to the field', async () => {
    await open('owner', view([]));
    const input = el().querySelector<HTMLInputElement>('[data-testid="invite-uscc"]') as HTMLInputElement;
    input.value = '91310000MA1FL0XXX3';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    const button = el().querySelector<HTMLButtonElement>('[data-testid="invite-submit"]') as HTMLButtonElement;
    button.click();
    button.click();
    const req = http.expectOne(`/api/orgs/${ORG}/group-links`);
    expect(req.request.body).toEqual({ uscc: '91310000MA1FL0XXX3' });
    req.flush(
      { message: 'No firm with this code', errors: { uscc: 'No firm with this unified social credit code' } },
      { status: 404, statusText: 'Not Found' },
    );
    await settle(fixture);
    expect(el().querySelector('[data-testid="invite-error"]')?.textContent).toContain(
      'No firm with this unified social credit code',
    );
  });

  it("lets the entity's owner accept a pending invitation", async () => {
    const pending: GroupLinksView = {
      entities: [],
      groups: [
        {
          id: 'link-1',
          status: 'pending',
          group: { orgId: 'org-parent', name: 'Parent AG' },
          entity: { orgId: ORG, name: 'Muster Holding', uscc: null },
          answersGranted: false,
          invitedAt: '2026-12-01T00:00:00.000Z',
          respondedAt: null,
          endedAt: null,
          endedBy: null,
        },
      ],
    };
    await open('owner', view([]), pending);
    expect(el().textContent).toContain('Parent AG invites this firm to its group portfolio.');
    (el().querySelector('[data-testid="link-accept"]') as HTMLButtonElement).click();
    http.expectOne(`/api/orgs/${ORG}/group-links/link-1/accept`).flush({ ...pending.groups[0], status: 'active' });
    await settle(fixture);
    http.expectOne(`/api/orgs/${ORG}/portfolio`).flush(view([]));
    http.expectOne(`/api/orgs/${ORG}/group-links`).flush(NO_LINKS);
    http.expectOne(`/api/orgs/${ORG}/portfolio/reports`).flush([]);
    await settle(fixture);
  });

  it('offers "View answers" only for entities that share their answers', async () => {
    await open('member', view([entity({ answersGranted: true }), entity({ orgId: 'org-2', name: 'Neu' })]));
    const links = [...el().querySelectorAll<HTMLAnchorElement>('[data-testid="view-answers"]')];
    expect(links).toHaveLength(1);
    expect(links[0].textContent?.trim()).toBe('View answers');
    expect(links[0].getAttribute('href')).toBe('/portfolio/entities/org-suzhou/answers');
  });

  it('cellOf finds a dimension by code and reports a missing one as not scored', () => {
    expect(cellOf(entity(), 'D2')).toEqual({ score: 80, level: 'critical' });
    expect(cellOf(entity(), 'D9')).toEqual({ score: null, level: null });
  });
});
