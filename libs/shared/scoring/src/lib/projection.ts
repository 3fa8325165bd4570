import type { Catalogue, FirmProfile } from '@scs/shared/catalogue';
import type { AnswerMap } from '@scs/shared/answers';
import { addMonths, answersRepairedAtEarliest, evaluateRecords, recordTypeOf, toMonth } from './records';
import type { ProjectionPoint } from './records.types';
import { score, type ScoreOptions } from './score';

/**
 * Projected exposure: the score month by month from `asOf` (month 0) to `asOf + months`, assuming every counting
 * record is repaired at its earliest repair date (taking effect the month after `asOf` at the earliest, so month 0 is
 * today's score) and nothing new happens. Records whose repair date is unknown keep counting until their publication
 * ends (if it ends by time).
 *
 * The month enters a score only through the records answers (each maps to the option its counted records stand for),
 * so a month whose records answers map to the same options as the month before has the same score: it is copied, not
 * scored again. A firm without records is scored once instead of 37 times; each record adds a scoring at most where it
 * stops counting or changes its tier.
 */
export function projectExposure(
  catalogue: Catalogue,
  profile: FirmProfile,
  answers: AnswerMap,
  asOf: string | Date,
  months = 36,
  options: ScoreOptions = {},
): ProjectionPoint[] {
  const start = toMonth(asOf);
  const repaired = answersRepairedAtEarliest(catalogue, answers, start);
  const dated = catalogue.questions.flatMap((question) => {
    const answer = repaired[question.id];
    const type = recordTypeOf(catalogue, question);
    return answer?.kind === 'records' && type ? [{ question, type, answer }] : [];
  });
  const points: ProjectionPoint[] = [];
  let previous: { options: string; point: ProjectionPoint } | undefined;
  for (let i = 0; i <= months; i++) {
    const month = addMonths(start, i);
    const counted = dated
      .map((d) => evaluateRecords(d.question, d.type, d.answer, month).option?.id ?? '')
      .join('\u0000');
    if (previous && previous.options === counted) {
      points.push({ month, overall: previous.point.overall, dimensions: { ...previous.point.dimensions } });
      continue;
    }
    const result = score(catalogue, profile, repaired, month, options);
    const point: ProjectionPoint = {
      month,
      overall: result.score,
      dimensions: Object.fromEntries(result.dimensions.map((d) => [d.dimensionId, d.score])),
    };
    points.push(point);
    previous = { options: counted, point };
  }
  return points;
}
