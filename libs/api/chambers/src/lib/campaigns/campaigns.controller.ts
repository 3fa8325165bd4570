import {
  applyDecorators,
  Body,
  Controller,
  DefaultValuePipe,
  Get,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthUser, CurrentOrg, CurrentUser, OrgAccess, type OrgContext } from '@scs/api/core';
import { CHAMBER_ADMINS, CHAMBER_ROLES } from '../roles';
import { FileUpload, type UploadedBytes } from '../upload';
import { CampaignInvitationsService } from './campaign-invitations.service';
import { CampaignsService } from './campaigns.service';
import {
  CampaignFirmView,
  CampaignInvitationPage,
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
  @ApiQuery({ name: 'offset', required: false, type: Number })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1–500, default 100' })
  @ApiOperation({ summary: 'Invited addresses with whether each link was opened and used' })
  @ApiOkResponse({ type: CampaignInvitationPage })
  listInvitations(
    @CurrentOrg() org: OrgContext,
    @Param('campaignId', new ParseUUIDPipe()) id: string,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
    @Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit: number,
  ): Promise<CampaignInvitationPage> {
    return this.invitations.list(org.orgId, id, Math.max(0, offset), Math.min(500, Math.max(1, limit)));
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
