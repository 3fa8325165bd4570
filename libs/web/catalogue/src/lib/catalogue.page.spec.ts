import { provideHttpClient, type HttpRequest } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { parseCatalogueFiles, toPublicCatalogue, type Catalogue } from '@scs/shared/catalogue';
import { provideIcuMessages, LanguageService } from '@scs/web/core';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CataloguePage } from './catalogue.page';
import de from './i18n/de.json';
import en from './i18n/en.json';
import { nextRequest } from '@scs/web/core/testing';

const DIR = join(__dirname, '../../../../shared/catalogue/data/2026.1');
const walk = (d: string): string[] =>
  readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
const catalogue: Catalogue = parseCatalogueFiles(
  walk(DIR).map((p) => ({ path: relative(DIR, p), content: readFileSync(p, 'utf8') })),
);

// Rendering the full real catalogue takes a few seconds in jsdom, more on a loaded CI machine.
jest.setTimeout(30_000);

describe('CataloguePage ("What we assess")', () => {
  let fixture: ComponentFixture<CataloguePage>;
  let http: HttpTestingController;

  /** The request matching `match`, once the page has sent it. */
  const next = (match: (r: HttpRequest<unknown>) => boolean): Promise<TestRequest> => nextRequest(fixture, http, match);

  beforeEach(async () => {
    localStorage.clear();
    await TestBed.configureTestingModule({
      imports: [
        CataloguePage,
        TranslocoTestingModule.forRoot({
          langs: { en: { catalogue: en }, de: { catalogue: de } },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en', reRenderOnLangChange: true },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages(), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CataloguePage);
  });

  afterEach(() => http.verify());

  it('shows all 16 dimensions with Chinese names, counterparts and sources, and refetches in German when the language changes', async () => {
    (await next((r) => r.url === '/api/catalogue' && r.params.get('lang') === 'en')).flush(
      toPublicCatalogue(catalogue, 'en'),
    );
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const headings = [...el.querySelectorAll('[data-testid="dimension"] h2')].map((h) =>
      h.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(headings).toHaveLength(16);
    expect(headings[0]).toContain('D1 Tax 纳税信用');
    expect(el.querySelectorAll('#sources scs-reference-item')).toHaveLength(catalogue.references.length);
    expect(el.textContent).toContain('Closest German/EU counterpart');

    TestBed.inject(LanguageService).use('de');
    (await next((r) => r.url === '/api/catalogue' && r.params.get('lang') === 'de')).flush(
      toPublicCatalogue(catalogue, 'de'),
    );
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="dimension"] h2')?.textContent).toContain('Steuern');
    expect(el.querySelector('h1')?.textContent).toContain('Was wir prüfen');
  });

  it('labels every unconfirmed source and counterpart as unconfirmed', async () => {
    (await next((r) => r.url === '/api/catalogue')).flush(toPublicCatalogue(catalogue, 'en'));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const unconfirmedRefs = catalogue.references.filter((r) => r.status === 'unconfirmed');
    for (const r of unconfirmedRefs) {
      expect(el.querySelector(`#ref-${r.id} .badge-unconfirmed`)?.textContent).toContain('Unconfirmed');
    }
    const unconfirmedCounterparts = catalogue.dimensions.filter((d) => d.counterpart.status === 'unconfirmed').length;
    expect(el.querySelectorAll('.counterpart.unconfirmed .badge-unconfirmed')).toHaveLength(unconfirmedCounterparts);
  });

  it('offers a retry when the catalogue cannot be loaded', async () => {
    (await next((r) => r.url === '/api/catalogue')).flush(
      { statusCode: 503, message: 'Service unavailable' },
      { status: 503, statusText: 'Unavailable' },
    );
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Service unavailable');
    el.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    (await next((r) => r.url === '/api/catalogue')).flush(toPublicCatalogue(catalogue, 'en'));
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid="dimension"]')).toHaveLength(16);
  });
});
