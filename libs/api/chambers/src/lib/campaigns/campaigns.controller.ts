import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthUser, CurrentOrg, CurrentUser, OrgAccess, type OrgContext } from '@scs/api/core';
import { CHAMBER_ADMINS, CHAMBER_ROLES } from '../roles';
import { FileUpload, type UploadedBytes } from '../upload';
import { CampaignInvitationsService } from './campaign-invitations.service';
import { CampaignsService } from './campaigns.service';
import { ExportQuery, InvitationListQuery, MergeCampaignDto } from './dto/campaign-admin.dto';
import {
  CampaignFirmView,
  CampaignInvitationPage,
  CampaignInvitationView,
  CampaignView,
  InvitePreview,
  InviteResult,
  ProgressView,
  ReminderResult,
} from './dto/campaign.views';
import { CreateCampaignDto } from './dto/create-campaign.dto';
import { InviteFirmsDto } from './dto/invite-firms.dto';
import { UpdateCampaignDto } from './dto/update-campaign.dto';
import { CampaignProgressService } from './progress.service';

const CSV_CAP = 2 * 1024 * 1024;
const chamber = { kind: 'chamber' as const, param: 'chamberId' };

/** What resend and revoke share: chamber admins only, one invited address of one campaign, 200 with its new state. */
function InvitationAction() {
  return applyDecorators(
    OrgAccess(CHAMBER_ADMINS, chamber),
    HttpCode(HttpStatus.OK),
    ApiParam({ name: 'campaignId', format: 'uuid' }),
    ApiParam({ name: 'invitationId', format: 'uuid', description: 'Id of the invited address (from the list)' }),
    ApiOkResponse({ type: CampaignInvitationView }),
  );
}

/** What invite and preview share: chamber admins only, pasted text or a CSV upload (at most 2 MB), 200. */
function MemberListInput() {
  return applyDecorators(
    OrgAccess(CHAMBER_ADMINS, chamber),
    UseInterceptors(FileUpload('file', CSV_CAP, 'errors.addressList.fileTooLarge')),
    HttpCode(HttpStatus.OK),
    ApiParam({ name: 'campaignId', format: 'uuid' }),
    ApiConsumes('application/json', 'multipart/form-data'),
    ApiBody({
      schema: {
        oneOf: [
          { type: 'object', properties: { addresses: { type: 'string', description: 'Pasted addresses' } } },
          {
            type: 'object',
            properties: {
              file: {
                type: 'string',
                format: 'binary',
                description: 'CSV file (UTF-8, UTF-16 or Windows-1252; , ; or tab separated)',
              },
            },
          },
        ],
      },
    }),
  );
}

@ApiTags('chamber campaigns')
@ApiParam({ name: 'chamberId', format: 'uuid' })
@Controller('orgs/:chamberId/campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly invitations: CampaignInvitationsService,
    private readonly progressService: CampaignProgressService,
  ) {}

  @Get()
  @OrgAccess(CHAMBER_ROLES, chamber)
  @ApiOperation({ summary: "The chamber's campaigns, newest first, with invited and joined counts" })
  @ApiOkResponse({ type: [CampaignView] })
  list(@CurrentOrg() org: OrgContext): Promise<CampaignView[]> {
    return this.campaigns.list(org.orgId);
  }

  @Post()
  @OrgAccess(CHAMBER_ADMINS, chamber)
  @ApiOperation({ summary: 'Create a campaign (title, message in German and English, opening and closing date)' })
  @ApiCreatedResponse({ type: CampaignView })
  create(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateCampaignDto,
    @Ip() ip: string,
  ): Promise<CampaignView> {
    return this.campaigns.create(org.orgId, dto, user.id, ip);
  }

  @Get(':campaignId')
  @OrgAccess(CHAMBER_ROLES, chamber)
  @ApiParam({ name: 'campaignId', format: 'uuid' })
  @ApiOkResponse({ type: CampaignView })
  get(@CurrentOrg() org: OrgContext, @Param('campaignId', new ParseUUIDPipe()) id: string): Promise<CampaignView> {
    return this.campaigns.get(org.orgId, id);
  }

  @Patch(':campaignId')
  @OrgAccess(CHAMBER_ADMINS, chamber)
  @ApiParam({ name: 'campaignId', format: 'uuid' })
  @ApiOperation({ summary: 'Change title, messages or closing date of a campaign that is not closed' })
  @ApiOkResponse({ type: CampaignView })
  @ApiConflictResponse({ description: 'The campaign is closed' })
  update(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('campaignId', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateCampaignDto,
    @Ip() ip: string,
  ): Promise<CampaignView> {
    return this.campaigns.update(org.orgId, id, dto, user.id, ip);
  }

  @Post(':campaignId/close')
  @OrgAccess(CHAMBER_ADMINS, chamber)
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'campaignId', format: 'uuid' })
  @ApiOperation({ summary: 'Close the campaign now: its links stop working (410); all data stays' })
  @ApiOkResponse({ type: CampaignView })
  close(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('campaignId', new ParseUUIDPipe()) id: string,
    @Ip() ip: string,
  ): Promise<CampaignView> {
    return this.campaigns.close(org.orgId, id, user.id, ip);
  }

  @Post(':campaignId/invitations')
  @MemberListInput()
  @ApiOperation({
    summary:
      'Invite firms by pasted addresses or a CSV file (at most 5,000 entries): each new address gets an email with a single-use link',
    description:
      'Duplicates are merged, addresses already invited to this campaign are skipped, invalid entries are listed back with line and reason.',
  })
  @ApiOkResponse({ type: InviteResult })
  @ApiBadRequestResponse({ description: 'Not a CSV file, malformed CSV or empty list: nothing was imported' })
  @ApiPayloadTooLargeResponse({ description: 'More than 5,000 entries (or a file over 2 MB): nothing was imported' })
  @ApiConflictResponse({ description: 'The campaign is closed or not open yet' })
  invite(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('campaignId', new ParseUUIDPipe()) id: string,
    @Body() dto: InviteFirmsDto,
    @UploadedFile() file: UploadedBytes | undefined,
    @Ip() ip: string,
  ): Promise<InviteResult> {
    return this.invitations.invite(org.orgId, id, { text: dto.addresses, file: file?.buffer }, user.id, ip);
  }

  @Post(':campaignId/invitations/preview')
  @MemberListInput()
  @ApiOperation({
    summary:
      'Preview an invitation list without sending anything: the rows (company, contact, address) that would be invited, repeats and rejected rows',
    description: 'Same input, limits and errors as POST invitations; nothing is stored or sent.',
  })
  @ApiOkResponse({ type: InvitePreview })
  @ApiBadRequestResponse({ description: 'Not a CSV file, malformed CSV or empty list' })
  @ApiPayloadTooLargeResponse({ description: 'More than 5,000 entries (or a file over 2 MB)' })
  @ApiConflictResponse({ description: 'The campaign is closed or not open yet' })
  preview(
    @CurrentOrg() org: OrgContext,
    @Param('campaignId', new ParseUUIDPipe()) id: string,
    @Body() dto: InviteFirmsDto,
    @UploadedFile() file: UploadedBytes | undefined,
  ): Promise<InvitePreview> {
    return this.invitations.preview(org.orgId, id, { text: dto.addresses, file: file?.buffer });
  }

  @Get(':campaignId/invitations')
  @OrgAccess(CHAMBER_ROLES, chamber)
  @ApiParam({ name: 'campaignId', format: 'uuid' })
  @ApiOperation({
    summary:
      'Invited addresses with their status (sent, opened, joined, bounced, revoked), delivery and link end; filter by status or address',
  })
  @ApiOkResponse({ type: CampaignInvitationPage })
  listInvitations(
    @CurrentOrg() org: OrgContext,
    @Param('campaignId', new ParseUUIDPipe()) id: string,
    @Query() q: InvitationListQuery,
  ): Promise<CampaignInvitationPage> {
    return this.invitations.list(org.orgId, id, {
      offset: q.offset ?? 0,
      limit: q.limit ?? 100,
      status: q.status,
      q: q.q,
    });
  }

  @Post(':campaignId/invitations/:invitationId/resend')
  @InvitationAction()
  @ApiOperation({
    summary: 'Send a fresh link to one address (the earlier link stops working); also undoes a withdrawal',
  })
  @ApiConflictResponse({ description: 'The address joined already, or the campaign is not open' })
  resend(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('campaignId', new ParseUUIDPipe()) id: string,
    @Param('invitationId', new ParseUUIDPipe()) invitationId: string,
    @Ip() ip: string,
  ): Promise<CampaignInvitationView> {
    return this.invitations.resend(org.orgId, id, invitationId, user.id, ip);
  }

  @Post(':campaignId/invitations/:invitationId/revoke')
  @InvitationAction()
  @ApiOperation({ summary: "Withdraw one address's link: it answers 410 from now on" })
  @ApiConflictResponse({ description: 'The address joined already, or the link was withdrawn before' })
  revoke(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('campaignId', new ParseUUIDPipe()) id: string,
    @Param('invitationId', new ParseUUIDPipe()) invitationId: string,
    @Ip() ip: string,
  ): Promise<CampaignInvitationView> {
    return this.invitations.revoke(org.orgId, id, invitationId, user.id, ip);
  }

  @Get(':campaignId/export')
  @OrgAccess(CHAMBER_ROLES, chamber)
  @ApiParam({ name: 'campaignId', format: 'uuid' })
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      'Participation status per invited address as CSV (; separated, UTF-8 with BOM); never answers, scores or assessment progress',
  })
  async exportCsv(
    @CurrentOrg() org: OrgContext,
    @Param('campaignId', new ParseUUIDPipe()) id: string,
    @Query() q: ExportQuery,
  ): Promise<StreamableFile> {
    const file = await this.invitations.exportCsv(org.orgId, id, q.locale ?? 'de');
    return new StreamableFile(file.content, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${file.filename}"`,
      length: file.content.byteLength,
    });
  }

  @Delete(':campaignId')
  @OrgAccess(CHAMBER_ADMINS, chamber)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiParam({ name: 'campaignId', format: 'uuid' })
  @ApiOperation({
    summary: 'Delete a campaign nobody joined through (its pending links are withdrawn); otherwise 409: close it',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'A firm joined through the campaign' })
  remove(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('campaignId', new ParseUUIDPipe()) id: string,
    @Ip() ip: string,
  ): Promise<void> {
    return this.campaigns.remove(org.orgId, id, user.id, ip);
  }

  @Post(':campaignId/merge')
  @OrgAccess(CHAMBER_ADMINS, chamber)
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'campaignId', format: 'uuid', description: 'The campaign that stays' })
  @ApiOperation({
    summary:
      'Merge another campaign of this chamber into this one: its addresses, firms and reminders move here, then it is deleted',
  })
  @ApiOkResponse({ type: CampaignView })
  @ApiNotFoundResponse({ description: 'Either campaign is unknown or belongs to another chamber' })
  @ApiConflictResponse({ description: 'This campaign is closed, or the other one has a report distribution' })
  merge(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('campaignId', new ParseUUIDPipe()) id: string,
    @Body() dto: MergeCampaignDto,
    @Ip() ip: string,
  ): Promise<CampaignView> {
    return this.campaigns.merge(org.orgId, id, dto.sourceCampaignId, user.id, ip);
  }

  @Get(':campaignId/progress')
  @OrgAccess(CHAMBER_ROLES, chamber)
  @ApiParam({ name: 'campaignId', format: 'uuid' })
  @ApiOperation({
    summary: 'Funnel: invited, opened, joined, started, submitted (started/submitted under disclosure control)',
  })
  @ApiOkResponse({ type: ProgressView })
  progress(@CurrentOrg() org: OrgContext, @Param('campaignId', new ParseUUIDPipe()) id: string): Promise<ProgressView> {
    return this.progressService.progress(org.orgId, id);
  }

  @Get(':campaignId/firms')
  @OrgAccess(CHAMBER_ROLES, chamber)
  @ApiParam({ name: 'campaignId', format: 'uuid' })
  @ApiOperation({
    summary: 'Firms that joined; started/submitted only for firms that share their participation status',
  })
  @ApiOkResponse({ type: [CampaignFirmView] })
  firms(
    @CurrentOrg() org: OrgContext,
    @Param('campaignId', new ParseUUIDPipe()) id: string,
  ): Promise<CampaignFirmView[]> {
    return this.progressService.firms(org.orgId, id);
  }

  @Post(':campaignId/reminders')
  @OrgAccess(CHAMBER_ADMINS, chamber)
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'campaignId', format: 'uuid' })
  @ApiOperation({ summary: 'Email a reminder to joined firms that have not submitted (at most one per firm per week)' })
  @ApiOkResponse({ type: ReminderResult })
  @ApiConflictResponse({ description: 'The campaign is not open' })
  remind(
    @CurrentOrg() org: OrgContext,
    @CurrentUser() user: AuthUser,
    @Param('campaignId', new ParseUUIDPipe()) id: string,
    @Ip() ip: string,
  ): Promise<ReminderResult> {
    return this.progressService.remind(org.orgId, id, user.id, ip);
  }
}
