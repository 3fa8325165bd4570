import { ChamberBrandingRecord, ChamberLogo } from './branding/chamber-branding.entity';
import { Campaign, CampaignFirm, CampaignInvitation, CampaignReminder } from './campaigns/campaign.entity';
import { ParticipationConsent } from './sharing/participation-consent.entity';

export const chambersEntities = [ChamberBrandingRecord, ChamberLogo, Campaign, CampaignInvitation, CampaignFirm, CampaignReminder, ParticipationConsent];
