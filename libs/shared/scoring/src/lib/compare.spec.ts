import { answerFromCode, dontKnowAnswer } from '@scs/shared/answers';
import { buildCatalogue, cleanProfile } from '../testing/catalogue.builder';
import { compareResults } from './compare';
import { score } from './score';

const catalogue = buildCatalogue({
  dimensions: [
    { id: 'tax', weight: 1 },
    { id: 'customs', weight: 1 },
  ],
  questions: [
    { id: 'T1', dimension: 'tax', weight: 'high', exposures: [0, 0.5, 1], dontKnow: 0.5, severity: 'high' },
    { id: 'T2', dimension: 'tax', weight: 'low', exposures: [0, 1], severity: 'medium' },
    { id: 'C1', dimension: 'customs', weight: 'high', exposures: [0, 1], dontKnow: 0.6, severity: 'medium' },
  ],
});

describe('compareResults', () => {
  it('counts resolved, new and unchanged findings per question, "don\'t know" included, and the score change', () => {
    const before = score(catalogue, cleanProfile, {
      T1: answerFromCode('o1'),
      T2: answerFromCode('o1'),
      C1: answerFromCode('o0'),
    });
    const after = score(catalogue, cleanProfile, {
      T1: answerFromCode('o2'), // worse option of the same question: the same finding, still open
      T2: answerFromCode('o0'), // resolved
      C1: dontKnowAnswer, // new: a fact to verify
    });
    const c = compareResults(before, after);
    expect(c.findings.resolved.map((f) => f.questionId)).toEqual(['T2']);
    expect(c.findings.new.map((f) => [f.questionId, f.kind])).toEqual([['C1', 'verify']]);
    expect(c.findings.unchanged.map((f) => [f.questionId, f.optionId])).toEqual([['T1', 'o2']]);
    const tax = c.dimensions.find((d) => d.dimensionId === 'tax');
    expect(tax?.change).toBeCloseTo((tax?.to ?? 0) - (tax?.from ?? 0));
    expect(c.dimensions.map((d) => d.code)).toEqual(before.dimensions.map((d) => d.code));
  });

  it('compares a result with itself as all unchanged', () => {
    const r = score(catalogue, cleanProfile, { T1: answerFromCode('o1'), T2: answerFromCode('o1') });
    const c = compareResults(r, r);
    expect([c.findings.resolved.length, c.findings.new.length, c.findings.unchanged.length]).toEqual([0, 0, 2]);
    expect(c.dimensions.every((d) => d.change === 0 || d.change === null)).toBe(true);
  });
});
