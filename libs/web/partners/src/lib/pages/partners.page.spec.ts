import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { PartnerView } from '@scs/shared/contracts';
import { LanguageService, provideIcuMessages, SessionService } from '@scs/web/core';
import en from '../i18n/en.json';
import zh from '../i18n/zh.json';
import { PartnersPage } from './partners.page';

const ORG = 'org-firm';

function partner(overrides: Partial<PartnerView>): PartnerView {
  return {
    id: 'p1',
    name: 'Suzhou Supplier Co., Ltd.',
    nameZh: null,
    uscc: null,
    role: 'supplier',
    province: 'JS',
    contactName: null,
    contactEmail: null,
    contactLanguage: 'zh',
    recheckMonths: 12,
    state: 'none',
    level: null,
    flagCount: 0,
    answeredAt: null,
    recheckDue: null,
    recheckOverdue: false,
    ...overrides,
  };
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 6; i++) await Promise.resolve();
  fixture.detectChanges();
}

describe('PartnersPage provinces', () => {
  let fixture: ComponentFixture<PartnersPage>;
  let http: HttpTestingController;
  const el = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [
        PartnersPage,
        TranslocoTestingModule.forRoot({
          langs: { en: { partners: en }, zh: { partners: zh } },
          translocoConfig: { availableLangs: ['en', 'zh'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(SessionService);
    session.user.set({
      id: 'u1',
      email: 'o@firm.example',
      name: 'O',
      platformAdmin: false,
      memberships: [{ orgId: ORG, orgName: 'Firm', kind: 'firm', role: 'owner' }],
    });
    session.loaded.set(true);
  });
  afterEach(() => http.verify());

  it('names provinces (codes or imported names) in the UI language, Chinese included', async () => {
    TestBed.inject(LanguageService).use('zh');
    fixture = TestBed.createComponent(PartnersPage);
    fixture.detectChanges();
    http
      .expectOne(`/api/orgs/${ORG}/partners`)
      .flush([
        partner({ province: 'JS' }),
        partner({ id: 'p2', province: 'Guangdong' }),
        partner({ id: 'p3', province: 'Bavaria' }),
      ]);
    await settle(fixture);
    const labels = [...el().querySelectorAll('[data-testid="partner-province-label"]')].map((e) =>
      e.textContent?.trim(),
    );
    expect(labels).toEqual(['江苏', '广东', 'Bavaria']);

    // The form offers the provinces by name in the UI language and stores the code.
    (el().querySelector('[data-testid="add-partner"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const options = [...el().querySelectorAll<HTMLOptionElement>('[data-testid="partner-province"] option')];
    expect(options.find((o) => o.value === 'SH')?.textContent?.trim()).toBe('上海');
    expect(options).toHaveLength(35);
  });
});
