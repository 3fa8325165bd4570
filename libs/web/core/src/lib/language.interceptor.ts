import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { LanguageService } from './language.service';

/**
 * Sends the current UI language as `Accept-Language` with every API request, so the server answers (errors,
 * validation messages) in the language the user reads, not the browser's.
 */
export const languageInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith('/api/') || req.headers.has('Accept-Language')) return next(req);
  const lang = inject(LanguageService).current();
  return next(req.clone({ setHeaders: { 'Accept-Language': lang } }));
};
