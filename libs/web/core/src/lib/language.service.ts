import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';

export type Lang = 'en' | 'de' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'de', 'zh'];
const STORAGE_KEY = 'scs.lang';

/** The UI language: German, English or Simplified Chinese, remembered per browser, mirrored into <html lang>. */
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
    this.document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : lang;
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // storage may be disabled; the choice then lasts for this page only
    }
  }

  private read(): Lang | null {
    try {
      const v = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      return v === 'de' || v === 'en' || v === 'zh' ? v : null;
    } catch {
      return null;
    }
  }
}
