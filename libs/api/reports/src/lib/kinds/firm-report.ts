import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError, UnavailableError } from '@scs/api/core';
import { ModuleRef } from '@nestjs/core';
import type { ReportBranding, ReportData } from '@scs/shared/contracts';
import {
  REPORT_BRANDING,
  REPORT_DATA_SOURCE,
  type ReportBrandingSource,
  type ReportDataSource,
} from '../data/report-data-source';
import { reportPdfOptions } from '../render/report-renderer';
import { REPORT_TEMPLATE_VERSION, renderReportHtml } from '../template/report.template';
import type { BuiltReport, ReportContentKey, ReportKindProvider, ReportRequest } from './report-kind';

/** "Musterwerk Präzisionsteile (Taicang) Co., Ltd." → "musterwerk-praezisionsteile-taicang-co-ltd". */
export function slug(text: string, max = 60): string {
  const s = text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return s || 'firm';
}

export function reportFilename(data: ReportData): string {
  return `SCS-Check_${slug(data.firm.name)}_${data.assessment.submittedAt.slice(0, 10)}_${data.locale}.pdf`;
}

/**
 * Kind `assessment`: a firm's risk report on one of its submitted assessments. The assessments feature provides the
 * content (REPORT_DATA_SOURCE), the chambers feature the branding of the chamber the firm came through
 * (REPORT_BRANDING, optional); neither module imports the other. Chamber-prepared firm reports reuse `assessmentKey`
 * and `buildWith` with the preparing chamber's branding.
 */
@Injectable()
export class FirmReport implements ReportKindProvider<ReportData> {
  readonly kind = 'assessment';
  readonly templateVersion = REPORT_TEMPLATE_VERSION;
  readonly subject = 'assessment';

  constructor(@Inject(ModuleRef) private readonly moduleRef: ModuleRef) {}

  async contentKey(request: ReportRequest): Promise<ReportContentKey> {
    if (request.preparedBy) throw new InvalidInputError('errors.report.notPreparedByOthers');
    const key = await this.assessmentKey(request.subjectId);
    const branding = await this.brandingSource()?.firmBranding(key.orgId);
    return { orgId: key.orgId, parts: [...key.parts, `branding:${branding?.version ?? 'none'}`] };
  }

  async build(request: ReportRequest): Promise<BuiltReport<ReportData>> {
    const branding = await this.brandingSource()?.firmBranding(request.orgId);
    return this.buildWith(request, (await branding?.load()) ?? null);
  }

  /** The content key of the assessment's report, without branding. */
  assessmentKey(assessmentId: string): Promise<ReportContentKey> {
    return this.dataSource().version(assessmentId);
  }

  /** The firm report of the request's assessment with this branding (none: null). */
  async buildWith(request: ReportRequest, branding: ReportBranding | null): Promise<BuiltReport<ReportData>> {
    const data: ReportData = { ...(await this.dataSource().load(request.subjectId, request.locale)), branding };
    return { data, html: renderReportHtml(data), pdfOptions: reportPdfOptions(), filename: reportFilename(data) };
  }

  /** The assessments feature's source, wherever it is provided in the application. */
  private dataSource(): ReportDataSource {
    try {
      return this.moduleRef.get<ReportDataSource>(REPORT_DATA_SOURCE, { strict: false });
    } catch {
      throw new UnavailableError('errors.report.noDataSource');
    }
  }

  /** The chambers feature's branding source; none when the application runs without it. */
  private brandingSource(): ReportBrandingSource | null {
    try {
      return this.moduleRef.get<ReportBrandingSource>(REPORT_BRANDING, { strict: false });
    } catch {
      return null;
    }
  }
}
