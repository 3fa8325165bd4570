import { answerFromCode } from '@scs/shared/answers';
import fc from 'fast-check';
import {
  firmProfileSchema,
  isApplicable,
  validateCatalogue,
  type Catalogue,
  type FirmProfile,
} from '@scs/shared/catalogue';
import { buildCatalogue, catalogueArb, choicesOf, profileArb, scenarioArb } from '../testing/catalogue.builder';
import { SCORING_MODELS, score, type Answers, type ScoreResult } from './score';

const settings = { seed: 42, numRuns: 200 };

const exposureOf = (c: Catalogue, questionId: string, optionId: string): number => {
  const q = c.questions.find((x) => x.id === questionId);
  if (!q) throw new Error(`no question ${questionId}`);
  return optionId === 'dont_know'
    ? (q.dontKnow?.exposure ?? NaN)
    : (q.options.find((o) => o.id === optionId)?.exposure ?? NaN);
};

/** Scenario plus one applicable question and two of its answers, the second at least as risky as the first. */
const switchArb = scenarioArb.chain(([catalogue, profile, answers]) =>
  fc.constantFrom(...catalogue.questions).chain((q) =>
    fc.tuple(fc.constantFrom(...choicesOf(q)), fc.constantFrom(...choicesOf(q))).map(([a, b]) => {
      const [safer, riskier] = exposureOf(catalogue, q.id, a) <= exposureOf(catalogue, q.id, b) ? [a, b] : [b, a];
      return { catalogue, profile, answers, questionId: q.id, safer, riskier };
    }),
  ),
);

function expectNotLower(riskier: ScoreResult, safer: ScoreResult) {
  expect(riskier.score ?? 0).toBeGreaterThanOrEqual(safer.score ?? 0);
  riskier.dimensions.forEach((d, i) => expect(d.score ?? 0).toBeGreaterThanOrEqual(safer.dimensions[i]?.score ?? 0));
}

describe('score (properties over generated catalogues, profiles and answers)', () => {
  it('generates only catalogues that pass validation', () => {
    fc.assert(
      fc.property(catalogueArb, (c) => void validateCatalogue(c)),
      settings,
    );
  });

  it('keeps every score in [0, 100] with the level of its band', () => {
    fc.assert(
      fc.property(scenarioArb, ([catalogue, profile, answers]) => {
        const result = score(catalogue, profile, answers);
        for (const s of [result, ...result.dimensions]) {
          if (s.score === null) {
            expect(s.level).toBeNull();
            continue;
          }
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(100);
          const band = catalogue.levels.find((l) => l.id === s.level);
          expect(band && s.score <= band.max).toBe(true);
        }
        expect(result.completeness).toBeGreaterThanOrEqual(0);
        expect(result.completeness).toBeLessThanOrEqual(1);
        expect(result.provisional).toBe(result.completeness < 1);
      }),
      settings,
    );
  });

  it('is deterministic: same inputs in any key order give the same result', () => {
    fc.assert(
      fc.property(scenarioArb, ([catalogue, profile, answers]) => {
        const reordered = Object.fromEntries(Object.entries(answers).reverse());
        expect(score(structuredClone(catalogue), { ...profile }, reordered)).toEqual(
          score(catalogue, profile, answers),
        );
      }),
      settings,
    );
  });

  it.each(SCORING_MODELS)(
    'is monotone under model %i: a riskier answer never lowers a dimension or the overall score',
    (model) => {
      fc.assert(
        fc.property(switchArb, ({ catalogue, profile, answers, questionId, safer, riskier }) => {
          const withSafer = score(catalogue, profile, { ...answers, [questionId]: answerFromCode(safer) }, undefined, {
            model,
          });
          const withRiskier = score(
            catalogue,
            profile,
            { ...answers, [questionId]: answerFromCode(riskier) },
            undefined,
            { model },
          );
          expectNotLower(withRiskier, withSafer);
        }),
        settings,
      );
    },
  );

  it('model 2: resolving a finding (answering the zero-exposure option) lowers its dimension whenever it added burden', () => {
    fc.assert(
      fc.property(switchArb, ({ catalogue, profile, answers, questionId, safer, riskier }) => {
        const q = catalogue.questions.find((x) => x.id === questionId);
        const zero = q?.options.find((o) => o.exposure === 0);
        if (!q || !zero || !isApplicable(q.applicability, profile) || riskier === zero.id) return;
        const open = score(catalogue, profile, { ...answers, [questionId]: answerFromCode(riskier) });
        const resolved = score(catalogue, profile, { ...answers, [questionId]: answerFromCode(zero.id) });
        const dim = open.dimensions.findIndex((d) => d.dimensionId === q.dimension);
        expectNotLower(open, resolved);
        // Unless a knock-out floor holds the dimension, removing exposure is visible (model 1 may round it away).
        const ceiling = catalogue.levels[catalogue.levels.length - 2]?.max ?? 100;
        const openDim = open.dimensions[dim]?.score ?? 0;
        if (!open.dimensions[dim]?.knockOut && exposureOf(catalogue, questionId, riskier) > 0 && openDim < ceiling)
          expect(resolved.dimensions[dim]?.score ?? 0).toBeLessThan(open.dimensions[dim]?.score ?? 0);
        void safer;
      }),
      settings,
    );
  });

  it('rates any knock-out answer critical, whatever else was answered', () => {
    const knockOutQuestion = {
      id: 'K1',
      dimension: 'dim-0',
      weight: 'low' as const,
      exposures: [0, 0.3],
      knockOutFrom: 0.3,
    };
    fc.assert(
      fc.property(scenarioArb, fc.boolean(), ([generated, profile, answers], wholeSet) => {
        const catalogue = buildCatalogue({
          dimensions: generated.dimensions.map((d) => ({ id: d.id, weight: d.weight })),
          questions: [knockOutQuestion],
          weights: generated.weights,
          levelMaxima: [generated.levels[0]?.max ?? 24, generated.levels[1]?.max ?? 49, generated.levels[2]?.max ?? 74],
        });
        catalogue.questions.push(...generated.questions);
        const result = score(catalogue, profile, { ...(wholeSet ? answers : {}), K1: answerFromCode('o1') });
        expect(result.level).toBe('critical');
        expect(result.score).toBeGreaterThan(generated.levels[2]?.max ?? 74);
        expect(result.knockOuts.map((k) => k.questionId)).toContain('K1');
        expect(result.dimensions[0]?.level).toBe('critical');
      }),
      settings,
    );
  });

  it('ignores answers to questions that do not apply to the firm', () => {
    fc.assert(
      fc.property(scenarioArb, ([catalogue, profile, answers]) => {
        const applies = (id: string) =>
          isApplicable(catalogue.questions.find((q) => q.id === id)?.applicability, profile);
        const onlyApplicable: Answers = Object.fromEntries(Object.entries(answers).filter(([id]) => applies(id)));
        expect(score(catalogue, profile, answers)).toEqual(score(catalogue, profile, onlyApplicable));
      }),
      settings,
    );
  });

  it("never scores don't know below the lowest-exposure option", () => {
    const withDontKnow = scenarioArb.filter(([c]) => c.questions.some((q) => q.dontKnow));
    fc.assert(
      fc.property(withDontKnow, ([catalogue, profile, answers]: [Catalogue, FirmProfile, Answers]) => {
        for (const q of catalogue.questions.filter((x) => x.dontKnow)) {
          const lowest = [...q.options].sort((a, b) => a.exposure - b.exposure)[0];
          if (!lowest) continue;
          const safest = score(catalogue, profile, { ...answers, [q.id]: answerFromCode(lowest.id) });
          const unknown = score(catalogue, profile, { ...answers, [q.id]: answerFromCode('dont_know') });
          expectNotLower(unknown, safest);
          if (isApplicable(q.applicability, profile)) expect(unknown.verify.map((v) => v.questionId)).toContain(q.id);
        }
      }),
      settings,
    );
  });

  it('generates only valid firm profiles', () => {
    fc.assert(
      fc.property(profileArb, (p) => void firmProfileSchema.parse(p)),
      settings,
    );
  });
});
