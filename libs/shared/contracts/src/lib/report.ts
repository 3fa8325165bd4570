import type { ReportRepairPlan } from './report-repair';
// The data a PDF risk report is rendered from. Framework-free and fully resolved: every text is a plain string
// in the report's language (Chinese originals alongside where they exist), so the template never looks anything
// up in the catalogue. Produced by the assessments feature (REPORT_DATA_SOURCE in @scs/api/reports).

export type ReportLocale = 'en' | 'de' | 'zh';
/** The chamber benchmark report and chamber branding stay German and English (their texts are bilingual releases). */
export type ChamberReportLocale = Exclude<ReportLocale, 'zh'>;
/**
 * A report kind registered with the reports feature: `assessment` (a firm's report), `prepared_assessment` (a firm
 * report a chamber prepared with its branding), `chamber_benchmark` (a chamber's member benchmark); features may add more.
 */
export type ReportKind = string;
export type ReportStatus = 'queued' | 'rendering' | 'done' | 'failed';
export type ReportLevel = 'low' | 'moderate' | 'high' | 'critical';
export type ReportSeverity = 'critical' | 'high' | 'medium' | 'low';
/** Whether the research behind a fact was verified against the source text; "unconfirmed" is always shown. */
export type ReportConfirmation = 'confirmed' | 'unconfirmed';

export interface ReportFirm {
  name: string;
  /** Localized label, e.g. "Wholly foreign-owned enterprise (WFOE)". */
  legalForm: string;
  /** Localized province names. */
  provinces: string[];
  /** Localized main sector, e.g. "C – Manufacturing". */
  sector: string;
}

/** One line of the firm profile as it was when the assessment was submitted. */
export interface ReportProfileItem {
  label: string;
  value: string;
}

export interface ReportAssessment {
  id: string;
  /** ISO 8601 timestamp. */
  submittedAt: string;
  catalogueVersion: string;
  profile: ReportProfileItem[];
}

/** Chamber branding, when the firm came through a chamber that has branding set. */
export interface ReportBranding {
  chamberName: string;
  /** A `data:image/png;base64,...` (or svg/jpeg) URI: the page loads nothing from the network. */
  logoDataUri?: string;
  contactLine?: string;
}

export interface ReportReference {
  id: string;
  /** Title in the report language. */
  title: string;
  /** The Chinese original title, when known. */
  titleZh?: string;
  authority: string;
  authorityZh?: string;
  /** Official document number, e.g. "GACC Order No. 282". */
  number?: string;
  year: number;
  status: ReportConfirmation;
  url?: string;
}

export interface ReportRepair {
  /** How the record can be repaired (localized). */
  path: string;
  minMonths: number | null;
  maxMonths: number | null;
  status: ReportConfirmation;
}

export interface ReportFinding {
  /** `exposure`: the answer carries a finding; `verify`: answered "don't know", the fact must be checked. */
  kind: 'exposure' | 'verify';
  questionId: string;
  dimensionCode: string;
  dimensionName: string;
  severity: ReportSeverity;
  knockOut: boolean;
  title: string;
  meaning: string;
  consequences: string;
  remediation: string[];
  repair: ReportRepair | null;
  references: ReportReference[];
}

/**
 * One of the most severe findings, in the shared order (`orderFindings`), "don't know" included: a high-weight
 * "don't know" ranks at its question's potential severity (docs/methodology.md, "Order of findings").
 */
export interface ReportTopFinding {
  questionId: string;
  /** `exposure`: a finding of the answer (details in `findings`); `verify`: "don't know", the fact must be checked. */
  kind: 'exposure' | 'verify';
  dimensionCode: string;
  dimensionName: string;
  /** The finding's own severity (a "don't know": by its question's weight). */
  severity: ReportSeverity;
  /** The severity it is ranked by; differs from `severity` only for a high-weight "don't know". */
  rankSeverity: ReportSeverity;
  knockOut: boolean;
  /** The finding's title; for `verify` the question. */
  title: string;
  /** For `verify`: what to check and where. */
  check?: string;
}

export interface ReportDimension {
  /** Catalogue id of the dimension. */
  id: string;
  /** "D1" .. "D16". */
  code: string;
  name: string;
  nameZh?: string;
  /** Responsible authority (localized) and its Chinese name. */
  authority: string;
  authorityZh?: string;
  /** 0–100, null when no applicable question was answered. */
  score: number | null;
  level: ReportLevel | null;
  /** False when no question of the dimension applies to the firm: no section is printed. */
  applicable: boolean;
  /** Share of the dimension's applicable questions that were answered (0–1). */
  completeness: number;
  knockOut: boolean;
  findings: ReportFinding[];
  references: ReportReference[];
}

export interface ReportResult {
  /** 0–100, null when nothing was answered. */
  score: number | null;
  level: ReportLevel | null;
  /** True while applicable questions are unanswered: the level is then a lower bound. */
  provisional: boolean;
  applicable: number;
  answered: number;
  dontKnow: number;
  /** answered ÷ applicable (0–1). */
  completeness: number;
  /** Share of "don't know" among the answers (0–1). */
  uncertainty: number;
  knockOuts: ReportFinding[];
  /** Every finding in the shared order (`orderFindings` of @scs/shared/scoring; the first five are the summary's). */
  findings: ReportFinding[];
  /** The score formula version the result was computed with (docs/methodology.md, "Scoring models"). */
  scoringModel: 1 | 2;
  /** The five most severe findings in the shared order, "don't know" included (the web's "most urgent findings"). */
  mostSevere: ReportTopFinding[];
}

export interface ReportPortal {
  name: string;
  nameZh?: string;
  url: string;
  /** What can be checked there (localized). */
  checks: string;
}

/** A fact the firm answered "don't know": what to check and where. */
export interface ReportVerifyItem {
  questionId: string;
  dimensionCode: string;
  dimensionName: string;
  question: string;
  check: string;
  portals: ReportPortal[];
}

export type ReportActionStatus = 'open' | 'in_progress' | 'done';

export interface ReportAction {
  title: string;
  owner: string | null;
  /** ISO date (YYYY-MM-DD). */
  dueDate: string | null;
  status: ReportActionStatus;
  /** Due before the report's date and not done (the same rule as the web's action plan). */
  overdue: boolean;
  /** The finding the action addresses, if any. */
  questionId?: string;
}

export interface ReportDimensionComparison {
  code: string;
  name: string;
  previous: number | null;
  current: number | null;
}

/** The counts come from `compareFindings` + `comparisonCounts` (@scs/shared/scoring), the comparison the result page shows. */
export interface ReportComparison {
  assessmentId: string;
  submittedAt: string;
  catalogueVersion: string;
  score: number | null;
  level: ReportLevel | null;
  dimensions: ReportDimensionComparison[];
  /** `comparisonCounts(compareFindings(...))` of @scs/shared/scoring: the same counts as the web. */
  findings: { resolved: number; new: number; changed: number; unchanged: number };
}

/** One comparison group of the peer benchmark ("firms like yours"), as disclosure control published it. */
export interface ReportPeerGroup {
  by: 'sector' | 'size';
  available: boolean;
  /** The group in the report's language, e.g. "C Manufacturing" or "50–249 employees" (available groups). */
  label: string | null;
  /** Firms in the group (available groups). */
  firms: number | null;
  /** Mean overall score of the group; null where suppressed or empty. */
  overall: number | null;
  /** Mean score per dimension; `display` is what disclosure control prints ("." suppressed, "–" none). */
  dimensions: { dimensionId: string; mean: number | null; display: string }[];
  /** Why there is no comparison (unavailable groups), in the report's language. */
  message: string | null;
}

/** "Firms like yours": means of consented firms in the latest closed wave, only from published cells. */
export interface ReportPeerComparison {
  wave: string | null;
  /** Minimum number of firms per published cell. */
  k: number;
  groups: ReportPeerGroup[];
}

export interface ReportSource {
  title: string;
  url?: string;
}

export interface ReportMethodology {
  /** Paragraphs explaining how the scores come about (localized). */
  paragraphs: string[];
  sources: ReportSource[];
}

/** Who prepared a report: the organisation (the firm itself, or the chamber that distributed it) and the person. */
export interface ReportPreparedBy {
  organisation: string;
  /** The user who requested it; null for a batch. */
  person: string | null;
}

export interface ReportData {
  locale: ReportLocale;
  /** ISO 8601 timestamp. */
  generatedAt: string;
  /** Set by the report kind when it builds the document; absent in data built elsewhere. */
  preparedBy?: ReportPreparedBy;
  firm: ReportFirm;
  assessment: ReportAssessment;
  branding: ReportBranding | null;
  result: ReportResult;
  /** Every dimension of the catalogue, in catalogue order. */
  dimensions: ReportDimension[];
  verify: ReportVerifyItem[];
  actions: ReportAction[];
  previous: ReportComparison | null;
  /** Peer benchmark; absent where the research feature is not part of the application. */
  peers?: ReportPeerComparison | null;
  methodology: ReportMethodology;
  /** The official look-up portals for verifying each fact. */
  portals: ReportPortal[];
  /** Credit-repair plan and projected exposure (dated records); absent or null when the assessment has none. */
  repairPlan?: ReportRepairPlan | null;
}

/** Status of a report as the API returns it. */
export interface ReportView {
  id: string;
  assessmentId: string | null;
  kind: ReportKind;
  locale: ReportLocale;
  status: ReportStatus;
  /** Why rendering failed (status "failed"). */
  error: string | null;
  sha256: string | null;
  bytes: number | null;
  pages: number | null;
  attempts: number;
  createdAt: string;
  finishedAt: string | null;
  /** The chamber that prepared this report for the firm with its branding (batch distribution); null when the firm requested it. */
  preparedBy?: { orgId: string; name: string | null } | null;
}

/** GET /api/reports/rendering: whether PDF reports can be rendered by this server. */
export interface RenderingView {
  /** available; unavailable (no Chromium: `reason` says what to install); worker (rendered by separate worker processes). */
  status: 'available' | 'unavailable' | 'worker';
  reason?: string;
}
