import { readCatalogue } from '../../testing/read-catalogue';
import { applicableQuestions } from '@scs/shared/catalogue';
import { answerFromCode } from '@scs/shared/answers';
import { score } from '@scs/shared/scoring';
import { EXAMPLE_PROFILE, exampleReportData } from './example';
import { reportDataFrom } from './report-data.builder';
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

  it('lists the five most severe findings in the shared order, a high-weight "don\'t know" ranked at its potential', () => {
    const top = en.result.mostSevere;
    expect(top).toHaveLength(5);
    expect(en.result.scoringModel).toBe(2);
    const rank = ['critical', 'high', 'medium', 'low'];
    const order = top.map((f) => rank.indexOf(f.rankSeverity));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const f of top.filter((x) => x.kind === 'verify')) expect(f.check).toBeTruthy();
  });

  it('issue #16: the customs "don\'t know" (C1) is among the five most severe findings, ahead of many low ones', () => {
    const questions = applicableQuestions(catalogue, EXAMPLE_PROFILE);
    const lows = questions
      .map((q) => [q.id, q.options.find((o) => o.finding?.severity === 'low')?.id] as const)
      .filter((x): x is readonly [string, string] => x[1] !== undefined)
      .slice(0, 16);
    const answers = {
      ...Object.fromEntries(
        questions.map((q) => [q.id, answerFromCode([...q.options].sort((a, b) => a.exposure - b.exposure)[0].id)]),
      ),
      ...Object.fromEntries(lows.map(([q, o]) => [q, answerFromCode(o)])),
      T1: answerFromCode('c'),
      C1: answerFromCode('dont_know'),
    };
    const data = reportDataFrom({
      catalogue,
      profile: EXAMPLE_PROFILE,
      result: score(catalogue, EXAMPLE_PROFILE, answers),
      locale: 'de',
      firmName: 'Muster',
      assessment: { id: 'a1', submittedAt: '2026-05-04T09:30:00.000Z' },
    });
    const c1 = data.result.mostSevere.find((f) => f.questionId === 'C1');
    expect(c1).toMatchObject({ kind: 'verify', severity: 'medium', rankSeverity: 'critical' });
    expect(data.result.mostSevere[0]?.questionId).toBe('C1');
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
