import { HttpClient } from '@angular/common/http';
import { EnvironmentProviders, Injectable, inject, isDevMode, makeEnvironmentProviders } from '@angular/core';
import { provideTransloco, Translation, TRANSLOCO_TRANSPILER, TranslocoLoader } from '@jsverse/transloco';
import { IcuTranspiler } from './icu';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
class HttpTranslationLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);
  getTranslation(lang: string): Observable<Translation> {
    return this.http.get<Translation>(`/i18n/${lang}.json`);
  }
}

/**
 * ICU MessageFormat for every text (plurals and selects: `{n, plural, one {# Frage} other {# Fragen}}`), with the
 * plural rules of the active language, formatted by intl-messageformat without eval (see icu.ts:
 * @jsverse/transloco-messageformat compiles with `new Function`, which the Content-Security-Policy blocks). Arguments
 * are written `{name}` (never transloco's `{{ name }}`); values are inserted after parsing, so a user's input (a firm
 * name with a brace) can never break a message. Specs that render ICU texts add this provider next to
 * `TranslocoTestingModule.forRoot(...)`.
 */
export function provideIcuMessages(): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: TRANSLOCO_TRANSPILER, useClass: IcuTranspiler }]);
}

/**
 * Run-time translations (German/English/Simplified Chinese): the shell's texts come from /i18n/<lang>.json; feature libraries add
 * their own scoped files with `provideTranslocoScope` so no two features edit one file. Texts are ICU messages
 * (provideIcuMessages).
 */
export function provideI18n(): EnvironmentProviders[] {
  const transloco = provideTransloco({
    config: {
      availableLangs: ['en', 'de', 'zh'],
      defaultLang: 'en',
      fallbackLang: 'en',
      reRenderOnLangChange: true,
      prodMode: !isDevMode(),
      missingHandler: { logMissingKey: isDevMode() },
    },
    loader: HttpTranslationLoader,
  });
  return [...transloco, provideIcuMessages()];
}
