import { DONT_KNOW } from '@scs/shared/catalogue';

// The one definition of an answer. Everything that reads, writes, stores, validates or scores an answer derives
// from this file: the API DTOs and SQL mapping (libs/api/assessments), the contracts (libs/shared/contracts), the web
// AnswerStore (libs/web/assessments), the scoring input (libs/shared/scoring) and the readers (export, research,
// chambers, synthetic data).
//
// Two forms:
// - `AnswerValue`, the discriminated union code works with (`switch (value.kind)`);
// - `AnswerFields`, its encoding on the wire and in the `assessment_answer` row (today one field, `optionId`:
//   an option id, "dont_know", or null for "not answered"). `parseAnswer` / `answerFields` convert between the two;
//   nothing else looks at the encoding.
//
// Adding a kind (next: dated adverse records, for questions with `record: <recordTypeId>` in the catalogue):
// 1. add its interface below and to `AnswerValue`, e.g.
//      export interface RecordsAnswer { readonly kind: 'records'; readonly records: readonly AdverseRecord[] }
//    with `AdverseRecord { decided: 'YYYY-MM'; tier?: 'minor' | 'general' | 'serious'; status: 'open' | ... }`;
// 2. add its field to `AnswerFields` (`records?: AdverseRecord[] | null`) and handle it in `parseAnswer`,
//    `answerFields`, `answerProblem` and `answerCode`; the compiler then points at every `switch` that misses it.

export { DONT_KNOW };

/** The answer is one of the question's options. */
export interface OptionAnswer {
  readonly kind: 'option';
  readonly optionId: string;
}

/** "Don't know": allowed where the question declares `dontKnow`; scored as a fact to verify. */
export interface DontKnowAnswer {
  readonly kind: 'dontKnow';
}

/** One answer to one question (no answer at all is `null`, never a kind). */
export type AnswerValue = OptionAnswer | DontKnowAnswer;
export type AnswerKind = AnswerValue['kind'];
export const ANSWER_KINDS: readonly AnswerKind[] = ['option', 'dontKnow'];

/** Longest option id the API accepts. */
export const OPTION_ID_MAX = 64;

export const dontKnowAnswer: DontKnowAnswer = Object.freeze({ kind: 'dontKnow' });
export const optionAnswer = (optionId: string): OptionAnswer => ({ kind: 'option', optionId });

/**
 * The encoded answer: how an answer travels in the API (request and response) and sits in the `assessment_answer`
 * row. `optionId`: an option id, "dont_know", or null when the question is not answered (or the answer cleared).
 */
export interface AnswerFields {
  optionId: string | null;
}

/** The single decoder: encoded fields (or a bare option code) → answer, null when not answered. */
export function parseAnswer(fields: Partial<AnswerFields> | string | null | undefined): AnswerValue | null {
  const optionId = typeof fields === 'string' ? fields : fields?.optionId;
  if (optionId === null || optionId === undefined) return null;
  return optionId === DONT_KNOW ? dontKnowAnswer : optionAnswer(optionId);
}

/** An answer from its code (an option id or "dont_know"); for fixtures and generated data. */
export function answerFromCode(code: string): AnswerValue {
  return code === DONT_KNOW ? dontKnowAnswer : optionAnswer(code);
}

/** The single encoder: answer (or null = not answered) → the fields stored and sent. */
export function answerFields(value: AnswerValue | null): AnswerFields {
  if (!value) return { optionId: null };
  switch (value.kind) {
    case 'option':
      return { optionId: value.optionId };
    case 'dontKnow':
      return { optionId: DONT_KNOW };
  }
}

/** The answer as one code: the option id, or "dont_know" (findings, exports, aggregates). */
export function answerCode(value: AnswerValue): string {
  switch (value.kind) {
    case 'option':
      return value.optionId;
    case 'dontKnow':
      return DONT_KNOW;
  }
}

export function isAnswered(fields: Partial<AnswerFields> | null | undefined): boolean {
  return parseAnswer(fields) !== null;
}

/** What of a question an answer is checked against (a catalogue `Question` or a `PublicQuestion`). */
export interface AnswerableQuestion {
  readonly options: readonly { readonly id: string }[];
  readonly dontKnow?: unknown;
}

/** Why an answer does not fit its question; the callers word the message. */
export type AnswerProblem = { kind: 'noDontKnow' } | { kind: 'noSuchOption'; optionId: string };

/** The single check of an answer against its question: null when it fits. */
export function answerProblem(question: AnswerableQuestion, value: AnswerValue): AnswerProblem | null {
  switch (value.kind) {
    case 'option':
      return question.options.some((o) => o.id === value.optionId) ? null : { kind: 'noSuchOption', optionId: value.optionId };
    case 'dontKnow':
      return question.dontKnow ? null : { kind: 'noDontKnow' };
  }
}

export const fitsQuestion = (question: AnswerableQuestion, value: AnswerValue): boolean => answerProblem(question, value) === null;

/** An answer as the scoring function takes it: the value and the user's note. */
export type ScoringAnswer = AnswerValue & { readonly note?: string };
/** Answers by question id (the scoring input). */
export type AnswerMap = Readonly<Record<string, ScoringAnswer>>;

/** An encoded answer with its note, as stored in a row or held by the web store. */
export type EncodedAnswer = AnswerFields & { note?: string | null };

/**
 * The single row mapper: stored rows (with `questionId`) or local answers keyed by question id, all encoded → the
 * answers by question id (the scoring input). Unanswered ones are left out; an empty note is dropped.
 */
export function answerMap(rows: Iterable<EncodedAnswer & { questionId: string }> | Readonly<Record<string, EncodedAnswer>>): AnswerMap {
  const entries: [string, EncodedAnswer][] =
    Symbol.iterator in rows ? [...(rows as Iterable<EncodedAnswer & { questionId: string }>)].map((r) => [r.questionId, r]) : Object.entries(rows);
  const out: Record<string, ScoringAnswer> = {};
  for (const [questionId, r] of entries) {
    const value = parseAnswer(r);
    if (value) out[questionId] = r.note ? { ...value, note: r.note } : value;
  }
  return out;
}

/** An answer as stored and returned by the API (one row of `assessment_answer`). */
export interface StoredAnswer extends AnswerFields {
  questionId: string;
  note: string | null;
  revision: number;
  updatedBy: string;
  updatedByName?: string | null;
  updatedAt: string;
}

/** One answer in `PUT /assessments/:id/answers`: the encoded answer, the note and the revision it was based on. */
export interface AnswerInput extends AnswerFields {
  questionId: string;
  /** The server stores exactly this note (an absent or blank note clears it). */
  note?: string;
  /** The revision this answer was based on (0 for a new answer). */
  baseRevision: number;
}
