import type { Catalogue, FirmProfile } from '@scs/shared/catalogue';
import type { AnswerMap } from '@scs/shared/answers';
import { addMonths, answersRepairedAtEarliest, toMonth } from './records';
import type { ProjectionPoint } from './records.types';
import { score, type ScoreOptions } from './score';

/**
 * Projected exposure: the score month by month from `asOf` (month 0) to `asOf + months`, assuming every counting
 * record is repaired at its earliest repair date (taking effect the month after `asOf` at the earliest, so month 0 is
 * today's score) and nothing new happens. Records whose repair date is unknown keep counting until their publication
 * ends (if it ends by time).
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
  const points: ProjectionPoint[] = [];
  for (let i = 0; i <= months; i++) {
    const month = addMonths(start, i);
    const result = score(catalogue, profile, repaired, month, options);
    points.push({
      month,
      overall: result.score,
      dimensions: Object.fromEntries(result.dimensions.map((d) => [d.dimensionId, d.score])),
    });
  }
  return points;
}
