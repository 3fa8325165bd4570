import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AllExceptionsFilter, type AppConfig, ConfigModule, DatabaseModule, EventsModule, MetricsModule } from '@scs/api/core';
import { AccountsModule } from '@scs/api/accounts';
import { CatalogueModule } from '@scs/api/catalogue';
import { AssessmentsModule } from '@scs/api/assessments';
import { ReportsModule } from '@scs/api/reports';
import { ChambersModule } from '@scs/api/chambers';
import { ResearchModule } from '@scs/api/research';
import { entities } from './entities';
import { HealthController, HealthService } from './health.controller';
import { InternalServer } from './internal-server';
import { Metrics, MetricsController, MetricsInterceptor } from './metrics';
import { migrations } from '../migrations';

/** Feature modules of the API, in dependency order. Each feature lib exports its module here. */
const features: DynamicModule['imports'] = [AccountsModule, CatalogueModule, AssessmentsModule, ReportsModule, ResearchModule, ChambersModule];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req: IncomingMessage) => {
              const given = req.headers['x-request-id'];
              return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
            },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-xsrf-token"]', 'res.headers["set-cookie"]'],
            customProps: () => ({ service: 'scs-api' }),
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
            },
          },
        }),
        DatabaseModule.forRoot({ entities, migrations }),
        TerminusModule,
        MetricsModule,
        EventsModule,
        ...(features ?? []),
      ],
      controllers: [HealthController, MetricsController],
      providers: [Metrics, HealthService, InternalServer, { provide: APP_FILTER, useClass: AllExceptionsFilter }, { provide: APP_INTERCEPTOR, useClass: MetricsInterceptor }],
      exports: [Metrics, InternalServer],
    };
  }
}
