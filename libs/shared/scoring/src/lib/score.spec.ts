import { answerFromCode } from '@scs/shared/answers';
import { buildCatalogue, cleanProfile } from '../testing/catalogue.builder';
import { ScoringInputError, levelFor, score } from './score';

const catalogue = buildCatalogue({
  dimensions: [
    { id: 'tax', weight: 1 },
    { id: 'customs', weight: 0.5 },
    { id: 'ip', weight: 1 },
  ],
  questions: [
    { id: 'T1', dimension: 'tax', weight: 'high', exposures: [0, 0.5, 1], dontKnow: 0.5, severity: 'high' },
    { id: 'T2', dimension: 'tax', weight: 'low', exposures: [0, 1], severity: 'medium' },
    { id: 'T3', dimension: 'tax', weight: 'high', exposures: [0, 0.9, 1], knockOutFrom: 0.9 },
    {
      id: 'C1',
      dimension: 'customs',
      weight: 'medium',
      exposures: [0, 1],
      dontKnow: 0.6,
      severity: 'medium',
      applicability: { field: 'importsExports', equals: true },
    },
    {
      id: 'P1',
      dimension: 'ip',
      weight: 'medium',
      exposures: [0, 1],
      applicability: { field: 'activities', includes: 'rnd' },
    },
  ],
});
const importer = cleanProfile; // manufacturing, imports/exports, no R&D

describe('score', () => {
  it('model 1 combines the worst weighted answer (60 %) with the weighted mean (40 %)', () => {
    const result = score(
      catalogue,
      importer,
      {
        T1: answerFromCode('o1'),
        T2: answerFromCode('o0'),
        T3: answerFromCode('o0'),
        C1: answerFromCode('o1'),
      },
      undefined,
      { model: 1 },
    );
    expect(result.scoringModel).toBe(1);
    // tax: worst 0.5·3/3 = 0.5; mean (3·0.5 + 1·0 + 3·0)/7 = 0.2143 -> 60·0.5 + 40·0.2143 = 38.6
    expect(result.dimensions[0]).toMatchObject({
      dimensionId: 'tax',
      score: 38.6,
      level: 'moderate',
      applicable: 3,
      answered: 3,
    });
    // customs: worst 1·2/3; mean 1 -> 40 + 40 = 80
    expect(result.dimensions[1]).toMatchObject({ dimensionId: 'customs', score: 80, level: 'critical' });
    // overall: worst = max(0.5·1, 0.667·min(1, 0.5)) = 0.5; mean = (1·0.2143 + 0.5·1)/1.5 = 0.4762 -> 30 + 19.0 = 49.0
    expect(result.score).toBe(49);
    expect(result.level).toBe('moderate');
    expect(result.provisional).toBe(false);
    expect(result.completeness).toBe(1);
  });

  it('model 2 combines the worst weighted answer (60 %) with the burden of the other answers (40 %)', () => {
    const result = score(catalogue, importer, {
      T1: answerFromCode('o1'),
      T2: answerFromCode('o1'),
      T3: answerFromCode('o0'),
      C1: answerFromCode('o1'),
    });
    expect(result.scoringModel).toBe(2);
    // tax: x = T1 0.5·3/3 = 0.5, T2 1·1/3 = 0.333; worst 0.5, rest 0.333 -> 60·0.5 + 40·(1 − e^−0.333) = 30 + 11.3
    expect(result.dimensions[0]).toMatchObject({ dimensionId: 'tax', score: 41.3, level: 'moderate' });
    // customs: one answer, x = 1·2/3 -> 40, no rest
    expect(result.dimensions[1]).toMatchObject({ dimensionId: 'customs', score: 40, level: 'moderate' });
    // overall: worst max(0.5, 0.667·min(1, 0.5)) = 0.5; burden T1 0.5 + T2 0.333 + C1 0.667·0.5 − heaviest 0.5
    // = 0.667 -> 30 + 40·(1 − e^(−0.667/3)) = 30 + 8.0
    expect(result.score).toBe(38);
  });

  it('model 2 keeps a result without a knock-out below critical, however many findings it has', () => {
    const many = buildCatalogue({
      dimensions: [{ id: 'tax', weight: 1 }],
      questions: Array.from({ length: 12 }, (_, i) => ({
        id: `T${i + 1}`,
        dimension: 'tax',
        weight: 'high' as const,
        exposures: [0, 0.8],
        severity: 'high' as const,
      })),
    });
    const all = Object.fromEntries(many.questions.map((q) => [q.id, answerFromCode('o1')]));
    const result = score(many, importer, all);
    expect(result.score).toBe(74);
    expect(result.level).toBe('high');
    expect(score(many, importer, all, undefined, { model: 1 }).score).toBe(80);
  });

  it('scores a clean firm 0 and low', () => {
    const result = score(catalogue, importer, {
      T1: answerFromCode('o0'),
      T2: answerFromCode('o0'),
      T3: answerFromCode('o0'),
      C1: answerFromCode('o0'),
    });
    expect(result).toMatchObject({ score: 0, level: 'low', findings: [], knockOuts: [], verify: [], uncertainty: 0 });
  });

  it('makes the level critical and lifts the score to the critical band on a knock-out', () => {
    const result = score(catalogue, importer, {
      T1: answerFromCode('o0'),
      T2: answerFromCode('o0'),
      T3: answerFromCode('o1'),
      C1: answerFromCode('o0'),
    });
    expect(result.level).toBe('critical');
    expect(result.score).toBe(75);
    expect(result.knockOuts).toEqual([
      expect.objectContaining({ questionId: 'T3', optionId: 'o1', severity: 'critical', knockOut: true }),
    ]);
    expect(result.dimensions[0]).toMatchObject({ level: 'critical', knockOut: true, score: 75 });
  });

  it("treats don't know as its catalogue exposure and lists what to verify", () => {
    const result = score(catalogue, importer, {
      T1: answerFromCode('dont_know'),
      T2: answerFromCode('o0'),
      T3: answerFromCode('o0'),
      C1: answerFromCode('o0'),
    });
    expect(result.score).toBeGreaterThanOrEqual(25);
    expect(result.level).toBe('moderate');
    expect(result.verify).toEqual([
      { questionId: 'T1', dimensionId: 'tax', verify: { en: 'Verify T1', de: 'Verify T1 (de)' }, portals: [] },
    ]);
    expect(result.findings).toEqual([
      expect.objectContaining({
        kind: 'verify',
        questionId: 'T1',
        optionId: 'dont_know',
        severity: 'medium',
        exposure: 0.5,
      }),
    ]);
    expect(result.uncertainty).toBe(0.25);
    expect(result.dontKnow).toBe(1);
  });

  it('lists unanswered applicable questions and marks the result provisional instead of treating them as safe', () => {
    const result = score(catalogue, importer, { T1: answerFromCode('o2') });
    expect(result.unanswered).toEqual(['T2', 'T3', 'C1']);
    expect(result.completeness).toBe(0.25);
    expect(result.provisional).toBe(true);
    expect(result.dimensions[1]).toMatchObject({
      score: null,
      level: null,
      applicable: 1,
      answered: 0,
      provisional: true,
    });
    expect(result.score).not.toBeNull();
  });

  it('returns no score before anything is answered', () => {
    expect(score(catalogue, importer, {})).toMatchObject({
      score: null,
      level: null,
      provisional: true,
      completeness: 0,
      answered: 0,
    });
  });

  it('ignores questions that do not apply, and their answers', () => {
    const domestic = { ...importer, importsExports: false };
    const result = score(catalogue, domestic, {
      T1: answerFromCode('o0'),
      T2: answerFromCode('o0'),
      T3: answerFromCode('o0'),
      C1: answerFromCode('o1'),
      P1: answerFromCode('o1'),
    });
    expect(result).toMatchObject({ score: 0, applicable: 3, answered: 3, provisional: false, findings: [] });
    expect(result.dimensions.map((d) => d.applicable)).toEqual([3, 0, 0]);
  });

  it('orders findings by severity, then question weight, then exposure', () => {
    const c = buildCatalogue({
      dimensions: [{ id: 'tax', weight: 1 }],
      questions: [
        { id: 'A1', dimension: 'tax', weight: 'low', exposures: [0, 0.4], severity: 'high' },
        { id: 'A2', dimension: 'tax', weight: 'high', exposures: [0, 0.3], severity: 'high' },
        { id: 'A3', dimension: 'tax', weight: 'high', exposures: [0, 0.6], severity: 'high' },
        { id: 'A4', dimension: 'tax', weight: 'high', exposures: [0, 0.9], severity: 'low' },
        { id: 'A5', dimension: 'tax', weight: 'low', exposures: [0, 0.5], knockOutFrom: 0.5 },
      ],
    });
    const answers = Object.fromEntries(c.questions.map((q) => [q.id, answerFromCode('o1')]));
    expect(score(c, importer, answers).findings.map((f) => f.questionId)).toEqual(['A5', 'A3', 'A2', 'A1', 'A4']);
  });

  it('rejects answers that do not fit the catalogue', () => {
    expect(() => score(catalogue, importer, { X9: answerFromCode('o0') })).toThrow(ScoringInputError);
    expect(() => score(catalogue, importer, { T1: answerFromCode('o7') })).toThrow('T1: no option "o7"');
    expect(() => score(catalogue, importer, { T2: answerFromCode('dont_know') })).toThrow(
      `T2: "don't know" is not an answer to this question`,
    );
  });
});

describe('levelFor', () => {
  it('uses upper-bound-inclusive bands', () => {
    expect([0, 24, 24.1, 49, 74, 74.1, 100].map((s) => levelFor(catalogue.levels, s))).toEqual([
      'low',
      'low',
      'moderate',
      'moderate',
      'high',
      'critical',
      'critical',
    ]);
  });
});
