import { catalogue, must } from '../testing/catalogue.factory';
import { toPublicCatalogue } from './public';
import { localize, negotiateLocale } from './text';

describe('localize', () => {
  it('returns the text or the steps in the requested language', () => {
    expect(localize({ en: 'Tax', de: 'Steuern', zh: '纳税' }, 'de')).toBe('Steuern');
    expect(localize({ en: ['a', 'b'], de: ['x', 'y'] }, 'en')).toEqual(['a', 'b']);
  });
});

describe('negotiateLocale', () => {
  it.each([
    ['de', undefined, 'de'],
    ['fr', 'de-DE', 'de'],
    [undefined, 'de-DE,de;q=0.9,en;q=0.8', 'de'],
    [undefined, 'en-GB;q=0.5, de;q=0.7', 'de'],
    [undefined, 'zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    [undefined, 'zh', 'zh'],
    ['zh', 'de', 'zh'],
    [undefined, 'fr, de;q=0', 'en'],
    [undefined, undefined, 'en'],
  ])('lang=%s, Accept-Language=%s -> %s', (explicit, header, expected) => {
    expect(negotiateLocale(explicit, header)).toBe(expected);
  });
});

describe('toPublicCatalogue', () => {
  it('replaces every bilingual text by one language and keeps Chinese names beside it', () => {
    const c = toPublicCatalogue(catalogue(), 'de');
    expect(c.locale).toBe('de');
    expect(c.title).toBe('Catalogue (de)');
    expect(c.dimensions[0].name).toBe('tax (de)');
    expect(c.dimensions[0].nameZh).toBe('中文');
    expect(must(c.questions[0].options[2].finding).remediation).toEqual(['Beheben']);
    expect(c.questions[2].applicability).toEqual({ field: 'importsExports', equals: true });
    expect(JSON.stringify(c)).not.toMatch(/"en":/);
  });
});
