import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { describeError } from './api';
import { languageInterceptor } from './language.interceptor';
import { LanguageService } from './language.service';

describe('languageInterceptor', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: {}, de: {} },
          translocoConfig: { availableLangs: ['en', 'de'] },
        }),
      ],
      providers: [provideHttpClient(withInterceptors([languageInterceptor])), provideHttpClientTesting()],
    });
  });

  it('sends the current UI language (not the browser language) with API requests only', async () => {
    const http = TestBed.inject(HttpClient);
    const ctrl = TestBed.inject(HttpTestingController);
    TestBed.inject(LanguageService).use('de');
    void firstValueFrom(http.get('/api/auth/me'));
    expect(ctrl.expectOne('/api/auth/me').request.headers.get('Accept-Language')).toBe('de');
    TestBed.inject(LanguageService).use('en');
    void firstValueFrom(http.get('/api/catalogue/current'));
    expect(ctrl.expectOne('/api/catalogue/current').request.headers.get('Accept-Language')).toBe('en');
    void firstValueFrom(http.get('/i18n/de.json'));
    expect(ctrl.expectOne('/i18n/de.json').request.headers.has('Accept-Language')).toBe(false);
    ctrl.verify();
  });
});

describe('describeError', () => {
  it("shows the server's (already translated) message, field errors and its code", () => {
    const err = new HttpErrorResponse({
      status: 401,
      error: {
        statusCode: 401,
        code: 'errors.auth.loginFailed',
        message: 'E-Mail-Adresse oder Passwort ist falsch',
        errors: { password: 'E-Mail-Adresse oder Passwort ist falsch' },
      },
    });
    expect(describeError(err)).toEqual({
      message: 'E-Mail-Adresse oder Passwort ist falsch',
      fields: { password: 'E-Mail-Adresse oder Passwort ist falsch' },
      status: 401,
      code: 'errors.auth.loginFailed',
    });
  });

  it('says in the UI language when the server could not be reached', () => {
    const offline = new HttpErrorResponse({ status: 0 });
    expect(describeError(offline, 'de').message).toBe('Netzwerkfehler: Der Server ist nicht erreichbar.');
    expect(describeError(offline, 'en').message).toBe('Network error: the server could not be reached.');
  });
});
