import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  ParseUUIDPipe,
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
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthUser, CurrentOrg, CurrentUser, OrgAccess, type OrgContext } from '@scs/api/core';
import type { ReportView } from '@scs/shared/contracts';
import { MemberAggregatesService } from '../aggregates/member-aggregates.service';
import { CHAMBER_ADMINS, CHAMBER_ROLES } from '../roles';
import { BenchmarkService } from './benchmark.service';
import { MemberAggregatesResponse, ChamberReportLanguageDto } from './dto/chamber-reports.dto';

const chamber = { kind: 'chamber' as const, param: 'chamberId' };

/** What a chamber learns about its members' results: disclosure-controlled tables and the member benchmark PDF. */
@ApiTags('chamber reports')
@ApiParam({ name: 'chamberId', format: 'uuid' })
@Controller('orgs/:chamberId')
export class ChamberReportsController {
  constructor(
    private readonly aggregates: MemberAggregatesService,
    private readonly benchmark: BenchmarkService,
  ) {}

  @Get('member-aggregates')
  @OrgAccess(CHAMBER_ROLES, chamber)
  @ApiOperation({
    summary:
      'Level distribution, mean dimension scores and most frequent findings of the members who share anonymised results (k-suppressed)',
  })
  @ApiOkResponse({ type: MemberAggregatesResponse })
  memberAggregates(@CurrentOrg() org: OrgContext): Promise<MemberAggregatesResponse> {
    return this.aggregates.view(org.orgId);
  }

  @Post('benchmark-reports')
  @OrgAccess(CHAMBER_ADMINS, chamber)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Request the member benchmark PDF (published figures only); the same figures return the stored report',
  })
  @ApiAcceptedResponse({ description: 'The report (queued, rendering or done)' })
  request(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Body() dto: ChamberReportLanguageDto,
    @Ip() ip: string,
  ): Promise<ReportView> {
    return this.benchmark.request(org.orgId, dto.locale, user.id, ip);
  }

  @Get('benchmark-reports')
  @OrgAccess(CHAMBER_ROLES, chamber)
  @ApiOperation({ summary: "The chamber's member benchmark reports, newest first" })
  list(@CurrentOrg() org: OrgContext): Promise<ReportView[]> {
    return this.benchmark.list(org.orgId);
  }

  @Get('benchmark-reports/:reportId')
  @OrgAccess(CHAMBER_ROLES, chamber)
  @ApiParam({ name: 'reportId', format: 'uuid' })
  @ApiOperation({ summary: 'Status of a member benchmark report' })
  status(@CurrentOrg() org: OrgContext, @Param('reportId', new ParseUUIDPipe()) reportId: string): Promise<ReportView> {
    return this.benchmark.status(org.orgId, reportId);
  }

  @Get('benchmark-reports/:reportId/pdf')
  @OrgAccess(CHAMBER_ROLES, chamber)
  @Header('Cache-Control', 'private, no-store')
  @ApiParam({ name: 'reportId', format: 'uuid' })
  @ApiOperation({ summary: 'Download a finished member benchmark report' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF (Content-Disposition: attachment; header X-Content-SHA256)' })
  @ApiConflictResponse({ description: 'Not rendered yet, or rendering failed' })
  async pdf(
    @CurrentOrg() org: OrgContext,
    @Param('reportId', new ParseUUIDPipe()) reportId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.benchmark.file(org.orgId, reportId);
    res.setHeader('X-Content-SHA256', file.sha256);
    return new StreamableFile(file.pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${file.filename}"`,
      length: file.pdf.byteLength,
    });
  }
}
