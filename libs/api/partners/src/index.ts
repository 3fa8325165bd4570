// Public face of the partners feature (issue 19: partner checks).
export { PartnersModule } from './lib/partners.module';
export { partnersEntities, Partner, PartnerCheck, PartnerEvidence, PartnerVerification } from './lib/partner.entity';
export { PartnersService } from './lib/partners.service';
export { PartnerRemindersService } from './lib/reminders.service';
export { inspectEvidence, EVIDENCE_MAX_BYTES } from './lib/evidence/evidence-file';
