import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';

export type Lang = 'en' | 'de' | 'zh';
export const LANGS: readonly Lang[] = ['de', 'en', 'zh'];
const STORAGE_KEY = 'scs.lang';

/** What the language switch shows for each language (its own name, not a flag). */
export const LANG_LABELS: Readonly<Record<Lang, string>> = { de: 'DE', en: 'EN', zh: '中文' };
/** Each language's name in itself (the phone menu). */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { de: 'Deutsch', en: 'English', zh: '简体中文' };

/** The value of <html lang> and the Intl locale per UI language (Simplified Chinese as written in mainland China). */
export const HTML_LANG: Readonly<Record<Lang, string>> = { de: 'de', en: 'en', zh: 'zh-CN' };
export const INTL_LOCALE: Readonly<Record<Lang, string>> = { de: 'de-DE', en: 'en-GB', zh: 'zh-CN' };

export function isLang(value: unknown): value is Lang {
  return value === 'de' || value === 'en' || value === 'zh';
}

/** The UI language a browser asks for: German, Chinese (any zh-*), else English. */
export function browserLang(navigatorLanguage: string | undefined): Lang {
  const tag = (navigatorLanguage ?? '').toLowerCase();
  return tag.startsWith('de') ? 'de' : tag.startsWith('zh') ? 'zh' : 'en';
}

/** The Intl locale of a UI language or an <html lang> value ("zh-CN" → zh-CN, "de" → de-DE, anything else en-GB). */
export function intlLocale(lang: string | undefined): string {
  const base = (lang ?? 'en').toLowerCase().split('-')[0];
  return isLang(base) ? INTL_LOCALE[base] : INTL_LOCALE.en;
}

/** The UI language: German, English or Simplified Chinese, remembered per browser, mirrored into <html lang>. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  readonly current = signal<Lang>('en');

  init(): void {
    this.use(this.read() ?? browserLang(this.document.defaultView?.navigator.language));
  }

  use(lang: Lang): void {
    this.current.set(lang);
    this.transloco.setActiveLang(lang);
    this.document.documentElement.lang = HTML_LANG[lang];
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // storage may be disabled; the choice then lasts for this page only
    }
  }

  private read(): Lang | null {
    try {
      const v = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      return isLang(v) ? v : null;
    } catch {
      return null;
    }
  }
}
