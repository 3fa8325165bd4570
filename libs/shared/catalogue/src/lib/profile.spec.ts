import { localize, type TextZh } from './text';
import { PROFILE_FIELDS, PROFILE_FIELD_NAMES, provinceLabel, type ProfileFieldDefinition } from './profile';

describe('profile labels in Chinese', () => {
  it('names every province and legal form in Chinese (never the English fallback)', () => {
    for (const field of [PROFILE_FIELDS.provinces, PROFILE_FIELDS.legalForm]) {
      expect(localize(field.label, 'zh')).toMatch(/[\u4e00-\u9fff]/);
      for (const value of field.values) {
        const zh = localize((field.valueLabels as Readonly<Record<string, TextZh>>)[value], 'zh');
        expect(zh).toMatch(/[\u4e00-\u9fff]/);
        expect(zh).not.toContain('[EN]');
      }
    }
    expect(localize(PROFILE_FIELDS.provinces.valueLabels.JS, 'zh')).toBe('江苏');
    expect(localize(PROFILE_FIELDS.legalForm.valueLabels.jv, 'zh')).toBe('合资企业');
    expect(localize(PROFILE_FIELDS.legalForm.valueLabels.jv, 'de')).toBe('Joint Venture');
  });

  it("names every profile field and value in Chinese, the labels of the form and of the wizard's conditions", () => {
    const untranslated: string[] = [];
    for (const name of PROFILE_FIELD_NAMES) {
      const field = PROFILE_FIELDS[name] as ProfileFieldDefinition;
      const texts = [field.label, ...(field.kind === 'enum' ? Object.values(field.valueLabels) : [])];
      for (const text of texts) {
        const zh = localize(text, 'zh');
        if (!/[\u4e00-\u9fff]/.test(zh) || zh.includes('[EN]')) untranslated.push(`${name}: ${text.en}`);
      }
    }
    expect(untranslated).toEqual([]);
    expect(localize(PROFILE_FIELDS.publicProcurement.label, 'zh')).toBe('参与政府采购或国有企业招标投标');
  });

  it('provinceLabel reads a code or a name in any language and answers in the asked one', () => {
    expect(provinceLabel('JS', 'zh')).toBe('江苏');
    expect(provinceLabel('Jiangsu', 'zh')).toBe('江苏');
    expect(provinceLabel('Peking', 'en')).toBe('Beijing');
    expect(provinceLabel(' beijing ', 'de')).toBe('Peking');
    expect(provinceLabel('江苏省', 'en')).toBe('Jiangsu');
    expect(provinceLabel('广西壮族自治区', 'de')).toBe('广西壮族自治区'); // not a label: as written
    expect(provinceLabel('Bavaria', 'zh')).toBe('Bavaria');
  });
});
