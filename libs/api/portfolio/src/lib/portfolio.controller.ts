import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Param, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  CurrentOrg,
  CurrentUser,
  FIRM_ADMINS,
  FIRM_ROLES,
  OrgAccess,
  RequestLocale,
  type AuthUser,
  type Locale,
  type OrgContext,
} from '@scs/api/core';
import { ReportsService } from '@scs/api/reports';
import type {
  GroupLinkView,
  GroupLinksView,
  PortfolioAnswersView,
  PortfolioView,
  ReportView,
} from '@scs/shared/contracts';
import { AnswersAccessDto, InviteEntityDto, PortfolioQueryDto, ReportLanguageDto } from './dto/group-link.dto';
import { GroupLinksService } from './group-links.service';
import { PortfolioService } from './portfolio.service';
import { GROUP_PORTFOLIO } from './report/group-portfolio.report';

const firm = { kind: 'firm' as const };

/**
 * Group links (a group firm and its entities, both firm organisations) and the group's portfolio. Every route acts
 * for the organisation in the path; a link of other organisations is "not found".
 */
@ApiTags('group portfolio')
@ApiParam({ name: 'orgId', format: 'uuid' })
@Controller('orgs/:orgId')
export class PortfolioController {
  constructor(
    private readonly links: GroupLinksService,
    private readonly portfolio: PortfolioService,
    private readonly reports: ReportsService,
  ) {}

  @Post('group-links')
  @OrgAccess(FIRM_ADMINS, firm)
  @ApiOperation({ summary: 'Invite a firm (by the USCC in its profile) to link to this group; its owner answers' })
  invite(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Body() dto: InviteEntityDto,
    @Ip() ip: string,
  ): Promise<GroupLinkView> {
    return this.links.invite(org, user, dto.uscc, ip);
  }

  @Get('group-links')
  @OrgAccess(FIRM_ROLES, firm)
  @ApiOperation({ summary: 'The links of this firm: its entities (as group) and its groups (as entity)' })
  list(@CurrentOrg() org: OrgContext): Promise<GroupLinksView> {
    return this.links.list(org.orgId);
  }

  @Post('group-links/:linkId/accept')
  @HttpCode(HttpStatus.OK)
  @OrgAccess(['owner'], firm)
  @ApiParam({ name: 'linkId', format: 'uuid' })
  @ApiOperation({ summary: "Accept a group's invitation (the entity's owner)" })
  accept(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('linkId') linkId: string,
    @Ip() ip: string,
  ): Promise<GroupLinkView> {
    return this.links.accept(org, user, linkId, ip);
  }

  @Post('group-links/:linkId/decline')
  @HttpCode(HttpStatus.OK)
  @OrgAccess(['owner'], firm)
  @ApiParam({ name: 'linkId', format: 'uuid' })
  @ApiOperation({ summary: "Decline a group's invitation (the entity's owner)" })
  decline(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('linkId') linkId: string,
    @Ip() ip: string,
  ): Promise<GroupLinkView> {
    return this.links.decline(org, user, linkId, ip);
  }

  @Post('group-links/:linkId/end')
  @HttpCode(HttpStatus.OK)
  @OrgAccess(FIRM_ADMINS, firm)
  @ApiParam({ name: 'linkId', format: 'uuid' })
  @ApiOperation({
    summary: "End a link or withdraw an invitation: the group's owners and admins, or the entity's owner",
  })
  end(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('linkId') linkId: string,
    @Ip() ip: string,
  ): Promise<GroupLinkView> {
    return this.links.end(org, user, linkId, ip);
  }

  @Put('group-links/:linkId/answers-access')
  @OrgAccess(['owner'], firm)
  @ApiParam({ name: 'linkId', format: 'uuid' })
  @ApiOperation({ summary: "Let the group read the answers of the latest self-check, or stop it (the entity's owner)" })
  answersAccess(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('linkId') linkId: string,
    @Body() dto: AnswersAccessDto,
    @Ip() ip: string,
  ): Promise<GroupLinkView> {
    return this.links.setAnswersAccess(org, user, linkId, dto.granted, ip);
  }

  @Get('portfolio')
  @OrgAccess(FIRM_ROLES, firm)
  @ApiOperation({
    summary:
      'The linked entities × dimensions: level, scores, open and overdue actions, repair deadlines, last and next self-check',
  })
  view(@CurrentOrg() org: OrgContext, @Query() query: PortfolioQueryDto): Promise<PortfolioView> {
    return this.portfolio.view(org.orgId, query);
  }

  @Get('portfolio/entities/:entityId/answers')
  @OrgAccess(FIRM_ROLES, firm)
  @ApiParam({ name: 'entityId', format: 'uuid' })
  @ApiOperation({
    summary:
      "A linked entity's latest answers (texts in the request's language), only while the link is active and the entity shares them; 404 otherwise",
  })
  answers(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('entityId') entityId: string,
    @Ip() ip: string,
    @RequestLocale() locale: Locale,
  ): Promise<PortfolioAnswersView> {
    return this.portfolio.answers(org.orgId, entityId, user, ip, locale);
  }

  @Post('portfolio/reports')
  @HttpCode(HttpStatus.ACCEPTED)
  @OrgAccess(FIRM_ROLES, firm)
  @ApiOperation({ summary: 'Request the group portfolio PDF; the same content returns the stored report' })
  @ApiAcceptedResponse({ description: 'The report (queued, rendering or done)' })
  async requestReport(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Body() dto: ReportLanguageDto,
  ): Promise<ReportView> {
    const { report } = await this.reports.request({
      kind: GROUP_PORTFOLIO,
      orgId: org.orgId,
      subjectId: org.orgId,
      locale: dto.locale,
      preparedBy: null,
      requestedBy: user.id,
    });
    return report;
  }

  @Get('portfolio/reports')
  @OrgAccess(FIRM_ROLES, firm)
  @ApiOperation({ summary: 'The group portfolio reports, newest first (status and download: /reports/:id)' })
  @ApiOkResponse({ description: 'Reports of kind group_portfolio' })
  listReports(@CurrentOrg() org: OrgContext): Promise<ReportView[]> {
    return this.reports.list({ orgId: org.orgId, kinds: [GROUP_PORTFOLIO], take: 20 });
  }
}
