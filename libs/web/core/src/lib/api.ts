import {
  HttpErrorResponse,
  type HttpInterceptorFn,
  provideHttpClient,
  withFetch,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import type { EnvironmentProviders } from '@angular/core';
import { authRefreshInterceptor } from './auth-refresh.interceptor';

/**
 * HttpClient for the same-origin API: cookies travel automatically; Angular echoes the XSRF cookie as a header; a 401
 * renews the short-lived access token once through the refresh cookie and retries.
 */
export function provideApi(...interceptors: HttpInterceptorFn[]): EnvironmentProviders {
  return provideHttpClient(
    withFetch(),
    withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
    withInterceptors([authRefreshInterceptor, ...interceptors]),
  );
}

export interface ApiErrorBody {
  statusCode: number;
  message: string | string[];
  errors?: Record<string, string>;
  requestId?: string;
}

/** A readable message and field errors from any HTTP error (network failures included). */
export function describeError(err: unknown): { message: string; fields: Record<string, string>; status: number } {
  if (err instanceof HttpErrorResponse) {
    if (err.status === 0) return { message: 'Network error: the server could not be reached.', fields: {}, status: 0 };
    const body = (err.error ?? {}) as Partial<ApiErrorBody>;
    const message = Array.isArray(body.message)
      ? body.message.join('; ')
      : (body.message ?? err.statusText ?? 'Request failed');
    return { message, fields: body.errors ?? {}, status: err.status };
  }
  return { message: err instanceof Error ? err.message : String(err), fields: {}, status: -1 };
}
