import { readCatalogue } from '../../testing/read-catalogue';
import { exampleReportData } from './example';
import { brandingHash, reportCacheKey } from './report-data-source';

describe('report data', () => {
  const catalogue = readCatalogue();
  const en = exampleReportData(catalogue, { locale: 'en' });
  const de = exampleReportData(catalogue, { locale: 'de' });

  it('resolves every text in the report language, keeping the Chinese originals', () => {
    const tax = en.dimensions.find((d) => d.code === 'D1');
    expect(tax).toMatchObject({ name: 'Tax', nameZh: '纳税信用', applicable: true });
    expect(de.dimensions.find((d) => d.code === 'D1')).toMatchObject({ name: 'Steuern', nameZh: '纳税信用' });
    expect(en.dimensions.flatMap((d) => d.references).some((r) => r.titleZh && r.status === 'unconfirmed')).toBe(true);
    expect(en.firm).toEqual({
      name: 'Musterwerk Präzisionsteile (Taicang) Co., Ltd.',
      legalForm: 'Wholly foreign-owned enterprise (WFOE)',
      provinces: ['Jiangsu', 'Shanghai'],
      sector: 'C – Manufacturing',
    });
    expect(de.firm.provinces).toEqual(['Jiangsu', 'Shanghai']);
    expect(de.assessment.profile.find((p) => p.label === 'Hat eine deutsche Muttergesellschaft')?.value).toBe('Ja');
  });

  it('is realistic: scored findings with remediation, facts to verify, actions and a comparison', () => {
    expect(en.result.level).not.toBeNull();
    expect(en.result.findings.length).toBeGreaterThanOrEqual(5);
    const exposure = en.result.findings.filter((f) => f.kind === 'exposure');
    expect(exposure.every((f) => f.remediation.length > 0 && f.references.length > 0)).toBe(true);
    // "Don't know" is a finding too: it says what to check.
    const dontKnow = en.result.findings.filter((f) => f.kind === 'verify');
    expect(dontKnow.length).toBe(en.verify.length);
    expect(dontKnow.every((f) => f.title && f.meaning)).toBe(true);
    expect(en.verify.length).toBeGreaterThan(0);
    expect(en.verify.every((v) => v.question && v.check)).toBe(true);
    expect(en.actions.length).toBeGreaterThan(0);
    expect(en.previous?.findings.resolved).toBeGreaterThan(0);
    expect(en.dimensions.filter((d) => !d.applicable).length).toBeGreaterThan(0);
    expect(en.methodology.paragraphs.join(' ')).toContain('2026.1');
  });

  it('keys a report by content, template version and locale', () => {
    const parts = ['a1', '2026.1', brandingHash(null)];
    const key = reportCacheKey('assessment', parts, '1', 'en');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(reportCacheKey('assessment', parts, '1', 'en')).toBe(key);
    expect(reportCacheKey('assessment', parts, '1', 'de')).not.toBe(key);
    expect(reportCacheKey('assessment', parts, '2', 'en')).not.toBe(key);
    expect(reportCacheKey('assessment', ['a1', '2026.1', brandingHash({ chamberName: 'AHK' })], '1', 'en')).not.toBe(
      key,
    );
    // Parts are delimited: moving a character between parts changes the key.
    expect(reportCacheKey('assessment', ['a', '12026.1', brandingHash(null)], '1', 'en')).not.toBe(key);
  });
});
