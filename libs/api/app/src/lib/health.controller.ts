import { Controller, Get, Inject, Injectable } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig, Public } from '@scs/api/core';

/** Liveness plus a database ping; throws a 503 ServiceUnavailableException while the database is unreachable. */
@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  check(): Promise<HealthCheckResult> {
    const engine = this.config.databaseUrl ? 'postgresql' : 'embedded-pglite';
    return this.health.check([
      async () => {
        const result = await this.db.pingCheck('database', { timeout: 1500 });
        return { database: { ...result['database'], status: result['database']?.status ?? 'down', engine } };
      },
    ]);
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and database reachability (503 when the database is down)' })
  check(): Promise<HealthCheckResult> {
    return this.health.check();
  }
}
