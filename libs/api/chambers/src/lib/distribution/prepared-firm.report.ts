import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '@scs/api/core';
import {
  FirmReport,
  REPORT_TEMPLATE_VERSION,
  type BuiltReport,
  type ReportContentKey,
  type ReportKindProvider,
  type ReportRequest,
} from '@scs/api/reports';
import type { ReportData } from '@scs/shared/contracts';
import { ChamberBrandingService, toReportBranding } from '../branding/branding.service';
import { DistributionService, PREPARED_FIRM_REPORT } from './distribution.service';

/**
 * Kind `prepared_assessment`: a firm's report on its assessment, prepared by a chamber (`preparedBy`) with the
 * chamber's branding in place of the firm's own. It belongs to the firm; once stored, the firm is told by email.
 */
@Injectable()
export class PreparedFirmReport implements ReportKindProvider<ReportData> {
  readonly kind = PREPARED_FIRM_REPORT;
  readonly templateVersion = REPORT_TEMPLATE_VERSION;
  readonly subject = 'assessment';

  constructor(
    private readonly firm: FirmReport,
    private readonly branding: ChamberBrandingService,
    private readonly distribution: DistributionService,
  ) {}

  async contentKey(request: ReportRequest): Promise<ReportContentKey> {
    const chamberId = this.preparedBy(request);
    const key = await this.firm.assessmentKey(request.subjectId);
    const branding = await this.branding.brandingVersion(chamberId);
    return { orgId: key.orgId, parts: [...key.parts, `prepared-by:${chamberId}`, `branding:${branding}`] };
  }

  async build(request: ReportRequest): Promise<BuiltReport<ReportData>> {
    const branding = toReportBranding(await this.branding.brandingOfChamber(this.preparedBy(request)));
    return this.firm.buildWith(request, branding);
  }

  settled(report: { id: string; orgId: string; subjectId: string; preparedBy: string | null }): Promise<void> {
    return this.distribution.notify(report);
  }

  private preparedBy(request: ReportRequest): string {
    if (!request.preparedBy) throw new InvalidInputError('errors.distribution.preparedByRequired');
    return request.preparedBy;
  }
}
