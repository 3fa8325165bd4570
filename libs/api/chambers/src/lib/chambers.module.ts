import { Module } from '@nestjs/common';
import { BrandingController } from './branding/branding.controller';
import { ChamberBrandingService } from './branding/branding.service';
import { CampaignInvitationsService } from './campaigns/campaign-invitations.service';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { CampaignProgressService } from './campaigns/progress.service';
import { SharingController } from './sharing/sharing.controller';
import { SharingService } from './sharing/sharing.service';

/**
 * Chambers: branding, campaigns (invitations through the accounts feature's links), progress and reminders, and the
 * firm's consent to share its participation status. Chambers never read answers, scores or reports of firms.
 */
@Module({
  controllers: [BrandingController, CampaignsController, SharingController],
  providers: [ChamberBrandingService, CampaignsService, CampaignInvitationsService, CampaignProgressService, SharingService],
  exports: [ChamberBrandingService],
})
export class ChambersModule {}
