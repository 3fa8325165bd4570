import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';

export type Lang = 'en' | 'de';
export const LANGS: readonly Lang[] = ['en', 'de'];
const STORAGE_KEY = 'scs.lang';

/** The UI language: German or English, remembered per browser, mirrored into <html lang>. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  readonly current = signal<Lang>('en');

  init(): void {
    const stored = this.read();
    const browser = this.document.defaultView?.navigator.language?.toLowerCase().startsWith('de') ? 'de' : 'en';
    this.use(stored ?? browser);
  }

  use(lang: Lang): void {
    this.current.set(lang);
    this.transloco.setActiveLang(lang);
    this.document.documentElement.lang = lang;
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // storage may be disabled; the choice then lasts for this page only
    }
  }

  /**
   * A language for one page that offers Simplified Chinese before the whole app does (the partner's check page):
   * the texts and <html lang> switch, the remembered UI language (en/de) does not.
   */
  usePageLanguage(lang: Lang | 'zh'): void {
    if (lang !== 'zh') return this.use(lang);
    this.transloco.setActiveLang('zh');
    this.document.documentElement.lang = 'zh-Hans';
  }

  private read(): Lang | null {
    try {
      const v = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      return v === 'de' || v === 'en' ? v : null;
    } catch {
      return null;
    }
  }
}
