import { DONT_KNOW, RECORD_STATUSES, type RecordStatus } from '@scs/shared/catalogue';

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

export { DONT_KNOW, RECORD_STATUSES, type RecordStatus };

/** The answer is one of the question's options. */
export interface OptionAnswer {
  readonly kind: 'option';
  readonly optionId: string;
}

/** "Don't know": allowed where the question declares `dontKnow`; scored as a fact to verify. */
export interface DontKnowAnswer {
  readonly kind: 'dontKnow';
}

/**
 * One dated adverse record (a penalty, a list entry, a grade) as the firm reports it. The periods that decide whether
 * it still counts, when it ends and when it can be repaired come from the record type in the catalogue.
 */
export interface AdverseRecord {
  /** Month of the decision (date of the administrative or judicial document), 'YYYY-MM'. */
  decided: string;
  /** A tier id of the question's record type; null where the type has no tiers (its single tier "none"). */
  tier: string | null;
  status: RecordStatus;
  /** 'YYYY-MM': when the record was repaired, removed or ended (for those statuses). */
  statusDate?: string;
  note?: string;
}

/** Dated adverse records, for questions with `record: <recordTypeId>`; an empty list means "no such record". */
export interface RecordsAnswer {
  readonly kind: 'records';
  readonly records: readonly AdverseRecord[];
}

/** One answer to one question (no answer at all is `null`, never a kind). */
export type AnswerValue = OptionAnswer | DontKnowAnswer | RecordsAnswer;
export type AnswerKind = AnswerValue['kind'];
export const ANSWER_KINDS: readonly AnswerKind[] = ['option', 'dontKnow', 'records'];

/** Most records one answer may hold. */
export const RECORDS_MAX = 50;
/** Earliest decision month accepted. */
export const RECORD_MONTH_MIN = '1990-01';
/** Longest note of a record. */
export const RECORD_NOTE_MAX = 2000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** True for a well-formed month 'YYYY-MM'. */
export const isMonth = (s: unknown): s is string => typeof s === 'string' && MONTH.test(s);

/** Longest option id the API accepts. */
export const OPTION_ID_MAX = 64;

export const dontKnowAnswer: DontKnowAnswer = Object.freeze({ kind: 'dontKnow' });
export const optionAnswer = (optionId: string): OptionAnswer => ({ kind: 'option', optionId });
export const recordsAnswer = (records: readonly AdverseRecord[]): RecordsAnswer => ({ kind: 'records', records });

/**
 * The encoded answer: how an answer travels in the API (request and response) and sits in the `assessment_answer`
 * row. `optionId`: an option id, "dont_know", or null when the question is not answered (or the answer cleared).
 * `records`: the dated adverse records (kind `records`, then `optionId` is null); null or absent for the other kinds.
 */
export interface AnswerFields {
  optionId: string | null;
  records?: AdverseRecord[] | null;
}

/** The single decoder: encoded fields (or a bare option code) → answer, null when not answered. */
export function parseAnswer(fields: Partial<AnswerFields> | string | null | undefined): AnswerValue | null {
  if (fields && typeof fields === 'object' && Array.isArray(fields.records)) return recordsAnswer(fields.records);
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
    case 'records':
      return { optionId: null, records: value.records.map((r) => ({ ...r })) };
  }
}

/** Code of a records answer in exports and aggregates (the records themselves travel in `records`). */
export const RECORDS_CODE = 'records';

/** The answer as one code: the option id, "dont_know" or "records" (findings, exports, aggregates). */
export function answerCode(value: AnswerValue): string {
  switch (value.kind) {
    case 'option':
      return value.optionId;
    case 'dontKnow':
      return DONT_KNOW;
    case 'records':
      return RECORDS_CODE;
  }
}

export function isAnswered(fields: Partial<AnswerFields> | null | undefined): boolean {
  return parseAnswer(fields) !== null;
}

/** What of a question an answer is checked against (a catalogue `Question` or a `PublicQuestion`). */
export interface AnswerableQuestion {
  readonly options: readonly { readonly id: string }[];
  readonly dontKnow?: unknown;
  /** The record type whose dated records may answer the question. */
  readonly record?: string;
}

/** What of a record type a records answer is checked against (a catalogue `RecordType`). */
export interface AnswerableRecordType {
  readonly id: string;
  readonly tiers: readonly { readonly id: string }[];
}

/** Why an answer does not fit its question; the callers word the message. `field` names the record field, e.g. `records[0].tier`. */
export type AnswerProblem =
  | { kind: 'noDontKnow' }
  | { kind: 'noSuchOption'; optionId: string }
  | { kind: 'noRecords' }
  | { kind: 'tooManyRecords'; count: number; max: number }
  | { kind: 'badRecord'; index: number; field: string; message: string };

/** Tier id of an untiered record type (mirrors NO_TIER in @scs/shared/catalogue). */
const UNTIERED = 'none';

/**
 * Problems of one record, independent of the catalogue except for the tiers (when `recordType` is given).
 * `currentMonth` ('YYYY-MM') bounds the months; without it only the format and the lower bound are checked.
 */
export function recordProblems(
  record: AdverseRecord,
  index: number,
  recordType?: AnswerableRecordType,
  currentMonth?: string,
): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  const bad = (field: string, message: string) =>
    out.push({ kind: 'badRecord', index, field: `records[${index}].${field}`, message });
  const month = (field: 'decided' | 'statusDate', v: unknown) => {
    if (!isMonth(v)) bad(field, `${field} must be a month YYYY-MM`);
    else if (v < RECORD_MONTH_MIN) bad(field, `${field} must not be before ${RECORD_MONTH_MIN}`);
    else if (currentMonth && v > currentMonth)
      bad(field, `${field} must not be after the current month ${currentMonth}`);
  };
  month('decided', record.decided);
  if (record.statusDate !== undefined && record.statusDate !== null) {
    month('statusDate', record.statusDate);
    if (isMonth(record.statusDate) && isMonth(record.decided) && record.statusDate < record.decided)
      bad('statusDate', 'statusDate must not be before decided');
  }
  if (!(RECORD_STATUSES as readonly string[]).includes(record.status))
    bad('status', `status must be one of ${RECORD_STATUSES.join(', ')}`);
  if (recordType) {
    const tiers = recordType.tiers.map((t) => t.id);
    const untiered = tiers.length === 1 && tiers[0] === UNTIERED;
    if (untiered ? record.tier !== null && record.tier !== UNTIERED : !tiers.includes(record.tier ?? '')) {
      bad(
        'tier',
        untiered
          ? `tier must be null (record type ${recordType.id} has no tiers)`
          : `tier must be one of ${tiers.join(', ')} (record type ${recordType.id})`,
      );
    }
  }
  if (
    record.note !== undefined &&
    record.note !== null &&
    (typeof record.note !== 'string' || record.note.length > RECORD_NOTE_MAX)
  )
    bad('note', `note must be a text of at most ${RECORD_NOTE_MAX} characters`);
  return out;
}

/**
 * The single check of an answer against its question: null when it fits. Records are checked against the record
 * type when it is given (tiers), and against `currentMonth` when given (no future months).
 */
export function answerProblem(
  question: AnswerableQuestion,
  value: AnswerValue,
  recordType?: AnswerableRecordType,
  currentMonth?: string,
): AnswerProblem | null {
  switch (value.kind) {
    case 'option':
      return question.options.some((o) => o.id === value.optionId)
        ? null
        : { kind: 'noSuchOption', optionId: value.optionId };
    case 'dontKnow':
      return question.dontKnow ? null : { kind: 'noDontKnow' };
    case 'records':
      if (!question.record) return { kind: 'noRecords' };
      if (value.records.length > RECORDS_MAX)
        return { kind: 'tooManyRecords', count: value.records.length, max: RECORDS_MAX };
      for (const [i, r] of value.records.entries()) {
        const problem = recordProblems(r, i, recordType, currentMonth)[0];
        if (problem) return problem;
      }
      return null;
  }
}

export const fitsQuestion = (question: AnswerableQuestion, value: AnswerValue): boolean =>
  answerProblem(question, value) === null;

/** An answer as the scoring function takes it: the value and the user's note. */
export type ScoringAnswer = AnswerValue & { readonly note?: string };
/** Answers by question id (the scoring input). */
export type AnswerMap = Readonly<Record<string, ScoringAnswer>>;

/** An encoded answer with its note, as stored in a row or held by the web store. */
export type EncodedAnswer = AnswerFields & { note?: string | null };

/** The words for an answer problem (API messages, scoring input errors). */
export function describeAnswerProblem(problem: AnswerProblem): string {
  switch (problem.kind) {
    case 'noDontKnow':
      return `"don't know" is not an answer to this question`;
    case 'noSuchOption':
      return `no option "${problem.optionId}"`;
    case 'noRecords':
      return 'this question cannot be answered with records';
    case 'tooManyRecords':
      return `records: at most ${problem.max} records, got ${problem.count}`;
    case 'badRecord':
      return `${problem.field}: ${problem.message}`;
  }
}

/**
 * The single row mapper: stored rows (with `questionId`) or local answers keyed by question id, all encoded → the
 * answers by question id (the scoring input). Unanswered ones are left out; an empty note is dropped.
 */
export function answerMap(
  rows: Iterable<EncodedAnswer & { questionId: string }> | Readonly<Record<string, EncodedAnswer>>,
): AnswerMap {
  const entries: [string, EncodedAnswer][] =
    Symbol.iterator in rows
      ? [...(rows as Iterable<EncodedAnswer & { questionId: string }>)].map((r) => [r.questionId, r])
      : Object.entries(rows);
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
