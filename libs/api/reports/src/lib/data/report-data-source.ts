import { createHash } from 'node:crypto';
import type { ReportBranding, ReportData, ReportKind, ReportLocale } from '@scs/shared/contracts';

/** The content of a firm report that the assessments feature owns: everything but the branding and who prepared it. */
export type FirmReportData = Omit<ReportData, 'branding' | 'preparedBy'>;

/** What the reports feature needs from the assessments feature for firm reports (the assessments feature provides it). */
export interface ReportDataSource {
  /**
   * Cheap (no report data built): the firm the assessment belongs to and the ids and versions its report content
   * depends on (assessment id and submission, catalogue version, previous assessment, firm name, open actions, peer
   * release …). Throws NotFoundError for an unknown assessment or ConflictError for one that cannot be reported on yet.
   */
  version(assessmentId: string): Promise<{ orgId: string; parts: string[] }>;
  /** The report data of a submitted assessment in `locale`, fully resolved (once per render). */
  load(assessmentId: string, locale: ReportLocale): Promise<FirmReportData>;
}

/** Injection token of the ReportDataSource; the assessments feature provides it (tests provide a fixture). */
export const REPORT_DATA_SOURCE = Symbol('REPORT_DATA_SOURCE');

/** Stable hash of a branding (or of none), for cacheParts. */
export function brandingHash(branding: ReportBranding | null | undefined): string {
  if (!branding) return 'none';
  const canonical = JSON.stringify([branding.chamberName, branding.logoDataUri ?? null, branding.contactLine ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The report's identity: SHA-256 over kind, the data source's parts, the template version and the locale. */
export function reportCacheKey(
  kind: ReportKind,
  cacheParts: readonly string[],
  templateVersion: string,
  locale: ReportLocale,
): string {
  const hash = createHash('sha256');
  for (const part of [kind, ...cacheParts, `template:${templateVersion}`, `locale:${locale}`])
    hash.update(part).update('\0');
  return hash.digest('hex');
}
