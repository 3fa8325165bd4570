import de from './i18n/de.json';
import en from './i18n/en.json';
import zh from './i18n/zh.json';
import { tri } from './data/partners.api';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('partners web texts', () => {
  it('has the same keys in Chinese, English and German', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    expect(keys(de).sort()).toEqual(keys(en).sort());
  });

  it('writes the Chinese texts in Chinese characters', () => {
    expect(zh.public.confirmHeading).toBe('合作伙伴信用核查');
    expect(zh.state.answered).toMatch(/[\u4e00-\u9fff]/);
  });

  it('picks a catalogue text in the page language, English for anything else', () => {
    const text = { en: 'Yes', de: 'Ja', zh: '是' };
    expect([tri(text, 'zh'), tri(text, 'de'), tri(text, 'en'), tri(text, 'fr')]).toEqual(['是', 'Ja', 'Yes', 'Yes']);
  });
});
