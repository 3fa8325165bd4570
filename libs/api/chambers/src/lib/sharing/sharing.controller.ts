import { Body, Controller, Get, Ip, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentOrg, CurrentUser, FIRM_ADMINS, FIRM_ROLES, OrgAccess, type OrgContext } from '@scs/api/core';
import { CampaignsService } from '../campaigns/campaigns.service';
import { FirmCampaignView } from '../campaigns/dto/campaign.views';
import { SharingView, UpdateSharingDto } from './dto/sharing.dto';
import { SharingService } from './sharing.service';

const firm = { kind: 'firm' as const, param: 'firmId' };

@ApiTags('chamber membership')
@ApiParam({ name: 'firmId', format: 'uuid' })
@Controller('orgs/:firmId')
export class SharingController {
  constructor(
    private readonly sharing: SharingService,
    private readonly campaignsService: CampaignsService,
  ) {}

  @Get('chamber-sharing')
  @OrgAccess(FIRM_ROLES, firm)
  @ApiOperation({ summary: 'Whether the firm shares its participation status (started/submitted) with its chambers' })
  @ApiOkResponse({ type: SharingView })
  get(@CurrentOrg() org: OrgContext): Promise<SharingView> {
    return this.sharing.get(org.orgId);
  }

  @Put('chamber-sharing')
  @OrgAccess(FIRM_ADMINS, firm)
  @ApiOperation({ summary: 'Share (or stop sharing) the participation status with the firm\'s chambers; never answers or scores' })
  @ApiOkResponse({ type: SharingView })
  set(@CurrentOrg() org: OrgContext, @CurrentUser() user: AuthUser, @Body() dto: UpdateSharingDto, @Ip() ip: string): Promise<SharingView> {
    return this.sharing.set(org.orgId, dto.participationStatus, user.id, ip);
  }

  @Get('chamber-campaigns')
  @OrgAccess(FIRM_ROLES, firm)
  @ApiOperation({ summary: 'Chamber campaigns the firm joined' })
  @ApiOkResponse({ type: [FirmCampaignView] })
  campaigns(@CurrentOrg() org: OrgContext): Promise<FirmCampaignView[]> {
    return this.campaignsService.ofFirm(org.orgId);
  }
}
