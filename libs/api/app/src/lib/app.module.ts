import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AllExceptionsFilter, type AppConfig, ConfigModule, DatabaseModule, MetricsModule } from '@scs/api/core';
import { AccountsModule } from '@scs/api/accounts';
import { CatalogueModule } from '@scs/api/catalogue';
import { AssessmentsModule } from '@scs/api/assessments';
import { ReportsModule } from '@scs/api/reports';
import { ChambersModule } from '@scs/api/chambers';
import { ResearchModule } from '@scs/api/research';
import { PortfolioModule } from '@scs/api/portfolio';
import { PartnersModule } from '@scs/api/partners';
import { entities } from './entities';
import { HealthController, HealthService } from './health.controller';
import { InternalServer } from './internal-server';
import { loggerParams } from './logging';
import { Metrics, MetricsController } from './metrics';
import { migrations } from '../migrations';

/** Feature modules of the API, in dependency order. Each feature lib exports its module here. */
const features: DynamicModule['imports'] = [
  AccountsModule,
  CatalogueModule,
  AssessmentsModule,
  ReportsModule,
  ResearchModule,
  ChambersModule,
  PortfolioModule,
  PartnersModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseModule.forRoot({ entities, migrations }),
        TerminusModule,
        MetricsModule,
        ...(features ?? []),
      ],
      controllers: [HealthController, MetricsController],
      providers: [Metrics, HealthService, InternalServer, { provide: APP_FILTER, useClass: AllExceptionsFilter }],
      exports: [Metrics, InternalServer],
    };
  }
}
