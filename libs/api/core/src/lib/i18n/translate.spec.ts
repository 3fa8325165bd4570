import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUES, compileCatalogues, LOCALES, translate, translator } from './translate';
import { explicitLocale, localeFromAcceptLanguage, requestLocale } from './request-locale';

const keys = (locale: keyof typeof CATALOGUES) => Object.keys(CATALOGUES[locale]).sort();

describe('server-side messages', () => {
  it('has a German and an English text for every code (errors, validation, mails, labels)', () => {
    expect(keys('en').length).toBeGreaterThan(100);
    for (const locale of LOCALES) expect(keys(locale)).toEqual(keys('en'));
    for (const locale of LOCALES)
      for (const [key, text] of Object.entries(CATALOGUES[locale]))
        expect({ key, text: text.trim() }).not.toEqual({ key, text: '' });
  });

  it('never shows the English text as the German one, except names and codes that are the same in both', () => {
    const same = Object.keys(CATALOGUES.en).filter(
      (k) => CATALOGUES.en[k] === CATALOGUES.de[k] && !/^\{[^}]*\}$/.test(CATALOGUES.en[k] ?? ''),
    );
    expect(same.sort()).toEqual([...SAME_IN_BOTH].sort());
  });

  it('compiles every message as ICU MessageFormat at start-up', () => {
    expect(() => compileCatalogues(CATALOGUES)).not.toThrow();
    expect(() => compileCatalogues({ en: { broken: 'Hello {name' } })).toThrow(/"broken" is not a valid ICU message/);
  });

  it('writes plurals per language', () => {
    expect(translate('validation.arrayMinSize', { count: 1 }, 'de')).toBe('Bitte wählen Sie mindestens einen Eintrag');
    expect(translate('validation.arrayMinSize', { count: 3 }, 'de')).toBe('Bitte wählen Sie mindestens 3 Einträge');
    expect(translate('validation.arrayMinSize', { count: 1 }, 'en')).toBe('Must contain at least 1 element');
  });

  it('picks the language of localised parameters and joins lists', () => {
    const labels = [
      { en: 'Joint venture', de: 'Joint Venture' },
      { en: 'Branch', de: 'Zweigniederlassung' },
    ];
    expect(translate('validation.oneOf', { each: 'no', options: labels, values: ['jv', 'branch'] }, 'de')).toBe(
      'Bitte wählen Sie eine der Optionen Joint Venture, Zweigniederlassung',
    );
    expect(translate('validation.oneOf', { each: 'no', options: labels, values: ['jv', 'branch'] }, 'en')).toBe(
      'Choose one of: jv, branch',
    );
  });

  it('falls back to English for a language or key that has no text yet (a third language starts empty)', () => {
    const t = translator(compileCatalogues({ en: { a: 'A {n}', b: 'B' }, zh: { a: '甲 {n}' } }));
    expect(t('a', { n: 1 }, 'zh')).toBe('甲 1');
    expect(t('b', {}, 'zh')).toBe('B');
    expect(t('b', {}, 'fr')).toBe('B');
    expect(() => t('c')).toThrow(/No message "c"/);
  });
});

describe('Simplified Chinese server texts', () => {
  it('has a Chinese text for every code, never the English one (except arguments only, names and codes)', () => {
    expect(keys('zh')).toEqual(keys('en'));
    const untranslated = Object.keys(CATALOGUES.en).filter(
      (k) => !/\p{Script=Han}/u.test(CATALOGUES.zh[k] ?? '') && !/^[{}\w\s:]*$/.test(CATALOGUES.en[k] ?? ''),
    );
    expect(untranslated).toEqual([]);
  });

  it('uses only "other" plural forms (Chinese has no grammatical number)', () => {
    const other = Object.entries(CATALOGUES.zh).filter(([, text]) => /\b(one|two|few|many)\s*\{/.test(text));
    expect(other).toEqual([]);
    expect(translate('validation.arrayMinSize', { count: 1 }, 'zh')).toBe('至少包含 1 个元素');
    expect(translate('errors.auth.backoff', { seconds: 30 }, 'zh')).toContain('30 秒');
  });

  it('avoids the words docs/glossary.md rules out for Chinese texts', () => {
    const glossary = readFileSync(join(import.meta.dirname, '../../../../../../docs/glossary.md'), 'utf8');
    const banned = [
      ...glossary.slice(glossary.indexOf('## Words not used in Chinese texts')).matchAll(/^- `([^`]+)`/gm),
    ].map((m) => m[1] ?? '');
    expect(banned.length).toBeGreaterThan(3);
    const hits = Object.entries(CATALOGUES.zh).flatMap(([key, text]) =>
      banned.filter((w) => text.includes(w)).map((w) => `${key}: ${w}`),
    );
    expect(hits).toEqual([]);
  });
});

describe('localeFromAcceptLanguage', () => {
  it('chooses Chinese for zh, zh-CN and zh-Hans-CN', () => {
    expect(localeFromAcceptLanguage('zh')).toBe('zh');
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(localeFromAcceptLanguage('zh-Hans-CN')).toBe('zh');
    expect(explicitLocale('en;q=0.5, zh-CN;q=0.8')).toBe('zh');
  });

  it('takes the best supported language by quality, else the fallback, else English', () => {
    expect(localeFromAcceptLanguage('de')).toBe('de');
    expect(localeFromAcceptLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(localeFromAcceptLanguage('fr-FR,en;q=0.5,de;q=0.7')).toBe('de');
    expect(localeFromAcceptLanguage('fr, de;q=0')).toBe('en');
    expect(localeFromAcceptLanguage(undefined, 'de')).toBe('de');
    expect(localeFromAcceptLanguage('fr')).toBe('en');
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
  });

  it('names a language only when the client asked for a supported one', () => {
    expect(explicitLocale('*')).toBeUndefined();
    expect(explicitLocale(['fr', 'de;q=0.5'])).toBe('de');
  });
});

describe('requestLocale', () => {
  it("uses the header, else the signed-in user's language, else English", () => {
    expect(requestLocale({ headers: { 'accept-language': 'en' }, user: { locale: 'de' } })).toBe('en');
    expect(requestLocale({ headers: { 'accept-language': '*' }, user: { locale: 'de' } })).toBe('de');
    expect(requestLocale({ headers: {} })).toBe('en');
  });
});

// Texts that are rightly the same in German and English (product names, codes, formats).
const SAME_IN_BOTH: string[] = [
  'errors.answers.badRecord',
  'field.logo',
  'field.name',
  'field.status',
  'field.token',
  'field.website',
];
