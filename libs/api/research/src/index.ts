// Public face of the research feature.
export { ResearchModule } from './lib/research.module';
export { researchEntities } from './lib/entities';
export {
  ResearchRecordsService,
  type SubmissionForResearch,
  type RecordOutcome,
} from './lib/records/research-records.service';
export {
  ConsentService,
  type ConsentStatus,
  type ConsentTextView,
  type ConsentChange,
} from './lib/consent/consent.service';
export {
  CHAMBER_CONSENT_KINDS,
  CONSENT_KINDS,
  Consent,
  ConsentText,
  isChamberKind,
  type ConsentKind,
} from './lib/consent/consent.entity';
export { AggregatesService } from './lib/outputs/aggregates.service';
export {
  AggregateEngine,
  summariseWaveFromDb,
  summarisePanelFromDb,
  recordsOfWave,
  type CatalogueSource,
} from './lib/outputs/engine';
export { PseudonymService, PseudonymKeyMissingError, pseudonymWith } from './lib/records/pseudonym.service';
export { ResearchRecordRow } from './lib/records/research-record.entity';
export { ExportLog } from './lib/outputs/export-log.entity';
export {
  RESEARCH_MODULES,
  RESEARCH_MODULE_2026_1,
  researchModuleFor,
} from './lib/questionnaire/research-module.2026.1';
export { ResearchService, type PeerProfile } from './lib/outputs/research.service';
export { PEER_FIGURES, type PeerFigures } from './lib/outputs/peer-figures';
