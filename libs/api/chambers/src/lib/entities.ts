import { ChamberBrandingRecord, ChamberLogo } from './branding/chamber-branding.entity';
import { Campaign, CampaignFirm, CampaignInvitation, CampaignReminder } from './campaigns/campaign.entity';

export const chambersEntities = [ChamberBrandingRecord, ChamberLogo, Campaign, CampaignInvitation, CampaignFirm, CampaignReminder];
