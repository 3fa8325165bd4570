/** One research export as the platform admin's list shows it, before accounts adds the person's and team's names. */
export interface ResearchExportEntry {
  id: string;
  at: Date;
  userId: string | null;
  orgId: string | null;
  kind: string;
  tableId: string | null;
  rowCount: number;
}

/**
 * The research export log, newest first, for the platform admin's list. Accounts defines the contract (it depends on
 * no other feature); the research feature, which owns `research.export_log`, provides it. A search matches the kind,
 * the table, or the people and organisations accounts found for the search text (`userIds`, `orgIds`).
 */
export interface ResearchExportLog {
  page(query: {
    offset: number;
    limit: number;
    /** An ILIKE pattern, or null for no search. */
    pattern: string | null;
    userIds: string[];
    orgIds: string[];
  }): Promise<{ items: ResearchExportEntry[]; total: number }>;
}

/** Injection token of ResearchExportLog (looked up application-wide: ResearchModule provides it). */
export const RESEARCH_EXPORT_LOG = Symbol('RESEARCH_EXPORT_LOG');
