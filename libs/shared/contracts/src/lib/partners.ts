// The partner check (issue 19): what the API returns to the firm and to the partner's login-free page.

export type PartnerRole = 'jv_partner' | 'supplier' | 'distributor' | 'customer' | 'logistics' | 'other';
export type PartnerLanguage = 'zh' | 'en' | 'de';
/** The state of a partner's latest check: none sent, sent (not opened), opened, answered, expired unanswered, withdrawn. */
export type PartnerCheckState = 'none' | 'sent' | 'opened' | 'answered' | 'expired' | 'revoked';
export type PartnerLevelId = 'low' | 'moderate' | 'high' | 'critical';
export type RedFlagSeverityId = 'critical' | 'high' | 'medium' | 'low';
export type PartnerSourceId = 'credit_china' | 'necips' | 'court_enforcement' | 'tax_grade' | 'customs' | 'ccgp';
export interface TriText {
  en: string;
  de: string;
  zh: string;
}

export interface PartnerInput {
  name: string;
  nameZh?: string | null;
  uscc?: string | null;
  role: PartnerRole;
  province?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactLanguage?: PartnerLanguage;
  recheckMonths?: number;
}

export interface PartnerView {
  id: string;
  name: string;
  nameZh: string | null;
  uscc: string | null;
  role: PartnerRole;
  province: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactLanguage: PartnerLanguage;
  recheckMonths: number;
  state: PartnerCheckState;
  /** The level of the latest answered check (null: never answered). */
  level: PartnerLevelId | null;
  flagCount: number;
  answeredAt: string | null;
  /** The latest answer or own verification plus the re-check interval (YYYY-MM-DD); null when never checked. */
  recheckDue: string | null;
  recheckOverdue: boolean;
}

export interface RedFlagView {
  questionId: string;
  optionId: string;
  severity: RedFlagSeverityId;
  text: TriText;
  unconfirmed: boolean;
}

export interface EvidenceView {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}

export interface PartnerCheckView {
  id: string;
  email: string;
  locale: PartnerLanguage;
  state: Exclude<PartnerCheckState, 'none'>;
  sentAt: string;
  expiresAt: string;
  openedAt: string | null;
  submittedAt: string | null;
  revokedAt: string | null;
  questionnaireVersion: string;
  answers: Record<string, string> | null;
  flags: RedFlagView[];
  level: PartnerLevelId | null;
  declaration: { name: string; role: string; date: string } | null;
  evidence: EvidenceView[];
  answerLocale: PartnerLanguage | null;
}

export interface VerificationView {
  id: string;
  source: PartnerSourceId;
  checkedOn: string;
  outcome: 'no_entry' | 'entry_found';
  note: string | null;
  recordedAt: string;
}

export interface QuestionnaireOptionView {
  id: string;
  label: TriText;
  flag?: { severity: RedFlagSeverityId; text: TriText };
}
export interface QuestionnaireQuestionView {
  id: string;
  text: TriText;
  help?: TriText;
  basis: TriText;
  whereToCheck: { source: PartnerSourceId; name: TriText; url: string; how: TriText }[];
  status: 'confirmed' | 'unconfirmed';
  statusNote?: TriText;
  options: QuestionnaireOptionView[];
}
export interface QuestionnaireView {
  version: string;
  title: TriText;
  intro: TriText;
  declaration: TriText;
  questions: QuestionnaireQuestionView[];
}

export interface PartnerDetailView {
  partner: PartnerView;
  checks: PartnerCheckView[];
  verifications: VerificationView[];
  questionnaire: QuestionnaireView;
}

export interface SentCheckView {
  check: PartnerCheckView;
}

export interface PartnerImportRow {
  line: number;
  name: string;
  nameZh: string | null;
  uscc: string | null;
  role: PartnerRole;
  province: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactLanguage: PartnerLanguage;
}
export type PartnerImportProblem =
  | 'noName'
  | 'badUscc'
  | 'badEmail'
  | 'badRole'
  | 'badLanguage'
  | 'repeated'
  | 'exists';
export interface PartnerImportResult {
  rows: PartnerImportRow[];
  rejected: { line: number; value: string; problem: PartnerImportProblem }[];
  /** Rows stored (0 for a preview). */
  imported: number;
}

/** What the partner's page gets after confirming the address. */
export interface PartnerLinkView {
  firmName: string;
  partnerName: string;
  partnerNameZh: string | null;
  locale: PartnerLanguage;
  expiresAt: string;
  questionnaire: QuestionnaireView;
  evidence: EvidenceView[];
}

/** Before the address is confirmed: nothing but the language to show the page in. */
export interface PartnerLinkPeek {
  locale: PartnerLanguage;
}

export interface PartnerSubmitted {
  /** Lets the partner download its receipt (valid 7 days); shown once. */
  receiptToken: string;
  flags: number;
}

export interface PartnerReceiptStatus {
  status: 'queued' | 'rendering' | 'done' | 'failed';
  filename: string | null;
}
