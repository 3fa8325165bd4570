import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import MessageFormat from '@messageformat/core';
import IntlMessageFormat from 'intl-messageformat';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideIcuMessages } from './i18n';
import { IcuTranspiler } from './icu';

const ROOT = join(__dirname, '../../../../..');

/** The web app's translation files (shell and every feature): all of them are ICU messages. */
const FILES = [
  'apps/web/public/i18n',
  'libs/web/accounts/src/lib/i18n',
  'libs/web/admin/src/lib/i18n',
  'libs/web/assessments/src/lib/i18n',
  'libs/web/catalogue/src/lib/i18n',
  'libs/web/chambers/src/lib/i18n',
  'libs/web/portfolio/src/lib/i18n',
  'libs/web/reports/src/lib/i18n',
  'libs/web/research/src/lib/i18n',
  'libs/web/partners/src/lib/i18n',
];

/** Chinese texts that rightly contain no Han character: product names, formats, the German/English campaign drafts. */
const ZH_LATIN_ALLOWED = new Set([
  'libs/web/assessments/src/lib/i18n:result.exportCsv',
  'libs/web/assessments/src/lib/i18n:result.exportXlsx',
  'libs/web/chambers/src/lib/i18n:form.defaultDe',
  'libs/web/chambers/src/lib/i18n:form.defaultEn',
  'libs/web/chambers/src/lib/i18n:invite.placeholder',
  // The partner page's language switch names each language in itself.
  'libs/web/partners/src/lib/i18n:language.en',
  'libs/web/partners/src/lib/i18n:language.de',
]);

type Texts = Record<string, string>;
function flatten(value: unknown, prefix = ''): Texts {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.entries(value as Record<string, unknown>).reduce<Texts>(
    (all, [k, v]) => ({ ...all, ...flatten(v, prefix ? `${prefix}.${k}` : k) }),
    {},
  );
}
const read = (dir: string, lang: string): Texts =>
  flatten(JSON.parse(readFileSync(join(ROOT, dir, `${lang}.json`), 'utf8')));

/** The web app's transpiler in `lang`, outside a component (as transloco calls it for one text). */
function transpiler(lang: string): (text: string, params?: Record<string, unknown>) => unknown {
  const icu = TestBed.runInInjectionContext(() => new IcuTranspiler());
  icu.onLangChanged(lang);
  return (text, params = {}) => icu.transpile({ value: text, params, translation: {}, key: 'k' });
}

@Component({ selector: 'scs-probe', template: '' })
class Probe {
  readonly transloco = inject(TranslocoService);
}

describe('ICU messages (transloco + messageformat)', () => {
  const missing = {
    de: '{n, plural, one {# Frage noch offen} other {# Fragen noch offen}}',
    ko: '{n, plural, =0 {kein K.-o.-Befund} one {# K.-o.-Befund} other {# K.-o.-Befunde}}',
    name: 'Maßnahme „{title}“ angelegt.',
  };

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        Probe,
        TranslocoTestingModule.forRoot({
          langs: {
            en: { missing: '{n, plural, one {# question still open} other {# questions still open}}' },
            de: missing,
          },
          translocoConfig: { availableLangs: ['en', 'de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages()],
    });
  });

  it('chooses the plural form by count, in German and English', () => {
    const t = TestBed.createComponent(Probe).componentInstance.transloco;
    t.setActiveLang('de');
    expect(t.translate('de', { n: 1 })).toBe('1 Frage noch offen');
    expect(t.translate('de', { n: 2 })).toBe('2 Fragen noch offen');
    expect(t.translate('ko', { n: 0 })).toBe('kein K.-o.-Befund');
    expect(t.translate('ko', { n: 1 })).toBe('1 K.-o.-Befund');
    expect(t.translate('ko', { n: 5 })).toBe('5 K.-o.-Befunde');
    t.setActiveLang('en');
    expect(t.translate('missing', { n: 1 })).toBe('1 question still open');
    expect(t.translate('missing', { n: 3 })).toBe('3 questions still open');
  });

  it('inserts user input verbatim, even with braces and apostrophes', () => {
    const t = TestBed.createComponent(Probe).componentInstance.transloco;
    t.setActiveLang('de');
    expect(t.translate('name', { title: "Prüfen {sofort} und O'Brien #1" })).toBe(
      "Maßnahme „Prüfen {sofort} und O'Brien #1“ angelegt.",
    );
  });
});

describe('IcuTranspiler (intl-messageformat)', () => {
  const f = (text: string, params: Record<string, unknown> = {}, lang = 'de') => transpiler(lang)(text, params);

  it('renders arguments, plurals with exact cases, offsets, selectordinal and select', () => {
    expect(f('{a} und {b}', { a: 'X', b: 2 })).toBe('X und 2');
    expect(f('{n, plural, =0 {keine} one {# Datei} other {# Dateien}}', { n: 0 })).toBe('keine');
    expect(f('{n, plural, =0 {keine} one {# Datei} other {# Dateien}}', { n: 1 })).toBe('1 Datei');
    expect(f('{n, plural, =0 {keine} one {# Datei} other {# Dateien}}', { n: 12 })).toBe('12 Dateien');
    expect(f('{n, plural, offset:1 one {Sie und # weitere} other {Sie und # weitere}}', { n: 3 })).toBe(
      'Sie und 2 weitere',
    );
    expect(f('{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}', { n: 22 }, 'en')).toBe('22nd');
    expect(f('{k, select, firm {Unternehmen} other {Organisation}}', { k: 'firm' })).toBe('Unternehmen');
    expect(f('{k, select, firm {Unternehmen} other {Organisation}}', { k: 'x' })).toBe('Organisation');
    expect(f('{k, select, a {{n, plural, one {# A} other {# As}}} other {-}}', { k: 'a', n: 2 }, 'en')).toBe('2 As');
  });

  it('follows ICU apostrophe quoting, keeps # literal outside plurals and tags as text', () => {
    expect(f("don't know")).toBe("don't know");
    expect(f("'{'literal'}' and ''quoted''")).toBe("{literal} and 'quoted'");
    expect(f('Nr. #1 {n, plural, other {# mal}}', { n: 3 })).toBe('Nr. #1 3 mal');
    expect(f('<b>fett</b> {a}', { a: '<i>' })).toBe('<b>fett</b> <i>');
  });

  it('inserts values verbatim and renders a missing argument as empty text', () => {
    expect(f('„{t}“ von {who}', { t: "{n, plural, other {#}} '{x}' <b>" })).toBe(
      "„{n, plural, other {#}} '{x}' <b>“ von ",
    );
    expect(f('{a}/{b}/{c}', { a: null, b: true, c: undefined })).toBe('/true/');
  });

  it('shows a malformed message as written and logs it once', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const t = transpiler('de');
    expect(t('{n, plural, one {x}}', { n: 1 })).toBe('{n, plural, one {x}}'); // no "other"
    expect(t('{n, plural, one {x}}', { n: 2 })).toBe('{n, plural, one {x}}');
    expect(t('offen {n', { n: 1 })).toBe('offen {n');
    expect(error).toHaveBeenCalledTimes(2);
    expect(String(error.mock.calls[0][0])).toContain('{n, plural, one {x}}');
    error.mockRestore();
  });

  it('keeps the compiled messages per language (numbers in the active language)', () => {
    const icu = TestBed.runInInjectionContext(() => new IcuTranspiler());
    const text = '{n, plural, one {# Frage} other {# Fragen}}';
    const at = (lang: string, n: number) => {
      icu.onLangChanged(lang);
      return icu.transpile({ value: text, params: { n }, translation: {}, key: 'k' });
    };
    expect([at('de', 1), at('de', 2), at('en', 1000), at('de', 1000)]).toEqual([
      '1 Frage',
      '2 Fragen',
      '1,000 Fragen',
      '1.000 Fragen',
    ]);
  });
});

describe('the web app translation files', () => {
  it.each(FILES)('%s: German and English have the same keys', (dir) => {
    expect(Object.keys(read(dir, 'de')).sort()).toEqual(Object.keys(read(dir, 'en')).sort());
  });

  it.each(FILES)('%s: Simplified Chinese has exactly the English keys, each translated', (dir) => {
    const zh = read(dir, 'zh');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(read(dir, 'en')).sort());
    // A text with no Han character at all is an English text left in the Chinese file (names and formats excepted).
    const latinOnly = Object.entries(zh)
      .filter(([, text]) => /[A-Za-z]{4,}/.test(text.replace(/\{\s*\w+\s*\}/g, '')) && !/\p{Script=Han}/u.test(text))
      .map(([key]) => key);
    expect(latinOnly.filter((key) => !ZH_LATIN_ALLOWED.has(`${dir}:${key}`))).toEqual([]);
  });

  it.each(FILES)('%s: Chinese plurals use only "other" (and exact =n cases)', (dir) => {
    for (const [key, text] of Object.entries(read(dir, 'zh'))) {
      const selectors = [...text.matchAll(/[,}]\s*(zero|one|two|few|many)\s*\{/g)].map((m) => m[1]);
      expect(`${key}: ${selectors.join(',')}`).toBe(`${key}: `);
    }
  });

  it.each(FILES)(
    '%s: every text is a valid ICU message that renders exactly as @messageformat/core renders it',
    (dir) => {
      for (const lang of ['en', 'de', 'zh']) {
        const mf = new MessageFormat(lang);
        const render = transpiler(lang);
        for (const [key, text] of Object.entries(read(dir, lang))) {
          expect(/(One|Many)$/.test(key) ? key : 'ok').toBe('ok');
          // Arguments are {name}; transloco's {{ name }} is not used (it would be read as ICU syntax).
          expect(text.includes('{{') ? `${key}: ${text}` : 'ok').toBe('ok');
          const reference = mf.compile(text); // the reference implementation (uses eval: fine in Node, not under our CSP)
          expect(() => new IntlMessageFormat(text, lang, undefined, { ignoreTag: true })).not.toThrow();
          const names = [...text.matchAll(/\{\s*([\w.]+)\s*[,}]/g)].map((m) => m[1]);
          for (const n of [0, 1, 2, 7]) {
            const params = Object.fromEntries(names.map((name) => [name, n]));
            expect(`${key}: ${render(text, params)}`).toBe(`${key}: ${reference(params)}`);
          }
        }
      }
    },
  );

  it('German texts avoid the words docs/glossary.md rules out (one term per concept, no "(e)" plurals)', () => {
    const glossary = readFileSync(join(ROOT, 'docs/glossary.md'), 'utf8');
    const section = glossary.slice(glossary.indexOf('## Words not used in German texts'));
    const banned = [...section.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]);
    expect(banned).toEqual(expect.arrayContaining(['Exponierung', 'Kreditreparatur', 'Feststellung', 'Mäßig']));
    const hits = FILES.flatMap((dir) =>
      Object.entries(read(dir, 'de')).flatMap(([key, text]) =>
        banned.filter((word) => text.includes(word)).map((word) => `${dir} ${key}: ${word}`),
      ),
    );
    expect(hits).toEqual([]);
  });

  it('Chinese texts avoid the words docs/glossary.md rules out (the official terms instead)', () => {
    const glossary = readFileSync(join(ROOT, 'docs/glossary.md'), 'utf8');
    const section = glossary.slice(glossary.indexOf('## Words not used in Chinese texts'));
    const banned = [...section.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]);
    expect(banned).toEqual(expect.arrayContaining(['暴露度', '信用分']));
    const hits = FILES.flatMap((dir) =>
      Object.entries(read(dir, 'zh')).flatMap(([key, text]) =>
        banned.filter((word) => text.includes(word)).map((word) => `${dir} ${key}: ${word}`),
      ),
    );
    expect(hits).toEqual([]);
  });
});
