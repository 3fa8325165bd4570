import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { LanguageService, browserLang, intlLocale } from './language.service';

describe('LanguageService', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: {}, de: {}, zh: {} },
          translocoConfig: { availableLangs: ['en', 'de', 'zh'], defaultLang: 'en' },
        }),
      ],
    });
  });

  it('switches to Simplified Chinese: transloco, <html lang="zh-CN"> and the stored choice', () => {
    const service = TestBed.inject(LanguageService);
    service.use('zh');
    expect(service.current()).toBe('zh');
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('zh');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem('scs.lang')).toBe('zh');
  });

  it('restores a stored Chinese choice on start and ignores an unknown stored value', () => {
    localStorage.setItem('scs.lang', 'zh');
    const service = TestBed.inject(LanguageService);
    service.init();
    expect(service.current()).toBe('zh');
    localStorage.setItem('scs.lang', 'fr');
    service.init();
    expect(service.current()).toBe(browserLang(navigator.language));
  });

  it('maps a browser language to a UI language: zh-* to Chinese, de-* to German, the rest to English', () => {
    expect(['zh-CN', 'zh-TW', 'zh', 'de-AT', 'fr-FR', undefined].map(browserLang)).toEqual([
      'zh',
      'zh',
      'zh',
      'de',
      'en',
      'en',
    ]);
  });

  it('formats numbers and dates with the Intl locale of the language (zh-CN for Chinese)', () => {
    expect(['zh', 'zh-CN', 'de', 'en', 'xx'].map(intlLocale)).toEqual(['zh-CN', 'zh-CN', 'de-DE', 'en-GB', 'en-GB']);
    expect(new Intl.DateTimeFormat(intlLocale('zh'), { dateStyle: 'long' }).format(new Date(2026, 11, 5))).toBe(
      '2026年12月5日',
    );
  });
});
