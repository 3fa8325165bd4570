import type { FirmProfile } from '@scs/shared/catalogue';
import type { ScoreResult } from '@scs/shared/scoring';

// Response and request shapes of the assessments API (libs/api/assessments: dto/assessment.dto.ts, actions/action.dto.ts,
// and the members list of libs/api/accounts). Web code may not import API libraries, so they are mirrored here;
// candidates for @scs/shared/contracts.

export type AssessmentStatus = 'draft' | 'submitted';

export interface AnswerView {
  questionId: string;
  optionId: string | null;
  note: string | null;
  revision: number;
  updatedBy: string;
  updatedByName?: string | null;
  updatedAt: string;
}

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
}

export interface AnswerInput {
  questionId: string;
  /** An option id, 'dont_know', or null to clear the answer. */
  optionId: string | null;
  /** Always sent: the server stores exactly this note (an absent note clears it). */
  note?: string;
  baseRevision: number;
}

export interface SaveAnswersResult {
  saved: { questionId: string; revision: number }[];
}

export interface AnswerConflict {
  questionId: string;
  yourBaseRevision: number;
  current: AnswerView | null;
}

export interface AssessmentBrief {
  id: string;
  submittedAt: string | null;
  overallScore: number | null;
  level: string | null;
  catalogueVersion: string;
}

export interface FindingRef {
  questionId: string;
  optionId: string;
  dimensionId: string;
  severity: string;
  kind: 'exposure' | 'verify';
}

export interface ComparisonView {
  from: AssessmentBrief;
  to: AssessmentBrief;
  dimensions: { dimensionId: string; code: string; from: number | null; to: number | null; change: number | null }[];
  findings: { resolved: FindingRef[]; new: FindingRef[]; unchanged: FindingRef[] };
}

export const ACTION_STATUSES = ['open', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

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

export type UpdateActionInput = Partial<Pick<ActionView, 'title' | 'ownerUserId' | 'dueDate' | 'status' | 'note'>>;

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: string;
  joinedAt: string;
}

/** Most a note may hold (the server's NOTE_MAX). */
export const NOTE_MAX = 2000;
