import { provideHttpClient, withInterceptors, type HttpInterceptorFn } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, type Routes } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages, SessionService, type SessionMembership } from '@scs/web/core';
import en from '../lib/i18n/en.json';

/** TestBed with English texts of this library, a testing HttpClient and a router. */
export async function setupAccountsTest(
  options: { routes?: Routes; interceptors?: HttpInterceptorFn[] } = {},
): Promise<HttpTestingController> {
  await TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { en: { accounts: en } },
        translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideIcuMessages(),
      provideHttpClient(withInterceptors(options.interceptors ?? [])),
      provideHttpClientTesting(),
      provideRouter(options.routes ?? []),
    ],
  }).compileComponents();
  return TestBed.inject(HttpTestingController);
}

/** Signs in a fake user with the given memberships (the first one is active). */
export function signIn(memberships: SessionMembership[], id = 'user-1'): SessionService {
  const session = TestBed.inject(SessionService);
  session.user.set({ id, email: 'anna@muster.example', name: 'Anna', platformAdmin: false, memberships });
  session.loaded.set(true);
  return session;
}

export { nextRequest, settle, text } from '@scs/web/core/testing';
