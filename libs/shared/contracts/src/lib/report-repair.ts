import type { ReportConfirmation } from './report';

/** A date of the repair plan: a month, or a localized text where the period is not a number of months. */
export interface ReportPlanDate {
  /** 'YYYY-MM', or null when `text` says what applies (e.g. "no application needed"). */
  month: string | null;
  text: string | null;
  status: ReportConfirmation;
}

/** A processing time or deadline, e.g. "Credit China feedback: 10 working days". */
export interface ReportPlanDuration {
  label: string;
  /** Localized amount, e.g. "10 working days" / "10 Arbeitstage". */
  amount: string;
  status: ReportConfirmation;
}

/** One adverse record of the credit-repair plan, fully localized. */
export interface ReportRepairItem {
  questionId: string;
  dimensionName: string;
  recordType: string;
  /** 'YYYY-MM' */
  decided: string;
  /** Localized tier; null for an untiered record type. */
  tier: string | null;
  earliestRepair: ReportPlanDate;
  automaticEnd: ReportPlanDate;
  channel: string;
  documents: string[];
  processing: ReportPlanDuration[];
  deadlines: ReportPlanDuration[];
  repairPossibleNow: boolean;
}

/** The credit-repair plan and the projected exposure of an assessment, as of its submission month. */
export interface ReportRepairPlan {
  /** 'YYYY-MM' */
  asOf: string;
  items: ReportRepairItem[];
  projection: {
    /** 'YYYY-MM' per point (36 months after `asOf`). */
    months: string[];
    overall: (number | null)[];
    /** Dimensions whose projected score changes. */
    dimensions: { code: string; name: string; values: (number | null)[] }[];
  };
}
