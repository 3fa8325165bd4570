import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogue, option, question } from '../testing/catalogue.factory';
import { parseCatalogueFiles } from './parse';
import { toPublicCatalogue } from './public';
import {
  UNTRANSLATED_MARK,
  parseTranslationFile,
  textPaths,
  translationCoverage,
  validateTranslation,
  type TranslationFile,
} from './translation';

const DATA = join(__dirname, '../../data');
function files(version: string) {
  const dir = join(DATA, version);
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir).map((p) => ({ path: relative(dir, p).split('\\').join('/'), content: readFileSync(p, 'utf8') }));
}
const translation = (version: string, locale: string): TranslationFile =>
  parseTranslationFile(`i18n/${locale}.yaml`, readFileSync(join(DATA, version, 'i18n', `${locale}.yaml`), 'utf8'));

describe('catalogue translation files', () => {
  const c2026 = parseCatalogueFiles(files('2026.2'));

  it.each(['zh', 'de'])('2026.2 i18n/%s.yaml names only texts of the version, with the right shape', (locale) => {
    const file = translation('2026.2', locale);
    expect(file.locale).toBe(locale);
    expect(validateTranslation(c2026, file)).toEqual([]);
  });

  it('2026.2 has Chinese for every question, option, dimension name and level (the wizard never shows English)', () => {
    const { texts } = translation('2026.2', 'zh');
    const { missing } = translationCoverage(c2026, texts);
    const wizard = missing.filter((p) =>
      /^(questions\.[^.]+\.text|questions\.[^.]+\.options\.[^.]+\.label|dimensions\.[^.]+\.name|levels\.|severities\.)/.test(
        p,
      ),
    );
    expect(wizard).toEqual([]);
  });

  it('rejects an unknown id, a list for a single text and a wrong number of steps', () => {
    const c = catalogue({ questions: [question('Q1', { options: [option('a', 0), option('b', 0.5)] })] });
    const remediationPath = [...textPaths(c).entries()].find(([, n]) => Array.isArray(n.en))?.[0];
    const problems = validateTranslation(c, {
      version: c.version,
      locale: 'zh',
      texts: {
        'questions.Q9.text': '不存在',
        'questions.Q1.options.zz.label': '不存在',
        'questions.Q1.text': ['一', '二'],
        ...(remediationPath ? { [remediationPath]: '单个文本' } : {}),
      },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        `questions.Q9.text: no such text in catalogue ${c.version}`,
        `questions.Q1.options.zz.label: no such text in catalogue ${c.version}`,
        'questions.Q1.text: must be a single text',
      ]),
    );
    expect(() => parseTranslationFile('i18n/zh.yaml', 'version: "1"\nlocale: fr\ntexts: {}')).toThrow(/locale/);
  });

  it('serves Chinese where translated, the Chinese original of a name, and English behind a visible mark elsewhere', () => {
    const c = catalogue({ questions: [question('Q1', { options: [option('a', 0), option('b', 0.5)] })] });
    const zh = toPublicCatalogue(c, 'zh', { 'questions.Q1.text': '问题一？' });
    expect(zh.locale).toBe('zh');
    expect(zh.questions[0]?.text).toBe('问题一？');
    const label = zh.questions[0]?.options[0]?.label ?? '';
    expect(label.startsWith(UNTRANSLATED_MARK)).toBe(true);
    expect(label).toBe(UNTRANSLATED_MARK + (c.questions[0]?.options[0]?.label.en ?? ''));
    // Never a key: no served text is an id path.
    expect(JSON.stringify(zh)).not.toMatch(/"questions\.Q1\./);
  });

  it('applies the German corrections of 2026.2 without changing the English text or the published content', () => {
    const de = translation('2026.2', 'de');
    const served = toPublicCatalogue(c2026, 'de', de.texts);
    const moderate = served.levels.find((l) => l.id === 'moderate');
    expect(moderate?.label).toBe('Mittel');
    expect(JSON.stringify(served)).not.toMatch(/Probeweise|Decree 237|Mäßig/);
    expect(c2026.levels.find((l) => l.id === 'moderate')?.label.de).toBe('Mäßig'); // the published text stays
    expect(toPublicCatalogue(c2026, 'en', de.texts).levels.find((l) => l.id === 'moderate')?.label).toBe('Moderate');
  });

  it('serves the tax credit grade of 2026.2 in German only as Steuerkreditstufe (no "Note" for the tax grade)', () => {
    const de = translation('2026.2', 'de');
    const served = JSON.stringify(toPublicCatalogue(c2026, 'de', de.texts));
    for (const word of ['Steuerkredit-Note', 'D-Note', 'Note D', 'Steuer-Note', 'Steuernote'])
      expect(served).not.toContain(word);
    const d = toPublicCatalogue(c2026, 'de', de.texts).questions.find((q) => q.id === 'T2')?.options;
    expect(d?.find((o) => o.id === 'direct_d')?.finding?.title).toBe(
      'Steuerhinterziehung über der Schwelle für eine direkte D-Einstufung',
    );
    expect(
      c2026.questions.find((q) => q.id === 'T2')?.options.find((o) => o.id === 'direct_d')?.finding?.title.de,
    ).toBe('Steuerhinterziehung über der Schwelle für eine direkte D-Note'); // the published text stays
  });
});

describe('2026.2 zh.yaml: every text of the tax, customs, market, environment and judicial questions', () => {
  // questions/d01-tax.yaml … d05-judicial.yaml, one dimension each
  const c2026 = parseCatalogueFiles(files('2026.2'));
  const { texts } = translation('2026.2', 'zh');
  const served = toPublicCatalogue(c2026, 'zh', texts);

  /** Every served string below `value` that is an English fallback, with its path. */
  const fallbacks = (value: unknown, path: string): string[] => {
    if (typeof value === 'string') return value.startsWith(UNTRANSLATED_MARK) ? [path] : [];
    if (Array.isArray(value)) return value.flatMap((v, i) => fallbacks(v, `${path}.${i}`));
    if (value !== null && typeof value === 'object')
      return Object.entries(value).flatMap(([k, v]) => fallbacks(v, `${path}.${k}`));
    return [];
  };

  it.each(['tax', 'customs', 'market', 'environment', 'judicial'])(
    '%s: Chinese for help, where-to-check, verify, thresholds and findings, no [EN] fallback served',
    (dimension) => {
      const questions = served.questions.filter((q) => q.dimension === dimension);
      expect(questions.length).toBeGreaterThan(0);
      const prefixes = questions.map((q) => `questions.${q.id}.`);
      expect(translationCoverage(c2026, texts).missing.filter((p) => prefixes.some((x) => p.startsWith(x)))).toEqual(
        [],
      );
      expect(questions.flatMap((q) => fallbacks(q, q.id))).toEqual([]);
    },
  );

  it('serves a finding in Chinese with as many remediation steps as the English text', () => {
    const d = served.questions.find((q) => q.id === 'T1')?.options.find((o) => o.id === 'd');
    const en = c2026.questions.find((q) => q.id === 'T1')?.options.find((o) => o.id === 'd')?.finding;
    expect(d?.finding?.title).toBe('纳税信用级别为 D 级');
    expect(d?.finding?.remediation).toHaveLength(en?.remediation.en.length ?? -1);
    expect(d?.finding?.remediation[0]).toBe('取得评为 D 级原因的书面文件（电子税务局通知或税务处理决定）。');
  });

  it('uses the official terms: no words the glossary rules out for Chinese', () => {
    const all = Object.values(texts).flat().join('\n');
    for (const word of ['暴露度', '风险暴露', '信用分', '淘汰项', '纳税信用等级', '信用维修', '黑名单'])
      expect(all).not.toContain(word);
  });
});
