// Response shapes and request bodies come from @scs/shared/contracts (one definition for API and web); the members
// list (libs/api/accounts) is described here. The answer itself (AnswerView, AnswerInput) is the shared answer shape
// of @scs/shared/answers.
export { ACTION_STATUSES, NOTE_MAX } from '@scs/shared/contracts';

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
  CreateActionInput,
  FindingRef,
  RepairActionsResult,
  SaveAnswersResult,
  UpdateActionInput,
} from '@scs/shared/contracts';

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: string;
  joinedAt: string;
}
