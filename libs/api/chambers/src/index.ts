// Public face of the chambers feature: the module, the branding the reports feature puts on firm reports, entities.
export { ChambersModule } from './lib/chambers.module';
export { chambersEntities } from './lib/entities';
export { ChamberBrandingService, toReportBranding, type ChamberBranding } from './lib/branding/branding.service';
export type { ReportLanguage, LogoType } from './lib/branding/chamber-branding.entity';
export { INVITE_LIMIT } from './lib/campaigns/address-list';
export { MemberAggregatesService } from './lib/aggregates/member-aggregates.service';
export {
  memberTables,
  type MemberResult,
  type MemberTables,
  type MemberVocabulary,
} from './lib/aggregates/member-tables';
