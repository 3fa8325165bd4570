import { Controller, Get, Header, Inject, Injectable, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, type Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, MetricsRegistry, Public, type AppConfig, ForbiddenError, NotFoundError } from '@scs/api/core';

/** HTTP, pool and process metrics on the application's registry (queue and report metrics register themselves). */
@Injectable()
export class Metrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly errors: Counter<'route'>;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(MetricsRegistry) shared: MetricsRegistry) {
    this.registry = shared.registry;
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: 'http_server_errors_total',
      help: '5xx responses',
      labelNames: ['route'],
      registers: [this.registry],
    });
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL pool of this process: max (size), total (open), idle, waiting (requests queued for a connection)',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const pool = (
          dataSource.driver as unknown as {
            master?: { totalCount: number; idleCount: number; waitingCount: number; options?: { max?: number } };
          }
        ).master;
        if (!pool) return;
        if (pool.options?.max) this.set({ state: 'max' }, pool.options.max);
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }
}

/**
 * Records every request that reached a route (duration from arrival to the response's end, final status) when its
 * response finishes. A hook on the response instead of a Nest interceptor: with no global interceptor Nest runs a
 * handler without an rxjs pipeline (about 5 % of an autosave's CPU in the profile, docs/performance.md). Requests no
 * route matched (static files, 404) are not recorded, as before.
 */
export function httpMetricsMiddleware(metrics: Metrics) {
  return (req: Request, res: Response, next: () => void): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const path = (req.route as { path?: string } | undefined)?.path;
      if (path === undefined) return;
      const route = `${req.baseUrl ?? ''}${path}`;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      if (res.statusCode >= 500) metrics.errors.inc({ route });
    });
    next();
  };
}

/** True when `authorization` carries the METRICS_TOKEN bearer token (constant-time comparison). */
export function hasMetricsToken(authorization: string | undefined, token: string): boolean {
  const given = Buffer.from(authorization?.replace(/^Bearer /, '') ?? '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * Prometheus metrics on the public port. With METRICS_PORT set they are served only on that internal port (404 here);
 * otherwise METRICS_TOKEN, when set, must be sent as a Bearer token, and without it only loopback callers get them.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() req: Request): Promise<string> {
    this.authorise(req);
    req.res?.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }

  private authorise(req: Request): void {
    if (this.config.metricsPort !== undefined) throw new NotFoundError('errors.metrics.internalPort');
    const token = this.config.metricsToken;
    if (token) {
      if (!hasMetricsToken(req.headers.authorization, token)) throw new ForbiddenError('errors.metrics.token');
      return;
    }
    const ip = req.socket.remoteAddress ?? '';
    if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(ip)) throw new ForbiddenError('errors.metrics.localOnly');
  }
}
