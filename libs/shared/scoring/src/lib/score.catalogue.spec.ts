import { answerFromCode } from '@scs/shared/answers';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  applicableQuestions,
  parseCatalogueFiles,
  type Catalogue,
  type FirmProfile,
  type Question,
} from '@scs/shared/catalogue';
import { cleanProfile } from '../testing/catalogue.builder';
import { score, type Answers } from './score';

// Example firms scored against the real catalogue data, read the way the API loader reads it.
function readCatalogue(dir: string): Catalogue {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return parseCatalogueFiles(walk(dir).map((p) => ({ path: relative(dir, p), content: readFileSync(p, 'utf8') })));
}
const catalogue = readCatalogue(join(__dirname, '../../../catalogue/data/2026.1'));

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
