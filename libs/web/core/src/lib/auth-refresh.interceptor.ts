import { HttpClient, HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  catchError,
  defer,
  finalize,
  firstValueFrom,
  map,
  type Observable,
  of,
  shareReplay,
  switchMap,
  throwError,
} from 'rxjs';

// Requests that must never trigger a refresh: the sign-in flows themselves.
const NO_REFRESH = /^\/api\/auth\/(login|register|verify-email|refresh|logout|password-reset\/)/;

/**
 * One refresh at a time: concurrent 401s share the same POST /api/auth/refresh, and tabs take turns (Web Locks), so a
 * second tab sends the refresh cookie the first one just received. The server ends the whole session when a rotated
 * refresh token comes back (reuse detection), so two tabs must never send the same one.
 */
@Injectable({ providedIn: 'root' })
export class SessionRefresher {
  private readonly http = inject(HttpClient);
  private inFlight: Observable<boolean> | null = null;

  refresh(): Observable<boolean> {
    const post = () => firstValueFrom(this.http.post('/api/auth/refresh', {}));
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    this.inFlight ??= defer(() => (locks ? locks.request('scs-session-refresh', post) : post())).pipe(
      map(() => true),
      catchError(() => of(false)),
      finalize(() => (this.inFlight = null)),
      shareReplay(1),
    );
    return this.inFlight;
  }
}

/**
 * Access tokens live 15 minutes; the refresh cookie much longer. On a 401 from the API this renews the session once
 * (the refresh cookie is httpOnly, so only the server can read it) and repeats the request; if that fails, the 401 stands.
 * Register with `provideHttpClient(withInterceptors([authRefreshInterceptor]))`.
 */
export const authRefreshInterceptor: HttpInterceptorFn = (req, next) => {
  const refresher = inject(SessionRefresher);
  return next(req).pipe(
    catchError((err: unknown) => {
      const eligible =
        err instanceof HttpErrorResponse &&
        err.status === 401 &&
        req.url.startsWith('/api/') &&
        !NO_REFRESH.test(req.url);
      if (!eligible) return throwError(() => err);
      return refresher.refresh().pipe(switchMap((ok) => (ok ? next(req) : throwError(() => err))));
    }),
  );
};
