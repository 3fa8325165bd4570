import {
  DONT_KNOW,
  isApplicable,
  type Catalogue,
  type Finding,
  type FirmProfile,
  type Level,
  type LevelId,
  type Question,
  type Severity,
  type Text,
  type Weight,
} from '@scs/shared/catalogue';
import { answerProblem, describeAnswerProblem, type AnswerMap, type ScoringAnswer } from '@scs/shared/answers';
import type { RecordsFinding } from './records.types';
import { evaluateRecords, recordTypeOf, toMonth } from './records';
import { findingOrder } from './order';

// The formula is explained in docs/methodology.md; keep the two in step.

/** Share of the worst single answer in a score; the rest is the burden of the other answers (model 2) or their mean (model 1). */
export const WORST_SHARE = 0.6;

/**
 * Versions of the score formula (docs/methodology.md, "Scoring models"). A result stores the model it was computed
 * with (`scoringModel`; absent = 1, stored before models had numbers), so a submitted assessment keeps its score.
 * 1: worst answer + weighted mean of all answers (clean answers dilute findings; remediation barely moves the score).
 * 2: worst answer + saturating burden of the other findings (each finding adds, each resolved finding takes away).
 */
export type ScoringModel = 1 | 2;
export const SCORING_MODELS: readonly ScoringModel[] = [1, 2];
export const CURRENT_SCORING_MODEL: ScoringModel = 2;
/** Model 2: burden scale of a dimension and of the overall score, in "high-weight answers at full exposure". */
export const DIMENSION_BURDEN_SCALE = 1;
export const OVERALL_BURDEN_SCALE = 3;

/** The model a stored result was computed with (results stored before models were numbered: 1). */
export function scoringModelOf(result: Pick<ScoreResult, 'scoringModel'>): ScoringModel {
  return result.scoringModel ?? 1;
}

export interface ScoreOptions {
  /** The formula version; default CURRENT_SCORING_MODEL. Re-scoring a submitted result passes its stored model. */
  model?: ScoringModel;
}

/** Model 2's second term: the burden `r` (weighted exposures beyond the heaviest) mapped onto 0..1, never reaching 1. */
export const burden = (r: number, scale: number): number => 1 - Math.exp(-r / scale);

/** One answer as scored: the shared answer shape (@scs/shared/answers) with the user's note. */
export type Answer = ScoringAnswer;
export type Answers = AnswerMap;

export interface ScoredFinding {
  /** `exposure`: the answer carries a finding; `verify`: "don't know", the fact must be checked. */
  kind: 'exposure' | 'verify';
  questionId: string;
  dimensionId: string;
  optionId: string;
  severity: Severity;
  weight: Weight;
  exposure: number;
  knockOut: boolean;
  /** The catalogue finding (kind `exposure`). */
  finding?: Finding;
  /** What to check and where (kind `verify`). */
  verify?: Text;
  portals: string[];
  references: string[];
  /** Records answer: the records behind this finding, evaluated as of the date (with the periods' status). */
  records?: RecordsFinding;
}

export interface VerifyItem {
  questionId: string;
  dimensionId: string;
  verify: Text;
  portals: string[];
}

export interface DimensionScore {
  dimensionId: string;
  code: string;
  weight: number;
  /** 0–100, null when no applicable question of the dimension is answered. */
  score: number | null;
  level: LevelId | null;
  applicable: number;
  answered: number;
  dontKnow: number;
  /** answered ÷ applicable (1 when nothing applies). */
  completeness: number;
  provisional: boolean;
  knockOut: boolean;
  findings: ScoredFinding[];
}

export interface ScoreResult {
  catalogueVersion: string;
  /** The score formula version (absent on results stored before models were numbered: model 1). */
  scoringModel?: ScoringModel;
  /** 0–100, null when no applicable question is answered. */
  score: number | null;
  level: LevelId | null;
  /** True while applicable questions are unanswered: the level is then a lower bound, not a verdict. */
  provisional: boolean;
  applicable: number;
  answered: number;
  dontKnow: number;
  /** answered ÷ applicable. */
  completeness: number;
  /** Share of "don't know" among the answered questions. */
  uncertainty: number;
  knockOuts: ScoredFinding[];
  /** Applicable questions without an answer, in catalogue order. */
  unanswered: string[];
  /** Every "don't know", with what to check. */
  verify: VerifyItem[];
  dimensions: DimensionScore[];
  /** All findings: severity (critical first), then question weight, then exposure, then catalogue order. */
  findings: ScoredFinding[];
  /** The date ('YYYY-MM') records were evaluated as of; absent for results scored before records existed. */
  asOf?: string;
  /** Every records answer evaluated as of `asOf`, counting or not (history included), in catalogue order. */
  records?: RecordsFinding[];
}

export class ScoringInputError extends Error {
  constructor(readonly problems: string[]) {
    super(`Answers do not fit the catalogue: ${problems.join('; ')}`);
    this.name = 'ScoringInputError';
  }
}

/** Why the answers cannot be scored against this catalogue (empty when they can). */
export function answerProblems(catalogue: Catalogue, answers: Answers): string[] {
  const questions = new Map(catalogue.questions.map((q) => [q.id, q]));
  const problems: string[] = [];
  for (const [questionId, answer] of Object.entries(answers)) {
    const q = questions.get(questionId);
    if (!q) problems.push(`${questionId}: no such question in catalogue ${catalogue.version}`);
    else {
      const recordType = recordTypeOf(catalogue, q);
      if (answer.kind === 'records' && q.record && !recordType)
        problems.push(`${questionId}: record type "${q.record}" is not in catalogue ${catalogue.version}`);
      const problem = answerProblem(q, answer, recordType);
      if (problem) problems.push(`${questionId}: ${describeAnswerProblem(problem)}`);
    }
  }
  return problems;
}

// "Don't know" on a question flags the fact for checking; how urgent follows the question's weight.
const VERIFY_SEVERITY: Record<Weight, Severity> = { high: 'medium', medium: 'low', low: 'low' };

const round1 = (x: number) => Math.round(x * 1000) / 10; // 0..1 -> 0..100 with one decimal

/** The level whose band contains the score (bands are upper-bound inclusive). */
export function levelFor(levels: readonly Level[], score: number): LevelId {
  return (levels.find((l) => score <= l.max) ?? levels[levels.length - 1])?.id ?? 'critical';
}

/** The lowest score of the critical band: the floor for any result with a knock-out. */
export function criticalFloor(levels: readonly Level[]): number {
  const belowCritical = levels[levels.length - 2];
  return belowCritical ? belowCritical.max + 1 : 0;
}

interface Scored {
  question: Question;
  exposure: number;
  weight: number;
  knockOut: boolean;
  finding?: ScoredFinding;
}

/** The latest month any record mentions: the default "as of" when the caller gives none (deterministic). */
function latestRecordMonth(answers: Answers): string | undefined {
  let latest: string | undefined;
  for (const a of Object.values(answers)) {
    if (a.kind !== 'records') continue;
    for (const r of a.records) for (const m of [r.decided, r.statusDate]) if (m && (!latest || m > latest)) latest = m;
  }
  return latest;
}

/**
 * Scores a firm's answers against a catalogue. Pure and deterministic; see docs/methodology.md.
 * Records answers are evaluated as of `asOf` (a month or date; callers pass the assessment date). Without it, the
 * latest month any record mentions is used.
 * Throws ScoringInputError when an answer names a question or option the catalogue does not have.
 */
export function score(
  catalogue: Catalogue,
  profile: FirmProfile,
  answers: Answers,
  asOf?: string | Date,
  options: ScoreOptions = {},
): ScoreResult {
  const model = options.model ?? CURRENT_SCORING_MODEL;
  const problems = answerProblems(catalogue, answers);
  if (problems.length) throw new ScoringInputError(problems);
  const month = asOf !== undefined ? toMonth(asOf) : latestRecordMonth(answers);
  const recordsFindings: RecordsFinding[] = [];

  const weightOf = catalogue.weights;
  const maxWeight = Math.max(weightOf.high, weightOf.medium, weightOf.low);
  const floor = criticalFloor(catalogue.levels);
  // Model 2: many findings raise a score to the top of the band below critical, never into it; critical stays what a
  // knock-out means (joint punishment or a legal bar), not the sum of curable problems.
  const ceiling = catalogue.levels[catalogue.levels.length - 2]?.max ?? 100;
  const byFindingOrder = findingOrder(catalogue);

  const applicable = catalogue.questions.filter((q) => isApplicable(q.applicability, profile));
  const unanswered: string[] = [];
  const verify: VerifyItem[] = [];
  const scoredByDimension = new Map<string, Scored[]>();
  const applicableByDimension = new Map<string, number>();

  for (const question of applicable) {
    applicableByDimension.set(question.dimension, (applicableByDimension.get(question.dimension) ?? 0) + 1);
    const answer = answers[question.id];
    if (!answer) {
      unanswered.push(question.id);
      continue;
    }
    const weight = weightOf[question.weight];
    const base = {
      questionId: question.id,
      dimensionId: question.dimension,
      weight: question.weight,
      portals: question.portals ?? [],
      references: question.references,
    };
    let scored: Scored;
    const recordType = recordTypeOf(catalogue, question);
    if (answer.kind === 'records' && recordType && month) {
      // A records answer stands for one of the question's own options (docs/methodology.md "Dated adverse records"):
      // the riskiest option the counted records' tiers map to, or the zero-exposure option when none counts.
      const outcome = evaluateRecords(question, recordType, answer, month);
      recordsFindings.push(outcome.finding);
      const option = outcome.option;
      if (option) {
        const knockOut = option.knockOut === true;
        scored = {
          question,
          exposure: option.exposure,
          weight,
          knockOut,
          finding: option.finding
            ? {
                ...base,
                kind: 'exposure',
                optionId: option.id,
                severity: option.finding.severity,
                exposure: option.exposure,
                knockOut,
                finding: option.finding,
                records: outcome.finding,
              }
            : undefined,
        };
      } else {
        const exposure = outcome.none?.exposure ?? 0;
        // No record counts. When an unconfirmed period decided that, say so: a finding to verify (no exposure added).
        const unconfirmedEnd = outcome.finding.records.some(
          (e) => e.reason === 'publication_ended' && e.decisiveStatus === 'unconfirmed',
        );
        scored = {
          question,
          exposure,
          weight,
          knockOut: false,
          finding:
            unconfirmedEnd && question.dontKnow
              ? {
                  ...base,
                  kind: 'verify',
                  optionId: outcome.none?.id ?? '',
                  severity: 'low',
                  exposure,
                  knockOut: false,
                  verify: question.dontKnow.verify,
                  records: outcome.finding,
                }
              : undefined,
        };
      }
    } else if (answer.kind === 'records') {
      // No evaluation date and no record month: an empty records list, i.e. "no such record".
      const none = [...question.options].sort((a, b) => a.exposure - b.exposure)[0];
      scored = { question, exposure: none?.exposure ?? 0, weight, knockOut: false };
    } else if (answer.kind === 'dontKnow' && question.dontKnow) {
      const dk = question.dontKnow;
      scored = {
        question,
        exposure: dk.exposure,
        weight,
        knockOut: false,
        finding: {
          ...base,
          kind: 'verify',
          optionId: DONT_KNOW,
          severity: VERIFY_SEVERITY[question.weight],
          exposure: dk.exposure,
          knockOut: false,
          verify: dk.verify,
        },
      };
      verify.push({
        questionId: question.id,
        dimensionId: question.dimension,
        verify: dk.verify,
        portals: base.portals,
      });
    } else {
      const option = answer.kind === 'option' ? question.options.find((o) => o.id === answer.optionId) : undefined;
      if (!option)
        throw new ScoringInputError([
          `${question.id}: no option "${answer.kind === 'option' ? answer.optionId : answer.kind}"`,
        ]); // unreachable after answerProblems
      const knockOut = option.knockOut === true;
      scored = {
        question,
        exposure: option.exposure,
        weight,
        knockOut,
        finding:
          option.exposure > 0 && option.finding
            ? {
                ...base,
                kind: 'exposure',
                optionId: option.id,
                severity: option.finding.severity,
                exposure: option.exposure,
                knockOut,
                finding: option.finding,
              }
            : undefined,
      };
    }
    const list = scoredByDimension.get(question.dimension) ?? [];
    list.push(scored);
    scoredByDimension.set(question.dimension, list);
  }

  // Overall terms: worst weighted answer anywhere (damped for dimensions weighted below 1); model 1 adds the
  // dimension-weighted mean of the dimensions' mean exposures, model 2 the burden of all other answers.
  let worst = 0;
  let meanSum = 0;
  let meanWeight = 0;
  let burdenSum = 0;
  let burdenMax = 0;
  const dimensions: DimensionScore[] = catalogue.dimensions.map((d) => {
    const scored = scoredByDimension.get(d.id) ?? [];
    const applicableCount = applicableByDimension.get(d.id) ?? 0;
    const findings = scored.flatMap((s) => (s.finding ? [s.finding] : [])).sort(byFindingOrder);
    const knockOut = scored.some((s) => s.knockOut);
    const dontKnow = scored.filter((s) => s.finding?.kind === 'verify' && s.finding.optionId === DONT_KNOW).length;
    let value: number | null = null;
    if (scored.length) {
      let max = 0;
      let sum = 0;
      let weighted = 0;
      let weights = 0;
      for (const s of scored) {
        const x = (s.exposure * s.weight) / maxWeight;
        max = Math.max(max, x);
        sum += x;
        weighted += s.weight * s.exposure;
        weights += s.weight;
        burdenSum += x * d.weight;
        burdenMax = Math.max(burdenMax, x * d.weight);
      }
      const mean = weighted / weights;
      worst = Math.max(worst, max * Math.min(1, d.weight));
      meanSum += d.weight * mean;
      meanWeight += d.weight;
      // Model 2: sum − max is the weight of every answer beyond the heaviest; it never falls when an exposure rises.
      const rest = model === 1 ? mean : burden(Math.max(0, sum - max), DIMENSION_BURDEN_SCALE);
      value = round1(WORST_SHARE * max + (1 - WORST_SHARE) * rest);
      if (knockOut) value = Math.max(value, floor);
      else if (model === 2) value = Math.min(value, ceiling);
    }
    return {
      dimensionId: d.id,
      code: d.code,
      weight: d.weight,
      score: value,
      level: value === null ? null : knockOut ? 'critical' : levelFor(catalogue.levels, value),
      applicable: applicableCount,
      answered: scored.length,
      dontKnow,
      completeness: applicableCount ? scored.length / applicableCount : 1,
      provisional: scored.length < applicableCount,
      knockOut,
      findings,
    };
  });

  const answered = applicable.length - unanswered.length;
  const dontKnow = verify.length;
  const findings = dimensions.flatMap((d) => d.findings).sort(byFindingOrder);
  const knockOuts = findings.filter((f) => f.knockOut);
  let overall: number | null = null;
  if (answered > 0) {
    const rest = model === 1 ? meanSum / meanWeight : burden(Math.max(0, burdenSum - burdenMax), OVERALL_BURDEN_SCALE);
    overall = round1(WORST_SHARE * worst + (1 - WORST_SHARE) * rest);
    if (knockOuts.length) overall = Math.max(overall, floor);
    else if (model === 2) overall = Math.min(overall, ceiling);
  }
  return {
    catalogueVersion: catalogue.version,
    scoringModel: model,
    score: overall,
    level: overall === null ? null : knockOuts.length ? 'critical' : levelFor(catalogue.levels, overall),
    provisional: unanswered.length > 0,
    applicable: applicable.length,
    answered,
    dontKnow,
    completeness: applicable.length ? answered / applicable.length : 1,
    uncertainty: answered ? dontKnow / answered : 0,
    knockOuts,
    unanswered,
    verify,
    dimensions,
    findings,
    ...(month ? { asOf: month } : {}),
    ...(recordsFindings.length ? { records: recordsFindings } : {}),
  };
}
