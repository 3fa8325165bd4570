import type { FirmProfile } from '@scs/shared/catalogue';
import type { FindingRef, ProjectionPoint, RepairPlanItem, ResultComparison, ScoreResult } from '@scs/shared/scoring';
import type { AnswerInput, StoredAnswer } from '@scs/shared/answers';

// Response shapes of the assessments API, shared by the server (which returns them) and the web app (which reads them).

export type AssessmentStatus = 'draft' | 'submitted';

/** One answer as the API returns it: the shared answer shape (@scs/shared/answers), encoded. */
export type AnswerView = StoredAnswer;
/** One answer as the web sends it in `PUT /assessments/:id/answers`. */
export type { AnswerInput };

export interface AssessmentSummary {
  id: string;
  status: AssessmentStatus;
  catalogueVersion: string;
  createdAt: string;
  submittedAt: string | null;
  overallScore: number | null;
  level: string | null;
  previousId: string | null;
  answered: number;
}

export interface AssessmentView extends AssessmentSummary {
  orgId: string;
  profile: FirmProfile;
  answers: AnswerView[];
  changedQuestions: string[];
  result: ScoreResult | null;
  /** Credit-repair plan of the records answers, as of the assessment date (submitted: the submission date). */
  repairPlan?: RepairPlanItem[];
  /** Projected score month by month (36 months from the assessment date), repairs at their earliest dates. */
  projection?: ProjectionPoint[];
}

/** `GET /assessments/:id/repair-plan`: the plan and projection as of the assessment date. */
export interface RepairPlanView {
  assessmentId: string;
  /** 'YYYY-MM' the plan is computed as of. */
  asOf: string;
  repairPlan: RepairPlanItem[];
  projection: ProjectionPoint[];
}

/** `POST /assessments/:id/repair-plan/actions`: dated actions from the plan; idempotent (existing ones are not duplicated). */
export interface RepairActionsResult {
  created: ActionView[];
  existing: ActionView[];
}

export interface SaveAnswersResult {
  saved: { questionId: string; revision: number }[];
}

export interface AnswerConflict {
  questionId: string;
  yourBaseRevision: number;
  current: AnswerView | null;
}

/** Two submitted assessments of one firm, the earlier one first (the maths: compareResults in shared/scoring). */
export interface ComparisonView extends ResultComparison {
  from: ComparedAssessment;
  to: ComparedAssessment;
}

export interface ComparedAssessment {
  id: string;
  submittedAt: string | null;
  overallScore: number | null;
  level: string | null;
  catalogueVersion: string;
}

export type { FindingRef };

export const ACTION_STATUSES = ['open', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Most a note may hold (an answer's note and an action's note; the API validates it, the web counts down to it). */
export const NOTE_MAX = 2000;

/** `POST /orgs/:orgId/actions` (the API's CreateActionDto implements it). */
export interface CreateActionInput {
  title: string;
  questionId?: string;
  optionId?: string;
  assessmentId?: string;
  ownerUserId?: string | null;
  dueDate?: string | null;
  status?: ActionStatus;
  note?: string;
}

/** `PATCH /actions/:id` (the API's UpdateActionDto implements it). */
export type UpdateActionInput = Partial<Pick<ActionView, 'title' | 'ownerUserId' | 'dueDate' | 'status' | 'note'>>;

export interface ActionView {
  id: string;
  title: string;
  questionId: string | null;
  optionId: string | null;
  assessmentId: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  status: ActionStatus;
  note: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}
