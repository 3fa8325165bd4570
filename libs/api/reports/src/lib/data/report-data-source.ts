import { createHash } from 'node:crypto';
import type { ReportBranding, ReportData, ReportKind, ReportLocale } from '@scs/shared/contracts';

/** What the report feature needs from the assessments feature: one firm's report data, fully resolved. */
export interface ReportDataSource {
  /**
   * Loads the report data of a submitted assessment. `orgId` is the firm that owns it (the report is stored under
   * it and checked against the caller's organisation); `cacheParts` identify the content besides locale and template
   * version, e.g. `[assessmentId, catalogueVersion, brandingHash(branding)]`. Throws an HttpException for an unknown
   * assessment (404) or one that cannot be reported on yet (409); the API passes it on.
   */
  load(assessmentId: string, locale: ReportLocale): Promise<ReportData & { orgId: string; cacheParts: string[] }>;
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
