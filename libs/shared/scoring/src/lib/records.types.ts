import type { Duration, PeriodSpecial, Text } from '@scs/shared/catalogue';
import type { AdverseRecord } from '@scs/shared/answers';

// The pure result types of dated adverse records: how one record is evaluated as of a date, the credit-repair plan
// and the projected exposure. Shared by the scoring (browser and server), the API result and the PDF.

export type PeriodStatus = 'confirmed' | 'unconfirmed';

/** A period of the record type's tier as applied: the catalogue value with its status and basis (reference ids). */
export interface PeriodInfo {
  /** Whole months from the decision, or a special value (on-fulfilment, any-time, not-needed, never, next-rating, unknown). */
  months: number | PeriodSpecial;
  status: PeriodStatus;
  basis: string[];
  note?: Text;
}

/**
 * Why a record counts or not, as of the date:
 * - `open` / `repair_applied`: counts (inside its publication period);
 * - `repaired` / `removed` / `ended`: the firm reports it so; history only;
 * - `publication_ended`: its publication period is over (see `publicationEnds`, with its status);
 * - `not_published`: its tier is not published (e.g. SAMR warnings);
 * - `after_as_of`: decided after the evaluation date (not yet there).
 */
export type RecordReason =
  | 'open'
  | 'repair_applied'
  | 'repaired'
  | 'removed'
  | 'ended'
  | 'publication_ended'
  | 'not_published'
  | 'after_as_of';

/** One adverse record evaluated as of a date. */
export interface RecordEvaluation {
  /** Position of the record in the answer's list. */
  index: number;
  record: AdverseRecord;
  /** The tier applied (the record's tier, or "none" for an untiered type). */
  tier: string;
  counts: boolean;
  reason: RecordReason;
  /** 'YYYY-MM' from which the record is no longer published; null when it does not end by itself (or the period is unknown / next rating). */
  publicationEnds: string | null;
  publicationEndsPeriod: PeriodInfo;
  /** 'YYYY-MM' from which repair can be applied for; null when no application is needed or the period is unknown. */
  repairFrom: string | null;
  repairFromPeriod: PeriodInfo;
  /**
   * Status of the period that decides the outcome: the end period (when the record counts, or ended by time), the
   * repair period for a record under repair; `confirmed` when the firm's own status decides (repaired, removed, ended).
   */
  decisiveStatus: PeriodStatus;
}

/** The records behind a records answer, as carried by the scored finding and the result. */
export interface RecordsFinding {
  questionId: string;
  recordType: string;
  records: RecordEvaluation[];
  /** Records that count as of the date. */
  counted: number;
  /** The option the counted records map to (the most severe counted tier); null when none counts. */
  optionId: string | null;
  /** Unconfirmed when a decisive period of any record is unconfirmed: the outcome is then not a hard threshold. */
  decisiveStatus: PeriodStatus;
}

/** One step of the credit-repair plan: one adverse record that counts or still has a repair path. */
export interface RepairPlanItem {
  questionId: string;
  dimensionId: string;
  recordType: string;
  recordTypeLabel: Text;
  /** Position of the record in the answer's list. */
  recordIndex: number;
  record: AdverseRecord;
  /** Month of the decision, 'YYYY-MM'. */
  decided: string;
  tier: string;
  tierLabel: Text;
  /** Earliest month a repair (or early removal) can be applied for; null when none needed or unknown. */
  earliestRepair: string | null;
  earliestRepairPeriod: PeriodInfo;
  /** Month the publication ends by itself; null when it does not (or unknown / next rating). */
  automaticEnd: string | null;
  automaticEndPeriod: PeriodInfo;
  channel: { portal?: string; text: Text };
  documents: Text[];
  /** Processing times (e.g. 10 + 3 working days), each with basis and status. */
  processing: Duration[];
  /** Deadlines for the firm itself (e.g. remove a listed director within 30 days). */
  deadlines: Duration[];
  endedEarlyBy: Text;
  /** The record counts as of the date. */
  counts: boolean;
  /** Repair can be applied for now (as of the date): the record counts, is open and its repair date has come. */
  repairPossibleNow: boolean;
  /** The month the plan suggests acting: the earliest repair month, or the date itself when already possible. */
  actionMonth: string | null;
}

/** The projected score in one month, assuming every record is repaired at its earliest date and nothing new happens. */
export interface ProjectionPoint {
  /** 'YYYY-MM' */
  month: string;
  overall: number | null;
  /** Score by dimension id. */
  dimensions: Record<string, number | null>;
}
