import { Controller, Get, Inject, Injectable } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig, Public } from '@scs/api/core';
import { ReportRenderer } from '@scs/api/reports';

/** Liveness plus a database ping; throws a 503 ServiceUnavailableException while the database is unreachable. */
@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ReportRenderer) private readonly renderer: ReportRenderer,
  ) {}

  /** The database decides the status; PDF rendering is reported beside it (`pdf`) and never makes the app unhealthy. */
  async check(): Promise<HealthCheckResult & { pdf: { status: string; reason?: string } }> {
    const availability = this.renderer.availability();
    const pdf =
      availability.status === 'unavailable'
        ? { status: 'unavailable', reason: availability.reason }
        : { status: availability.status };
    return { ...(await this.database()), pdf };
  }

  private database(): Promise<HealthCheckResult> {
    const engine = this.config.databaseUrl ? 'postgresql' : 'embedded-postgresql';
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
