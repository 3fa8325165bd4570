import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig, Public } from '@scs/api/core';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and database reachability (503 when the database is down)' })
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
