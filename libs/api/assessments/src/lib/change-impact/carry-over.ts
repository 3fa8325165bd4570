import { DONT_KNOW, carryOverAnswer, mapEntry, type Catalogue } from '@scs/shared/catalogue';
import { answerProblem, parseAnswer, type AnswerFields, type AnswerValue } from '@scs/shared/answers';

/** A stored answer of an older assessment: its question id, encoded fields and note. */
export type PriorAnswer = Partial<AnswerFields> & { questionId: string; note?: string | null };

export interface CarriedAnswer {
  /** The question id in `next` (renamed through next.idMap when it was written against `fromVersion`). */
  questionId: string;
  value: AnswerValue;
  note: string | null;
}

/**
 * The answers of an assessment on catalogue `fromVersion` as answers to catalogue `next`: question and option ids follow
 * next.idMap (carryOverAnswer of @scs/shared/catalogue); answers whose question was removed, or whose option no longer
 * exists, stay behind (`dropped`, by their old question id).
 */
export function carryOverAnswers(
  next: Catalogue,
  fromVersion: string,
  prior: readonly PriorAnswer[],
): { carried: CarriedAnswer[]; dropped: string[] } {
  const questions = new Map(next.questions.map((q) => [q.id, q]));
  const carried: CarriedAnswer[] = [];
  const dropped: string[] = [];
  const taken = new Set<string>();
  for (const row of prior) {
    const value = parseAnswer(row);
    if (!value) continue;
    let moved: CarriedAnswer | null = null;
    if (value.kind === 'option' || value.kind === 'dontKnow') {
      const to = carryOverAnswer(
        next,
        fromVersion,
        row.questionId,
        value.kind === 'option' ? value.optionId : DONT_KNOW,
      );
      const v = to ? parseAnswer(to.optionId) : null;
      if (to && v) moved = { questionId: to.questionId, value: v, note: row.note ?? null };
    } else {
      // Other answer kinds keep their content; only the question id follows the idMap.
      const idMap = next.previousVersion === fromVersion ? (next.idMap ?? {}) : {};
      const { to } = mapEntry(idMap[row.questionId], row.questionId);
      const q = to === null ? undefined : questions.get(to);
      const type = q?.record ? next.recordTypes?.find((t) => t.id === q.record) : undefined;
      if (q && !answerProblem(q, value, type)) moved = { questionId: q.id, value, note: row.note ?? null };
    }
    if (moved && !taken.has(moved.questionId)) {
      taken.add(moved.questionId);
      carried.push(moved);
    } else dropped.push(row.questionId);
  }
  return { carried, dropped };
}
