import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError, UnavailableError } from '@scs/api/core';
import { ModuleRef } from '@nestjs/core';
import { DirectoryService } from '@scs/api/accounts';
import type { ReportBranding, ReportData } from '@scs/shared/contracts';
import { REPORT_DATA_SOURCE, type ReportDataSource } from '../data/report-data-source';
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
 * Kind `assessment`: a firm's risk report on one of its submitted assessments, requested by the firm itself. The
 * assessments feature provides the content (REPORT_DATA_SOURCE). It carries no chamber branding, even when the firm
 * came through a chamber or one of its campaigns: branding belongs only on reports the chamber prepared and distributed
 * (kind `prepared_assessment`, which reuses `assessmentKey` and `buildWith` with the preparing chamber's branding).
 */
@Injectable()
export class FirmReport implements ReportKindProvider<ReportData> {
  readonly kind = 'assessment';
  readonly templateVersion = REPORT_TEMPLATE_VERSION;
  readonly subject = 'assessment';

  constructor(
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
    @Inject(DirectoryService) private readonly directory: DirectoryService,
  ) {}

  async contentKey(request: ReportRequest): Promise<ReportContentKey> {
    if (request.preparedBy) throw new InvalidInputError('errors.report.notPreparedByOthers');
    const key = await this.assessmentKey(request.subjectId);
    return { orgId: key.orgId, parts: [...key.parts, 'branding:none'] };
  }

  build(request: ReportRequest): Promise<BuiltReport<ReportData>> {
    return this.buildWith(request, null);
  }

  /** The content key of the assessment's report, without branding. */
  assessmentKey(assessmentId: string): Promise<ReportContentKey> {
    return this.dataSource().version(assessmentId);
  }

  /**
   * The firm report of the request's assessment with this branding (none: null). It was prepared by the branding's
   * chamber (a distributed report) or by the firm itself, and by the user who asked for it (none for a batch).
   */
  async buildWith(request: ReportRequest, branding: ReportBranding | null): Promise<BuiltReport<ReportData>> {
    const content = await this.dataSource().load(request.subjectId, request.locale);
    const person = request.requestedBy ? await this.userName(request.requestedBy) : null;
    const data: ReportData = {
      ...content,
      branding,
      preparedBy: { organisation: branding?.chamberName ?? content.firm.name, person },
    };
    return { data, html: renderReportHtml(data), pdfOptions: reportPdfOptions(), filename: reportFilename(data) };
  }

  private async userName(userId: string): Promise<string | null> {
    return (await this.directory.userNames([userId])).get(userId) ?? null;
  }

  /** The assessments feature's source, wherever it is provided in the application. */
  private dataSource(): ReportDataSource {
    try {
      return this.moduleRef.get<ReportDataSource>(REPORT_DATA_SOURCE, { strict: false });
    } catch {
      throw new UnavailableError('errors.report.noDataSource');
    }
  }
}
