import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@scs/api/catalogue';
import { AccountsModule } from '@scs/api/accounts';
import { ResearchModule } from '@scs/api/research';
import { REPORT_DATA_SOURCE } from '@scs/api/reports';
import { AssessmentReportSource } from './report-source';
import { Assessment, AssessmentAnswer } from './assessment.entity';
import { AssessmentsController } from './assessments.controller';
import { AnswersService } from './answers/answers.service';
import { AssessmentsService } from './assessments.service';
import { ExportService } from './export.service';
import { Action } from './actions/action.entity';
import { ActionsController } from './actions/actions.controller';
import { ActionsService } from './actions/actions.service';
import { ChangeImpactController } from './change-impact/change-impact.controller';
import { ChangeImpactService } from './change-impact/change-impact.service';
import { ENTITY_STANDINGS, entityStandingsProvider } from './entity-standings';
import { FIRM_RESULTS, firmResultsProvider } from './firm-results';
import { assessmentCountsProvider } from './assessment-counts';

@Module({
  imports: [
    TypeOrmModule.forFeature([Assessment, AssessmentAnswer, Action]),
    CatalogueModule,
    AccountsModule,
    ResearchModule,
  ],
  controllers: [AssessmentsController, ActionsController, ChangeImpactController],
  providers: [
    AssessmentsService,
    AnswersService,
    ExportService,
    ActionsService,
    ChangeImpactService,
    { provide: REPORT_DATA_SOURCE, useClass: AssessmentReportSource },
    entityStandingsProvider,
    firmResultsProvider,
    assessmentCountsProvider,
  ],
  exports: [AssessmentsService, REPORT_DATA_SOURCE, ENTITY_STANDINGS, FIRM_RESULTS],
})
export class AssessmentsModule {}
