// Group portfolio (issue 19): a firm (the group) links other firm organisations (its entities in China) and sees
// their standing side by side. Answers only when the entity grants them.

import type { ReportLevel, ReportSeverity } from './report';

/** pending: invited, the entity has not answered; active: accepted; declined / ended: over (kept for the record). */
export type GroupLinkStatus = 'pending' | 'active' | 'declined' | 'ended';

/** One link between a group and one of its entities, as either side sees it. */
export interface GroupLinkView {
  id: string;
  status: GroupLinkStatus;
  /** The group (the organisation that invited). */
  group: { orgId: string; name: string };
  /** The linked entity (the subsidiary). */
  entity: { orgId: string; name: string; uscc: string | null };
  /** Whether the entity lets the group read its answers (default: no). */
  answersGranted: boolean;
  invitedAt: string;
  respondedAt: string | null;
  endedAt: string | null;
  /** Which side ended the link. */
  endedBy: 'group' | 'entity' | null;
}

/** `GET /orgs/:orgId/group-links`: the links of a firm in both roles. */
export interface GroupLinksView {
  /** Entities this firm invited or linked (it is their group). */
  entities: GroupLinkView[];
  /** Groups that invited this firm or that it belongs to. */
  groups: GroupLinkView[];
}

/** One column of the heat map: a dimension of the catalogue (by code, stable across catalogue versions). */
export interface PortfolioDimension {
  code: string;
  /** The dimension's name in each UI and report language (Chinese from the version's translation file). */
  title: { en: string; de: string; zh: string };
}

export interface PortfolioCell {
  code: string;
  /** 0–100; null when the entity has no score in the dimension. */
  score: number | null;
  level: ReportLevel | null;
}

/** The standing of one linked entity, from its latest submitted assessment and its action plan. */
export interface PortfolioEntity {
  linkId: string;
  orgId: string;
  name: string;
  uscc: string | null;
  /** Provinces the entity operates in (firm profile). */
  provinces: string[];
  legalForm: string | null;
  answersGranted: boolean;
  /** Null until the entity submits its first self-check. */
  assessmentId: string | null;
  score: number | null;
  level: ReportLevel | null;
  provisional: boolean;
  cells: PortfolioCell[];
  actions: { open: number; overdue: number };
  /** Credit-repair actions from the repair planner that are not done, and the earliest of their due dates. */
  repairs: { open: number; overdue: number; nextDue: string | null };
  /** ISO time of the latest submitted self-check. */
  lastSubmittedAt: string | null;
  /** 'YYYY-MM-DD': when the next self-check is due (a year after the last). */
  nextDue: string | null;
  reassessmentOverdue: boolean;
}

/** `GET /orgs/:orgId/portfolio`: the linked entities (active links only), filtered by province and legal form. */
export interface PortfolioView {
  groupOrgId: string;
  dimensions: PortfolioDimension[];
  entities: PortfolioEntity[];
  /** Values the filters can take (over all active entities, before filtering). */
  provinces: string[];
  legalForms: string[];
  /** 'YYYY-MM-DD' the overdue figures are computed as of. */
  asOf: string;
}

/** One answered question of a linked entity's latest self-check, with its texts in the request's language. */
export interface PortfolioAnswer {
  questionId: string;
  /** The dimension's code and name. */
  dimension: { code: string; title: string };
  /** The question as the catalogue words it (Chinese from the version's translation file). */
  question: string;
  /** option: an option was chosen; dontKnow: "don't know"; records: dated records were entered. */
  kind: 'option' | 'dontKnow' | 'records';
  /** The chosen option's label (kind option, and records answers that map to an option); null otherwise. */
  option: string | null;
  /** How many records (kind records); 0 otherwise. */
  records: number;
  note: string | null;
  /** The finding the answer carries (exposure), or what to verify ("don't know"); null when none. */
  finding: { kind: 'exposure' | 'verify'; severity: ReportSeverity; title: string } | null;
}

/**
 * `GET /orgs/:orgId/portfolio/entities/:entityId/answers`: only while the link is active and the entity grants its
 * answers (404 otherwise). Texts in the language of the request.
 */
export interface PortfolioAnswersView {
  entity: { orgId: string; name: string };
  assessmentId: string | null;
  catalogueVersion: string | null;
  submittedAt: string | null;
  locale: 'en' | 'de' | 'zh';
  /** The answered questions in catalogue order; empty when the entity has not submitted a self-check yet. */
  answers: PortfolioAnswer[];
}
