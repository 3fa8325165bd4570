import { Module } from '@nestjs/common';
import { AssessmentsModule } from '@scs/api/assessments';
import { CatalogueModule } from '@scs/api/catalogue';
import { QueueModule } from '@scs/api/core';
import { ReportsModule, reportKinds } from '@scs/api/reports';
import { ResearchModule } from '@scs/api/research';
import { MemberAggregatesService } from './aggregates/member-aggregates.service';
import { BenchmarkService } from './benchmark/benchmark.service';
import { MemberBenchmarkReport } from './benchmark/member-benchmark.report';
import { ChamberReportsController } from './benchmark/chamber-reports.controller';
import { BrandingController } from './branding/branding.controller';
import { ChamberBrandingService } from './branding/branding.service';
import { CampaignInvitationsService } from './campaigns/campaign-invitations.service';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { FirmCampaignsController } from './campaigns/firm-campaigns.controller';
import { CampaignProgressService } from './campaigns/progress.service';
import { DistributionController } from './distribution/distribution.controller';
import { DistributionService } from './distribution/distribution.service';
import { PreparedFirmReport } from './distribution/prepared-firm.report';

/**
 * Chambers: branding, campaigns (invitations through the accounts feature's links), progress and reminders, member
 * aggregates (disclosure-controlled), the member benchmark report and batch distribution of branded firm reports
 * (two report kinds of the reports feature). Chamber branding appears only on reports the chamber distributed, never on
 * a firm's own report. A firm's participation status reaches its chambers only with the research
 * feature's consent `chamber_participation`, its results only in aggregates with the consent `chamber`.
 * Chambers never read answers, scores or reports of single firms. Chambers run SQL on their own tables only: people,
 * organisations and chamber links come from accounts (DirectoryService, ChamberLinksService, MailService), consents
 * from research (ConsentService), firms' assessment dates and member results from assessments (FIRM_RESULTS).
 */
@Module({
  imports: [AssessmentsModule, CatalogueModule, QueueModule, ReportsModule, ResearchModule],
  controllers: [
    BrandingController,
    CampaignsController,
    FirmCampaignsController,
    ChamberReportsController,
    DistributionController,
  ],
  providers: [
    ChamberBrandingService,
    CampaignsService,
    CampaignInvitationsService,
    CampaignProgressService,
    MemberAggregatesService,
    BenchmarkService,
    DistributionService,
    ...reportKinds(MemberBenchmarkReport, PreparedFirmReport),
  ],
  exports: [ChamberBrandingService],
})
export class ChambersModule {}
