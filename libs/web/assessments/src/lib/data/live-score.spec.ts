import { DONT_KNOW, applicableQuestions, type FirmProfile, type Question } from '@scs/shared/catalogue';
import { score } from '@scs/shared/scoring';
import { answerMap, type AnswerFields } from '@scs/shared/answers';
import { realCatalogue, realPublicCatalogue } from '../../testing/real-catalogue';
import { applicableIds, scoreDraft } from './live-score';
import { MANUFACTURER_PROFILE } from '../../testing/profiles';

const manufacturer = MANUFACTURER_PROFILE;
const consultancy: FirmProfile = {
  ...manufacturer,
  activities: ['services'],
  importsExports: false,
  pollutantPermit: 'no',
  largeEnterpriseBuyer: false,
  naceSection: 'M',
  provinces: ['SH'],
};

/** A fixed, varied answer pattern: every n-th question "don't know" where offered, otherwise options in turn. */
function patternAnswers(questions: readonly Question[], every: number): Record<string, AnswerFields> {
  return Object.fromEntries(
    questions.map((q, i) => {
      const optionId = q.dontKnow && i % every === 0 ? DONT_KNOW : (q.options[i % q.options.length]?.id ?? '');
      return [q.id, { optionId }];
    }),
  );
}

describe('live score preview', () => {
  const bilingual = realCatalogue();

  it.each([
    ['a manufacturing importer, in German', manufacturer, 'de', 5],
    ['a services firm, in English', consultancy, 'en', 3],
  ] as const)('gives exactly the server score for %s', (_label, profile, locale, every) => {
    const answers = patternAnswers(applicableQuestions(bilingual, profile), every);
    const server = score(bilingual, profile, answerMap(answers));
    const preview = scoreDraft(realPublicCatalogue(locale), profile, answers);

    expect(preview.score).toBe(server.score);
    expect(preview.level).toBe(server.level);
    expect(preview.completeness).toBe(server.completeness);
    expect(preview.uncertainty).toBe(server.uncertainty);
    expect(preview.dimensions.map((d) => [d.dimensionId, d.score, d.level, d.applicable, d.answered])).toEqual(
      server.dimensions.map((d) => [d.dimensionId, d.score, d.level, d.applicable, d.answered]),
    );
    expect(preview.findings.map((f) => [f.questionId, f.severity, f.kind])).toEqual(
      server.findings.map((f) => [f.questionId, f.severity, f.kind]),
    );
    expect(preview.knockOuts.map((f) => f.questionId)).toEqual(server.knockOuts.map((f) => f.questionId));
  });

  it('moves with each answer: a knock-out answer makes the preview critical', () => {
    const catalogue = realPublicCatalogue('en');
    const clean = Object.fromEntries(
      applicableQuestions(bilingual, manufacturer).map((q) => [
        q.id,
        { optionId: [...q.options].sort((a, b) => a.exposure - b.exposure)[0]?.id ?? null },
      ]),
    );
    const before = scoreDraft(catalogue, manufacturer, clean);
    const after = scoreDraft(catalogue, manufacturer, { ...clean, T1: { optionId: 'd' } });
    expect(before.level).toBe('low');
    expect(after.level).toBe('critical');
    expect(after.score).toBeGreaterThan(before.score ?? 0);
    expect(after.knockOuts.map((k) => k.questionId)).toEqual(['T1']);
  });

  it('treats cleared answers as open and skips answers the catalogue does not know instead of failing', () => {
    const catalogue = realPublicCatalogue('en');
    const result = scoreDraft(catalogue, manufacturer, {
      T1: { optionId: null },
      T2: { optionId: 'no_such_option' },
      Z9: { optionId: 'a' },
      T3: { optionId: 'yes' },
    });
    expect(result.answered).toBe(1);
    expect(result.unanswered).toContain('T1');
    expect(result.unanswered).toContain('T2');
    expect(result.provisional).toBe(true);
  });

  it('follows the profile: customs questions apply only to firms that import or export', () => {
    const catalogue = realPublicCatalogue('en');
    expect(applicableIds(catalogue, manufacturer).has('C1')).toBe(true);
    expect(applicableIds(catalogue, consultancy).has('C1')).toBe(false);
  });
});
