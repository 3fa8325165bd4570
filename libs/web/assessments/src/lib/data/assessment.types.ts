// Response shapes come from @scs/shared/contracts (one definition for API and web); request bodies the web sends and
// the members list (libs/api/accounts) are described here.
import type { ActionStatus, ActionView } from '@scs/shared/contracts';

export type {
  ActionStatus,
  ActionView,
  AnswerConflict,
  AnswerView,
  AssessmentStatus,
  AssessmentSummary,
  AssessmentView,
  ComparisonView,
  FindingRef,
  SaveAnswersResult,
} from '@scs/shared/contracts';

export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in_progress', 'done'];

export interface AnswerInput {
  questionId: string;
  /** An option id, 'dont_know', or null to clear the answer. */
  optionId: string | null;
  /** Always sent: the server stores exactly this note (an absent note clears it). */
  note?: string;
  baseRevision: number;
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
