// Response shapes come from @scs/shared/contracts (one definition for API and web); request bodies the web sends and
// the members list (libs/api/accounts) are described here. The answer itself (AnswerView, AnswerInput) is the shared
// answer shape of @scs/shared/answers.
import type { ActionStatus, ActionView } from '@scs/shared/contracts';

export type {
  ActionStatus,
  ActionView,
  AnswerConflict,
  AnswerInput,
  AnswerView,
  AssessmentStatus,
  AssessmentSummary,
  AssessmentView,
  ChangeImpactView,
  ComparisonView,
  FindingRef,
  RepairActionsResult,
  SaveAnswersResult,
} from '@scs/shared/contracts';

export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in_progress', 'done'];

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
