import { Module } from '@nestjs/common';
import { BrandingController } from './branding/branding.controller';
import { ChamberBrandingService } from './branding/branding.service';
import { CampaignInvitationsService } from './campaigns/campaign-invitations.service';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { FirmCampaignsController } from './campaigns/firm-campaigns.controller';
import { CampaignProgressService } from './campaigns/progress.service';

/**
 * Chambers: branding, campaigns (invitations through the accounts feature's links), progress and reminders. A firm's
 * participation status reaches its chambers only with the research feature's consent `chamber_participation`.
 * Chambers never read answers, scores or reports of firms.
 */
@Module({
  controllers: [BrandingController, CampaignsController, FirmCampaignsController],
  providers: [ChamberBrandingService, CampaignsService, CampaignInvitationsService, CampaignProgressService],
  exports: [ChamberBrandingService],
})
export class ChambersModule {}
