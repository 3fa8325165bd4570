import { isApplicable, type Catalogue, type FirmProfile, type PublicCatalogue } from '@scs/shared/catalogue';
import { score, type Answer, type ScoreResult } from '@scs/shared/scoring';
import { answerMap, fitsQuestion, type EncodedAnswer } from '@scs/shared/answers';

/**
 * The live preview: the same `score()` the server runs on submit, applied to the draft's current answers.
 * The browser holds the catalogue in one language only; `score()` reads ids, weights, exposures, applicability rules and
 * level bands, all of which the localized catalogue keeps unchanged — texts are only copied into findings, which the
 * preview does not display. Answers that do not fit the catalogue (impossible through the UI) are left out rather
 * than breaking the preview.
 */
export function scoreDraft(
  catalogue: PublicCatalogue,
  profile: FirmProfile,
  answers: Readonly<Record<string, EncodedAnswer>>,
): ScoreResult {
  const questions = new Map(catalogue.questions.map((q) => [q.id, q]));
  const scored: Record<string, Answer> = {};
  for (const [questionId, answer] of Object.entries(answerMap(answers))) {
    const q = questions.get(questionId);
    if (q && fitsQuestion(q, answer)) scored[questionId] = answer;
  }
  // Records count as of today (the server scores them as of the submission).
  return score(catalogue as unknown as Catalogue, profile, scored, new Date());
}

/** The questions of the catalogue that apply to this profile, in catalogue order. */
export function applicableIds(catalogue: PublicCatalogue, profile: FirmProfile): Set<string> {
  return new Set(catalogue.questions.filter((q) => isApplicable(q.applicability, profile)).map((q) => q.id));
}
