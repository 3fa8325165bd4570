import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../public/i18n/en.json';
import de from '../../public/i18n/de.json';
import { App } from './app';
import { appRoutes } from './app.routes';

describe('App shell', () => {
  beforeEach(async () => {
    localStorage.clear();
    await TestBed.configureTestingModule({
      imports: [
        App,
        TranslocoTestingModule.forRoot({
          langs: { en, de },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en', reRenderOnLangChange: true },
          preloadLangs: true,
        }),
      ],
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting()],
    }).compileComponents();
  });

  it('shows the navigation and sign-in links to an anonymous visitor', async () => {
    const fixture = TestBed.createComponent(App);
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/me')
      .flush({}, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain('What we assess');
    expect(text).toContain('Sign in');
  });

  it('switches every shell text to German and remembers the choice', async () => {
    const fixture = TestBed.createComponent(App);
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/me')
      .flush({}, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    const de = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('[data-lang="de"] button');
    expect(de).not.toBeNull();
    de?.click();
    await fixture.whenStable();
    fixture.detectChanges();
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain('Was wir prüfen');
    expect(text).toContain('Anmelden');
    expect(document.documentElement.lang).toBe('de');
    expect(localStorage.getItem('scs.lang')).toBe('de');
  });
});
