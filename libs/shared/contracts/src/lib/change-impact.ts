/** GET /api/orgs/:orgId/change-impact — what a newer catalogue version changes for one firm. */
export interface ChangeImpactScore {
  score: number | null;
  level: string | null;
  /** True while applicable questions are unanswered (new questions): the level is then a lower bound. */
  provisional: boolean;
  applicable: number;
  answered: number;
}

export interface ChangeImpactQuestion {
  /** The id in the current version. */
  id: string;
  /** The id in the firm's version when the question was renamed (idMap). */
  from?: string;
  /** Changed fields (text, options, applicability ...); empty for a pure rename. */
  fields: string[];
}

export interface ChangeImpactView {
  /** True when the firm's latest submitted assessment is on an older catalogue version than the current one. */
  outdated: boolean;
  currentVersion: string;
  currentEffectiveFrom: string;
  /** The latest submitted assessment (null when the firm has none). */
  assessment: {
    id: string;
    catalogueVersion: string;
    submittedAt: string | null;
    score: number | null;
    level: string | null;
  } | null;
  /** Only questions that apply to the firm's current profile (removed ones: that applied in the older version). */
  questions: { added: string[]; changed: ChangeImpactQuestion[]; removed: string[] };
  /** References the firm's questions cited in the older version that the current version marks as superseded. */
  supersededReferences: { id: string; supersededBy: string }[];
  /** Answers that carry over into the current version (through its idMap) and those that cannot. */
  carriedOver: number;
  notCarried: string[];
  /** The score the firm would get today with its answers carried over (new questions unanswered). */
  scoreToday: ChangeImpactScore | null;
  /** An open re-assessment draft on the current version started from that assessment, if any. */
  draftId: string | null;
}

/** GET /api/admin/change-impact — how many firms a newer catalogue version affects. */
export interface ChangeImpactSummary {
  currentVersion: string;
  /** Firms whose latest submitted assessment is on an older version. */
  affectedFirms: number;
  byVersion: { version: string; firms: number }[];
  /** Of those, firms whose owners and admins were notified for the current version. */
  notified: number;
}

/** POST /api/admin/change-impact/notify */
export interface ChangeImpactNotifyResult {
  currentVersion: string;
  /** Firms notified now (each at most once per version). */
  firms: number;
  mails: number;
}
