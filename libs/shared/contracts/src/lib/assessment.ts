import type { FirmProfile } from '@scs/shared/catalogue';
import type {
  DimensionProgress,
  ProjectionPoint,
  RepairPlanItem,
  ScoreResult,
  ScoringModel,
} from '@scs/shared/scoring';
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
  /** A submitted assessment with an earlier submitted one: what changed since then (`compareFindings`). */
  sinceLast?: SinceLastView | null;
}

/** Progress since the firm's previous submitted assessment, per finding and per dimension. */
export interface SinceLastView {
  previous: { id: string; submittedAt: string; score: number | null; level: string | null; scoringModel: ScoringModel };
  resolved: FindingRef[];
  new: FindingRef[];
  changed: (FindingRef & { previousOptionId: string; direction: 'better' | 'worse' })[];
  unchanged: number;
  dimensions: DimensionProgress[];
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

/** Two submitted assessments of one firm, the earlier one first. */
export interface ComparisonView {
  from: ComparedAssessment;
  to: ComparedAssessment;
  dimensions: { dimensionId: string; code: string; from: number | null; to: number | null; change: number | null }[];
  /** `compareFindings` of @scs/shared/scoring: the same definition as the PDF's counts. */
  findings: {
    resolved: FindingRef[];
    new: FindingRef[];
    changed: (FindingRef & { previousOptionId: string; direction: 'better' | 'worse' })[];
    unchanged: FindingRef[];
  };
}

export interface ComparedAssessment {
  id: string;
  submittedAt: string | null;
  overallScore: number | null;
  level: string | null;
  catalogueVersion: string;
}

/** A finding as the comparison lists it (resolved, new, changed or unchanged). */
export interface FindingRef {
  questionId: string;
  optionId: string;
  dimensionId: string;
  severity: string;
  kind: 'exposure' | 'verify';
}

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
  /**
   * Open action whose finding the firm's latest submitted assessment resolved (`compareFindings`): offered for closing.
   * Null when there is nothing to offer.
   */
  resolvedBy: { assessmentId: string; submittedAt: string } | null;
  /** A closed action that was closed because an assessment resolved its finding. */
  closedByAssessment: { assessmentId: string | null; submittedAt: string } | null;
  createdAt: string;
  updatedAt: string;
}
