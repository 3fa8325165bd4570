import { ChamberBrandingRecord, ChamberLogo } from './branding/chamber-branding.entity';
import { Campaign, CampaignFirm, CampaignInvitation, CampaignReminder } from './campaigns/campaign.entity';
import { ReportDistribution, ReportDistributionItem } from './distribution/distribution.entity';

export const chambersEntities = [
  ChamberBrandingRecord,
  ChamberLogo,
  Campaign,
  CampaignInvitation,
  CampaignFirm,
  CampaignReminder,
  ReportDistribution,
  ReportDistributionItem,
];
