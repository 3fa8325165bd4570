export {
  CURRENT_SCORING_MODEL,
  DIMENSION_BURDEN_SCALE,
  OVERALL_BURDEN_SCALE,
  SCORING_MODELS,
  WORST_SHARE,
  burden,
  scoringModelOf,
  type ScoreOptions,
  type ScoringModel,
  ScoringInputError,
  answerProblems,
  criticalFloor,
  levelFor,
  score,
  type Answer,
  type Answers,
  type DimensionScore,
  type ScoreResult,
  type ScoredFinding,
  type VerifyItem,
} from './lib/score';
export type {
  PeriodInfo,
  PeriodStatus,
  ProjectionPoint,
  RecordEvaluation,
  RecordReason,
  RecordsFinding,
  RepairPlanItem,
} from './lib/records.types';
export {
  addMonths,
  answersRepairedAtEarliest,
  evaluateRecord,
  evaluateRecords,
  optionForTier,
  recordOptions,
  recordTypeOf,
  repairPlan,
  toMonth,
} from './lib/records';
export { projectExposure } from './lib/projection';
export { findingOrder, orderFindings, rankSeverity, rankSeverities, type FindingOrderCatalogue } from './lib/order';
export {
  compareFindings,
  comparisonCounts,
  dimensionProgress,
  type ChangedFinding,
  type ComparisonCounts,
  type DimensionProgress,
  type FindingsComparison,
} from './lib/compare';
