import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentOrg, FIRM_ROLES, OrgAccess, type OrgContext } from '@scs/api/core';
import { CampaignsService } from './campaigns.service';
import { FirmCampaignView } from './dto/campaign.views';

/** The firm's side of campaigns. Whether its chambers see its participation status is the research feature's consent `chamber_participation`. */
@ApiTags('chamber membership')
@ApiParam({ name: 'firmId', format: 'uuid' })
@Controller('orgs/:firmId/chamber-campaigns')
export class FirmCampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @OrgAccess(FIRM_ROLES, { kind: 'firm', param: 'firmId' })
  @ApiOperation({ summary: "Chamber campaigns the firm joined (the chamber's message and dates)" })
  @ApiOkResponse({ type: [FirmCampaignView] })
  list(@CurrentOrg() org: OrgContext): Promise<FirmCampaignView[]> {
    return this.campaigns.ofFirm(org.orgId);
  }
}
