import { answerFields, parseAnswer } from '@scs/shared/answers';
import type { AssessmentAnswer } from '../assessment.entity';
import type { AnswerView } from '../dto/assessment.dto';

/** The row → view mapper of `assessment_answer`; the answer fields themselves are encoded by @scs/shared/answers. */
export function toAnswerView(r: AssessmentAnswer & { updatedByName?: string | null }): AnswerView {
  return {
    questionId: r.questionId,
    ...answerFields(parseAnswer(r)),
    note: r.note,
    revision: r.revision,
    updatedBy: r.updatedBy,
    updatedByName: r.updatedByName ?? null,
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}
