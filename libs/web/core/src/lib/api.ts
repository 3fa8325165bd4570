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
import { languageInterceptor } from './language.interceptor';

/**
 * HttpClient for the same-origin API: cookies travel automatically; Angular echoes the XSRF cookie as a header; the UI
 * language goes along as Accept-Language (the server answers in it); a 401 renews the short-lived access token once
 * through the refresh cookie and retries.
 */
export function provideApi(...interceptors: HttpInterceptorFn[]): EnvironmentProviders {
  return provideHttpClient(
    withFetch(),
    withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
    withInterceptors([languageInterceptor, authRefreshInterceptor, ...interceptors]),
  );
}

export interface ApiErrorBody {
  statusCode: number;
  /** Stable machine code (a message key of the server's catalogue), e.g. `errors.auth.loginFailed`. */
  code?: string;
  /** The text in the request's language (the UI language, sent as Accept-Language). */
  message: string | string[];
  errors?: Record<string, string>;
  /** Per-field codes next to `errors`. */
  codes?: Record<string, string>;
  requestId?: string;
}

export interface DescribedError {
  /** The server's message (already in the UI language), to show as is. */
  message: string;
  fields: Record<string, string>;
  status: number;
  /** The server's stable code, for code paths that react to one error in particular. */
  code?: string;
}

// The only texts not from the server: it was not reached, or answered without a body.
const NETWORK_ERROR: Record<string, string> = {
  en: 'Network error: the server could not be reached.',
  de: 'Netzwerkfehler: Der Server ist nicht erreichbar.',
  zh: '网络错误：无法连接服务器。',
};

/** The UI language as LanguageService mirrors it into <html lang>. */
const uiLang = (): string => (typeof document === 'undefined' ? 'en' : document.documentElement.lang || 'en');

/** A readable message and field errors from any HTTP error (network failures included). */
export function describeError(err: unknown, lang: string = uiLang()): DescribedError {
  if (err instanceof HttpErrorResponse) {
    if (err.status === 0)
      return { message: NETWORK_ERROR[lang.split('-')[0] ?? 'en'] ?? NETWORK_ERROR['en'], fields: {}, status: 0 };
    const body = (err.error ?? {}) as Partial<ApiErrorBody>;
    const message = Array.isArray(body.message)
      ? body.message.join('; ')
      : (body.message ?? err.statusText ?? 'Request failed');
    return {
      message,
      fields: body.errors ?? {},
      status: err.status,
      ...(typeof body.code === 'string' ? { code: body.code } : {}),
    };
  }
  return { message: err instanceof Error ? err.message : String(err), fields: {}, status: -1 };
}
