export { AssessmentsModule } from './lib/assessments.module';
export { AssessmentsService, snapshotOf } from './lib/assessments.service';
export { Assessment, AssessmentAnswer, type AssessmentStatus } from './lib/assessment.entity';
export { Action, type ActionStatus } from './lib/actions/action.entity';
export type * from './lib/dto/assessment.dto';
export type { ActionView } from './lib/actions/action.dto';
export {
  ENTITY_STANDINGS,
  REASSESSMENT_MONTHS,
  type EntityStanding,
  type EntityStandings,
} from './lib/entity-standings';
export { FIRM_RESULTS, type FirmResults, type SubmittedResultSummary } from './lib/firm-results';

import { Assessment, AssessmentAnswer } from './lib/assessment.entity';
import { Action } from './lib/actions/action.entity';
export const assessmentsEntities = [Assessment, AssessmentAnswer, Action];
