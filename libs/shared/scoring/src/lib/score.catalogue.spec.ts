import { answerFromCode } from '@scs/shared/answers';
import {
  applicableQuestions,
  parseCatalogueFiles,
  type Catalogue,
  type FirmProfile,
  type Question,
} from '@scs/shared/catalogue';
import { catalogueFiles } from '@scs/shared/testing';
import { cleanProfile } from '../testing/catalogue.builder';
import { score, type Answers, type ScoreResult } from './score';
import { orderFindings } from './order';

// Example firms scored against the real catalogue data, read the way the API loader reads it.
const catalogue: Catalogue = parseCatalogueFiles(catalogueFiles('2026.1'));

const lowestOption = (q: Question) => [...q.options].sort((a, b) => a.exposure - b.exposure)[0]?.id ?? '';

/** Every applicable question answered with its lowest-exposure option, then `overrides`. */
function cleanAnswers(profile: FirmProfile, overrides: Answers = {}): Answers {
  return {
    ...Object.fromEntries(applicableQuestions(catalogue, profile).map((q) => [q.id, answerFromCode(lowestOption(q))])),
    ...overrides,
  };
}

describe('score on catalogue 2026.1', () => {
  const aeoManufacturer: FirmProfile = { ...cleanProfile, activities: ['manufacturing'], importsExports: true };

  it('rates a clean AEO, A-grade manufacturer low', () => {
    const result = score(
      catalogue,
      aeoManufacturer,
      cleanAnswers(aeoManufacturer, { T1: answerFromCode('a'), C1: answerFromCode('advanced_certified') }),
    );
    expect(result.level).toBe('low');
    expect(result.provisional).toBe(false);
    expect(result.knockOuts).toEqual([]);
    expect(result.dimensions.every((d) => d.level === null || d.level === 'low')).toBe(true);
  });

  it('rates a firm with unpaid tax decisions (T3) critical', () => {
    const result = score(catalogue, aeoManufacturer, cleanAnswers(aeoManufacturer, { T3: answerFromCode('no') }));
    expect(result.level).toBe('critical');
    expect(result.knockOuts.map((k) => k.questionId)).toEqual(['T3']);
    expect(result.findings[0]).toMatchObject({ questionId: 'T3', severity: 'critical' });
  });

  it('rates an importer that does not know its customs credit level at least moderate, with a verify item', () => {
    const importer: FirmProfile = { ...cleanProfile, activities: ['trading'], importsExports: true };
    const result = score(catalogue, importer, cleanAnswers(importer, { C1: answerFromCode('dont_know') }));
    expect(['moderate', 'high', 'critical']).toContain(result.level);
    expect(result.verify).toEqual([expect.objectContaining({ questionId: 'C1', dimensionId: 'customs' })]);
    expect(result.findings).toContainEqual(expect.objectContaining({ kind: 'verify', questionId: 'C1' }));
  });

  it('does not ask a domestic service firm the customs questions', () => {
    const domestic: FirmProfile = { ...cleanProfile, activities: ['services'], importsExports: false };
    const result = score(catalogue, domestic, cleanAnswers(domestic));
    expect(result.dimensions.find((d) => d.dimensionId === 'customs')).toMatchObject({ applicable: 0, score: null });
    expect(result.level).toBe('low');
  });
});

describe('response to remediation on catalogue 2026.2 (docs/methodology.md, worked example)', () => {
  const current = parseCatalogueFiles(catalogueFiles('2026.2'));
  const manufacturer: FirmProfile = { ...cleanProfile, activities: ['manufacturing'], importsExports: true };
  const lowest = (q: Question) => [...q.options].sort((a, b) => a.exposure - b.exposure)[0]?.id ?? '';
  const answers = (overrides: Record<string, string>): Answers => ({
    ...Object.fromEntries(applicableQuestions(current, manufacturer).map((q) => [q.id, answerFromCode(lowest(q))])),
    ...Object.fromEntries(Object.entries(overrides).map(([q, o]) => [q, answerFromCode(o)])),
  });
  // T4 (a confirmed tax decision under review, high) stays; T1 grade C and T2 below the threshold (both medium) are fixed.
  const before = answers({ T4: 'received_confirmed', T1: 'c', T2: 'below_threshold' });
  const after = answers({ T4: 'received_confirmed' });
  const tax = (r: ScoreResult) => r.dimensions.find((d) => d.dimensionId === 'tax')?.score ?? NaN;

  it('model 2: resolving two medium findings moves the tax dimension and the overall score visibly', () => {
    const b = score(current, manufacturer, before, '2026-12');
    const a = score(current, manufacturer, after, '2026-12');
    expect([tax(b), tax(a)]).toEqual([74, 51]);
    expect([b.score, a.score]).toEqual([64.7, 51]);
    expect((b.score ?? 0) - (a.score ?? 0)).toBeGreaterThanOrEqual(10);
    expect([b.level, a.level]).toEqual(['high', 'high']);
  });

  it('model 1 (kept for results stored with it) barely moved: the complaint of issue #16', () => {
    const b = score(current, manufacturer, before, '2026-12', { model: 1 });
    const a = score(current, manufacturer, after, '2026-12', { model: 1 });
    expect([tax(b), tax(a)]).toEqual([60.1, 55.1]);
    expect([b.score, a.score]).toEqual([51.7, 51.3]);
  });

  it("ranks a high-weight don't know (C1) among the five most severe findings, ahead of many low findings", () => {
    const lowOptions = applicableQuestions(current, manufacturer)
      .map((q) => [q.id, q.options.find((o) => o.finding?.severity === 'low')?.id] as const)
      .filter((x): x is readonly [string, string] => x[1] !== undefined)
      .slice(0, 16);
    const result = score(
      current,
      manufacturer,
      answers({
        ...Object.fromEntries(lowOptions),
        T1: 'c',
        T2: 'below_threshold',
        T4: 'received_confirmed',
        C1: 'dont_know',
      }),
      '2026-12',
    );
    expect(lowOptions.length).toBe(16);
    const c1 = result.findings.findIndex((f) => f.questionId === 'C1');
    expect(c1).toBeGreaterThanOrEqual(0);
    expect(c1).toBeLessThan(5);
    expect(orderFindings(result.findings, current)[0]?.questionId).toBe('C1');
  });
});
