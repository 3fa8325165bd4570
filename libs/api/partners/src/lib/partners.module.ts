import { Module } from '@nestjs/common';
import { DatabaseThrottlerStorage, QueueModule } from '@scs/api/core';
import { reportKinds, ReportsModule } from '@scs/api/reports';
import { PARTNER_LINK_THROTTLE_STORAGE, PartnerLinkThrottleGuard } from './link-throttle.guard';
import { PartnerLinkController, PartnerReceiptController } from './partner-link.controller';
import { PartnerLinkService } from './partner-link.service';
import { PartnersController } from './partners.controller';
import { PartnersService } from './partners.service';
import { PartnerQuestionnaires } from './questionnaire';
import { PartnerReceiptReport } from './receipt/partner-receipt.report';
import { PartnerRemindersService } from './reminders.service';

/** Partner checks (issue 19): a firm's business partners, login-free check links, evidence, receipts and reminders. */
@Module({
  imports: [QueueModule, ReportsModule], // AccountsModule is global (audit, mail)
  controllers: [PartnersController, PartnerLinkController, PartnerReceiptController],
  providers: [
    PartnerQuestionnaires,
    PartnersService,
    PartnerLinkService,
    PartnerRemindersService,
    PartnerLinkThrottleGuard,
    { provide: PARTNER_LINK_THROTTLE_STORAGE, useClass: DatabaseThrottlerStorage },
    ...reportKinds(PartnerReceiptReport),
  ],
  exports: [PartnersService, PartnerRemindersService],
})
export class PartnersModule {}
