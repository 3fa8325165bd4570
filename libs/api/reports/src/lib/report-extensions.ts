import { Injectable, Logger } from '@nestjs/common';
import type { ReportBranding, ReportData, ReportKind } from '@scs/shared/contracts';
import { brandingHash } from './data/report-data-source';
import type { RenderedReport } from './render/report-renderer';
import type { Report } from './report.entity';

/**
 * A kind of report other than a firm's assessment report (e.g. a chamber's member benchmark), rendered by the same
 * queue, worker and browser pool. The feature that owns the kind renders its document; throwing an HttpException
 * with a 4xx status fails the report for good, anything else is retried.
 */
export interface ReportKindSource {
  render(report: Report): Promise<{ rendered: RenderedReport; filename: string }>;
}

/** The branding of an organisation that prepares firm reports for its members (a chamber). */
export interface PreparedBrandingSource {
  branding(orgId: string): Promise<ReportBranding>;
}

/**
 * The assessment report data with the branding of the organisation that prepared it for the firm: its branding
 * replaces the firm's default, and the cache parts say who prepared it, so such a report has its own cache key.
 */
export function withPreparedBranding<T extends ReportData & { cacheParts: string[] }>(
  data: T,
  preparedBy: string,
  branding: ReportBranding,
): T {
  return { ...data, branding, cacheParts: [...data.cacheParts, `prepared-by:${preparedBy}`, brandingHash(branding)] };
}

/**
 * Where other features plug into the report pipeline without the reports feature importing them: renderers of other
 * report kinds, and the branding of organisations that prepare firm reports (`report.prepared_by`).
 */
@Injectable()
export class ReportExtensions {
  private readonly logger = new Logger(ReportExtensions.name);
  private readonly kinds = new Map<ReportKind, ReportKindSource>();
  private preparedBranding?: PreparedBrandingSource;
  private readonly doneListeners: ((report: Report) => Promise<void>)[] = [];

  registerKind(kind: Exclude<ReportKind, 'assessment'>, source: ReportKindSource): void {
    this.kinds.set(kind, source);
  }

  kind(kind: ReportKind): ReportKindSource | undefined {
    return this.kinds.get(kind);
  }

  registerPreparedBranding(source: PreparedBrandingSource): void {
    this.preparedBranding = source;
  }

  /** The data of a report, with the preparing organisation's branding when the report has one. */
  async prepared<T extends ReportData & { cacheParts: string[] }>(
    report: Pick<Report, 'preparedBy'>,
    data: T,
  ): Promise<T> {
    if (!report.preparedBy) return data;
    if (!this.preparedBranding)
      throw new Error('A prepared report needs the chambers feature (no branding source registered)');
    return withPreparedBranding(data, report.preparedBy, await this.preparedBranding.branding(report.preparedBy));
  }

  /** Called after a report was rendered and stored (e.g. to tell the firm that its chamber prepared it). */
  onDone(listener: (report: Report) => Promise<void>): void {
    this.doneListeners.push(listener);
  }

  /** Runs the listeners of a finished report; a failing listener is logged and never fails the report. */
  async settled(report: Report): Promise<void> {
    for (const listener of this.doneListeners) {
      try {
        await listener(report);
      } catch (e) {
        this.logger.error(`A listener of report ${report.id} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
