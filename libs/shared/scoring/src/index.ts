export {
  WORST_SHARE,
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
export { compareResults, type DimensionChange, type FindingRef, type ResultComparison } from './lib/compare';
