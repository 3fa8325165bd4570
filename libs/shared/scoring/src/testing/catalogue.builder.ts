import { answerFromCode } from '@scs/shared/answers';
import fc from 'fast-check';
import {
  SMALL_FIRM_PROFILE,
  testDimension,
  testFinding,
  testLevels,
  testSeverities,
  testText,
} from '@scs/shared/testing';
import {
  PROFILE_FIELDS,
  type ApplicabilityRule,
  type Catalogue,
  type FirmProfile,
  type Option,
  type Question,
  type Severity,
  type Text,
  type Weight,
} from '@scs/shared/catalogue';
import type { Answers } from '../lib/score';

// Compact specs of synthetic catalogues, and fast-check arbitraries over them, for the scoring specs. The parts every
// test catalogue shares (texts, levels, severities, dimension and finding texts) come from @scs/shared/testing.

const text: (en: string) => Text = testText;

export interface QuestionSpec {
  id: string;
  dimension: string;
  weight: Weight;
  /** Option exposures; option ids are o0, o1, ... */
  exposures: number[];
  /** Options with at least this exposure are knock-outs. */
  knockOutFrom?: number;
  dontKnow?: number;
  applicability?: ApplicabilityRule;
  severity?: Severity;
}

export interface CatalogueSpec {
  dimensions: { id: string; weight: number }[];
  questions: QuestionSpec[];
  weights?: Catalogue['weights'];
  levelMaxima?: [number, number, number];
}

function buildQuestion(q: QuestionSpec): Question {
  const options: Option[] = q.exposures.map((exposure, i) => {
    const knockOut = q.knockOutFrom !== undefined && exposure >= q.knockOutFrom;
    return {
      id: `o${i}`,
      label: text(`Option ${i}`),
      exposure,
      ...(knockOut ? { knockOut } : {}),
      ...(exposure > 0
        ? { finding: testFinding(knockOut ? 'critical' : (q.severity ?? 'medium'), `${q.id} finding ${i}`) }
        : {}),
    };
  });
  return {
    id: q.id,
    dimension: q.dimension,
    weight: q.weight,
    ...(q.applicability ? { applicability: q.applicability } : {}),
    text: text(`Question ${q.id}`),
    help: text('Help'),
    references: ['ref'],
    ...(q.dontKnow !== undefined ? { dontKnow: { exposure: q.dontKnow, verify: text(`Verify ${q.id}`) } } : {}),
    options,
  };
}

export function buildCatalogue(spec: CatalogueSpec): Catalogue {
  return {
    version: '2026.1',
    effectiveFrom: '2026-04-01',
    title: text('Synthetic'),
    weights: spec.weights ?? { high: 3, medium: 2, low: 1 },
    levels: testLevels(spec.levelMaxima),
    severities: testSeverities(),
    portals: [],
    dimensions: spec.dimensions.map((d, i) => testDimension(d.id, `D${i + 1}`, { weight: d.weight })),
    references: [
      { id: 'ref', title: text('Reference'), authority: text('Authority'), year: 2025, status: 'confirmed' },
    ],
    questions: spec.questions.map(buildQuestion),
  };
}

/** The small manufacturer of @scs/shared/testing, importing and exporting. */
export const cleanProfile: FirmProfile = { ...SMALL_FIRM_PROFILE, importsExports: true };

// ---- arbitraries

const exposureArb = fc.integer({ min: 0, max: 20 }).map((n) => n / 20);

const ruleArb: fc.Arbitrary<ApplicabilityRule> = fc.constantFrom<ApplicabilityRule>(
  { field: 'importsExports', equals: true },
  { field: 'activities', includes: 'manufacturing' },
  { field: 'activities', includesAny: ['trading', 'construction'] },
  { field: 'legalForm', in: ['wfoe', 'jv'] },
  { field: 'taxRegistrationYear', lte: 2020 },
  { not: { field: 'agencyLabour', equals: true } },
  {
    any: [
      { field: 'pollutantPermit', in: ['yes', 'unknown'] },
      { field: 'headcountBand', equals: 'gte1000' },
    ],
  },
);

const questionArb = (id: string, dimension: string): fc.Arbitrary<QuestionSpec> =>
  fc
    .record({
      weight: fc.constantFrom<Weight>('high', 'medium', 'low'),
      exposures: fc.uniqueArray(exposureArb, { minLength: 2, maxLength: 5 }),
      knockOut: fc.boolean(),
      dontKnow: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      applicability: fc.option(ruleArb, { nil: undefined, freq: 3 }),
      severity: fc.constantFrom<Severity>('high', 'medium', 'low'),
    })
    .map(({ weight, exposures, knockOut, dontKnow, applicability, severity }) => {
      const min = Math.min(...exposures);
      const max = Math.max(...exposures);
      const knockOutFrom = knockOut && max > 0 ? max : undefined;
      // dontKnow at or above the midpoint, and below any knock-out (the validation rules)
      const mid = (min + max) / 2;
      const upper = knockOutFrom !== undefined ? knockOutFrom - 0.01 : 1;
      const dk = dontKnow !== undefined && upper >= mid ? mid + dontKnow * (upper - mid) : undefined;
      return { id, dimension, weight, exposures, knockOutFrom, dontKnow: dk, applicability, severity };
    });

export const catalogueArb: fc.Arbitrary<Catalogue> = fc
  .record({
    dimensionWeights: fc.array(
      fc.integer({ min: 1, max: 40 }).map((n) => n / 20),
      { minLength: 1, maxLength: 4 },
    ),
    extraQuestions: fc.integer({ min: 0, max: 8 }),
    weights: fc
      .uniqueArray(fc.integer({ min: 1, max: 10 }), { minLength: 3, maxLength: 3 })
      .map(([a = 1, b = 2, c = 3]) => {
        const [low, medium, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        return { high, medium, low };
      }),
    levelMaxima: fc
      .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 3, maxLength: 3 })
      .map((l) => l.sort((a, b) => a - b) as [number, number, number]),
  })
  .chain(({ dimensionWeights, extraQuestions, weights, levelMaxima }) => {
    const dimensions = dimensionWeights.map((weight, i) => ({ id: `dim-${i}`, weight }));
    const count = dimensions.length + extraQuestions;
    // every dimension gets at least one question
    const questions = Array.from({ length: count }, (_, i) => questionArb(`Q${i + 1}`, `dim-${i % dimensions.length}`));
    return fc.tuple(...questions).map((qs) => buildCatalogue({ dimensions, questions: qs, weights, levelMaxima }));
  });

export const profileArb: fc.Arbitrary<FirmProfile> = fc.record({
  legalForm: fc.constantFrom(...PROFILE_FIELDS.legalForm.values),
  activities: fc.subarray([...PROFILE_FIELDS.activities.values]),
  importsExports: fc.boolean(),
  headcountBand: fc.constantFrom(...PROFILE_FIELDS.headcountBand.values),
  agencyLabour: fc.boolean(),
  pollutantPermit: fc.constantFrom(...PROFILE_FIELDS.pollutantPermit.values),
  largeScaleData: fc.constantFrom(...PROFILE_FIELDS.largeScaleData.values),
  publicProcurement: fc.boolean(),
  largeEnterpriseBuyer: fc.boolean(),
  taxRegistrationYear: fc.integer({ min: 2000, max: 2026 }),
  naceSection: fc.constantFrom(...PROFILE_FIELDS.naceSection.values),
  provinces: fc.subarray([...PROFILE_FIELDS.provinces.values], { maxLength: 3 }),
  germanParent: fc.boolean(),
});

/** The possible answers to a question: each option, and "dont_know" where offered. */
export const choicesOf = (q: Question): string[] => [
  ...q.options.map((o) => o.id),
  ...(q.dontKnow ? ['dont_know'] : []),
];

/** Answers to some of the questions (each question left open, answered with an option, or "don't know"). */
export const answersArb = (catalogue: Catalogue): fc.Arbitrary<Answers> =>
  fc
    .tuple(...catalogue.questions.map((q) => fc.option(fc.constantFrom(...choicesOf(q)), { nil: undefined, freq: 4 })))
    .map((picked) =>
      Object.fromEntries(catalogue.questions.flatMap((q, i) => (picked[i] ? [[q.id, answerFromCode(picked[i])]] : []))),
    );

export const scenarioArb = catalogueArb.chain((catalogue) =>
  fc.tuple(fc.constant(catalogue), profileArb, answersArb(catalogue)),
);
