import { HttpClient } from '@angular/common/http';
import { Injectable, inject, isDevMode } from '@angular/core';
import { provideTransloco, Translation, TranslocoLoader } from '@jsverse/transloco';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
class HttpTranslationLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);
  getTranslation(lang: string): Observable<Translation> {
    return this.http.get<Translation>(`/i18n/${lang}.json`);
  }
}

/**
 * Run-time translations (German/English): the shell's texts come from /i18n/<lang>.json; feature libraries add
 * their own scoped files with `provideTranslocoScope` so no two features edit one file.
 */
export function provideI18n(): ReturnType<typeof provideTransloco> {
  return provideTransloco({
    config: {
      availableLangs: ['en', 'de'],
      defaultLang: 'en',
      fallbackLang: 'en',
      reRenderOnLangChange: true,
      prodMode: !isDevMode(),
      missingHandler: { logMissingKey: isDevMode() },
    },
    loader: HttpTranslationLoader,
  });
}
