import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthUser, CurrentOrg, CurrentUser, OrgAccess, type OrgContext } from '@scs/api/core';
import { DistributionResponse, ChamberReportLanguageDto } from '../benchmark/dto/chamber-reports.dto';
import { CHAMBER_ADMINS, CHAMBER_ROLES } from '../roles';
import { DistributionService } from './distribution.service';

const chamber = { kind: 'chamber' as const, param: 'chamberId' };

/** Batch distribution of branded firm reports: the chamber starts it and follows counts; the PDFs go to the firms only. */
@ApiTags('chamber campaigns')
@ApiParam({ name: 'chamberId', format: 'uuid' })
@ApiParam({ name: 'campaignId', format: 'uuid' })
@Controller('orgs/:chamberId/campaigns/:campaignId/distribution')
export class DistributionController {
  constructor(private readonly distribution: DistributionService) {}

  @Get()
  @OrgAccess(CHAMBER_ROLES, chamber)
  @ApiOperation({ summary: 'Progress of the batch distribution: done, failed, total (poll while pending > 0)' })
  @ApiOkResponse({ type: DistributionResponse })
  view(
    @CurrentOrg() org: OrgContext,
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
  ): Promise<DistributionResponse> {
    return this.distribution.view(org.orgId, campaignId);
  }

  @Post()
  @OrgAccess(CHAMBER_ADMINS, chamber)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      "Prepare reports for all members who submitted in this campaign: each firm gets its own report with this chamber's branding in its report list, and an email",
    description:
      'Idempotent: starting again adds members that joined or submitted since; a report with the same content is never rendered twice.',
  })
  @ApiAcceptedResponse({ type: DistributionResponse })
  start(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Body() dto: ChamberReportLanguageDto,
    @Ip() ip: string,
  ): Promise<DistributionResponse> {
    return this.distribution.start(org.orgId, campaignId, dto.locale, user.id, ip);
  }

  @Post('retry')
  @OrgAccess(CHAMBER_ADMINS, chamber)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Try the failed members of the distribution again' })
  @ApiAcceptedResponse({ type: DistributionResponse })
  @ApiNotFoundResponse({ description: 'Reports have not been distributed in this campaign yet' })
  retry(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Ip() ip: string,
  ): Promise<DistributionResponse> {
    return this.distribution.retry(org.orgId, campaignId, user.id, ip);
  }
}
