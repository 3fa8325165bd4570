import { provideHttpClient, type HttpRequest, withInterceptors, type HttpInterceptorFn } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, type Routes } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { SessionService, type SessionMembership } from '@scs/web/core';
import en from '../lib/i18n/en.json';

/** TestBed with English texts of this library, a testing HttpClient and a router. */
export async function setupAccountsTest(options: { routes?: Routes; interceptors?: HttpInterceptorFn[] } = {}): Promise<HttpTestingController> {
  await TestBed.configureTestingModule({
    imports: [TranslocoTestingModule.forRoot({ langs: { en: { accounts: en } }, translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'en' }, preloadLangs: true })],
    providers: [provideHttpClient(withInterceptors(options.interceptors ?? [])), provideHttpClientTesting(), provideRouter(options.routes ?? [])],
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

const tick = () => new Promise((r) => setTimeout(r, 0));

/** The request matching `match` once the component has sent it (change detection runs in between). */
export async function nextRequest(fixture: ComponentFixture<unknown>, http: HttpTestingController, match: (r: HttpRequest<unknown>) => boolean): Promise<TestRequest> {
  for (let i = 0; i < 50; i++) {
    fixture.detectChanges();
    await tick();
    const found = http.match(match);
    if (found[0]) return found[0];
  }
  throw new Error('request not sent');
}

/** Lets pending promises and change detection settle. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await tick();
    fixture.detectChanges();
  }
  await fixture.whenStable();
}

export const text = (el: Element | null | undefined): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
