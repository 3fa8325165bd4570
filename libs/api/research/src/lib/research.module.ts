import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@scs/api/catalogue';
import { ConsentController } from './consent/consent.controller';
import { ConsentService } from './consent/consent.service';
import { researchEntities } from './entities';
import { AggregatesService } from './outputs/aggregates.service';
import { ResearchController, FirmResearchController } from './outputs/research.controller';
import { PEER_FIGURES, peerFiguresProvider } from './outputs/peer-figures';
import { researchExportLogProvider } from './outputs/export-log-source';
import { ResearchService } from './outputs/research.service';
import { PseudonymService } from './records/pseudonym.service';
import { ResearchRecordsService } from './records/research-records.service';

/**
 * Consent, anonymised research records (schema `research`) and the disclosure-controlled outputs built from them.
 * Other features use ResearchRecordsService.recordSubmission (assessments, on submit), ConsentService and the
 * PEER_FIGURES contract (the firm report's peer comparison).
 */
@Module({
  imports: [TypeOrmModule.forFeature(researchEntities), CatalogueModule],
  controllers: [ConsentController, ResearchController, FirmResearchController],
  providers: [
    PseudonymService,
    ResearchRecordsService,
    AggregatesService,
    ConsentService,
    ResearchService,
    peerFiguresProvider,
    researchExportLogProvider,
  ],
  exports: [ResearchRecordsService, ConsentService, AggregatesService, ResearchService, PEER_FIGURES],
})
export class ResearchModule {}
