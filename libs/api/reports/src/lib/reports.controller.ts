import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Res,
  StreamableFile,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  Authenticated,
  CurrentOrg,
  CurrentUser,
  FIRM_ROLES,
  ResourceAccess,
  type AuthUser,
  type OrgContext,
} from '@scs/api/core';
import { CreateReportDto, RenderingResponse, ReportResponse } from './dto/report.dto';
import { ReportRenderer } from './render/report-renderer';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    @Inject(ReportsService) private readonly reports: ReportsService,
    @Inject(ReportRenderer) private readonly renderer: ReportRenderer,
  ) {}

  @Get('reports/rendering')
  @Authenticated()
  @ApiOperation({
    summary:
      'Whether this server can render PDF reports (available, unavailable with the reason, or done by worker processes)',
  })
  @ApiOkResponse({ type: RenderingResponse })
  rendering(): RenderingResponse {
    const availability = this.renderer.availability();
    return availability.status === 'unavailable'
      ? { status: 'unavailable', reason: availability.reason }
      : { status: availability.status };
  }

  @Post('assessments/:id/reports')
  @HttpCode(HttpStatus.ACCEPTED)
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({
    summary:
      'Request the PDF report of a submitted assessment; returns the existing report when the same one was already requested',
  })
  @ApiAcceptedResponse({ type: ReportResponse })
  async request(
    @Param('id') id: string,
    @Body() dto: CreateReportDto,
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
  ): Promise<ReportResponse> {
    const { report } = await this.reports.request({
      kind: 'assessment',
      orgId: org.orgId,
      subjectId: id,
      locale: dto.locale,
      preparedBy: null,
      requestedBy: user.id,
    });
    return report;
  }

  @Get('assessments/:id/reports')
  @ResourceAccess('assessment', FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({ summary: 'The reports of an assessment, newest first' })
  @ApiOkResponse({ type: [ReportResponse] })
  list(@Param('id') id: string, @CurrentOrg() org: OrgContext): Promise<ReportResponse[]> {
    return this.reports.list({ orgId: org.orgId, subjectId: id });
  }

  @Get('reports/:id')
  @ResourceAccess('report', FIRM_ROLES, { kind: 'firm' })
  @ApiOperation({
    summary: 'Status of a report: queued, rendering, done (with SHA-256, size and pages) or failed (with the reason)',
  })
  @ApiOkResponse({ type: ReportResponse })
  status(@Param('id') id: string, @CurrentOrg() org: OrgContext): Promise<ReportResponse> {
    return this.reports.status(id, { orgId: org.orgId });
  }

  @Get('reports/:id/pdf')
  @ResourceAccess('report', FIRM_ROLES, { kind: 'firm' })
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Download the PDF of a finished report' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF (Content-Disposition: attachment; header X-Content-SHA256)' })
  @ApiConflictResponse({ description: 'The report is not rendered yet, or rendering failed' })
  async pdf(
    @Param('id') id: string,
    @CurrentOrg() org: OrgContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.reports.file(id, { orgId: org.orgId });
    res.setHeader('X-Content-SHA256', file.sha256);
    return new StreamableFile(file.pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${file.filename}"`,
      length: file.pdf.byteLength,
    });
  }
}
