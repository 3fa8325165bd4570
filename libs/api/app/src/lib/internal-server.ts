import {
  HttpException,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_CONFIG, type AppConfig } from '@scs/api/core';
import { HealthService } from './health.controller';
import { hasMetricsToken, Metrics } from './metrics';

/**
 * The internal listener (METRICS_PORT, bound to METRICS_HOST): GET /health and GET /metrics for probes and
 * Prometheus, nothing else. The worker role serves only this; API processes start it when METRICS_PORT is set.
 */
@Injectable()
export class InternalServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InternalServer.name);
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly health: HealthService,
    private readonly metrics: Metrics,
  ) {}

  /** The bound port (METRICS_PORT=0 picks a free one), or undefined when not listening. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.metricsPort;
    if (port === undefined) return;
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.metricsHost, () => resolve());
    });
    server.on('error', (e) => this.logger.error(`Internal listener: ${e.message}`));
    this.server = server;
    this.logger.log(`Health and metrics on http://${this.config.metricsHost}:${this.port} (/health, /metrics)`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const json = (status: number, body: unknown) =>
      send(status, 'application/json; charset=utf-8', JSON.stringify(body));
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return json(405, { statusCode: 405, message: 'Only GET and HEAD' });
    try {
      if (path === '/health') return json(200, await this.health.check());
      if (path === '/metrics') {
        const token = this.config.metricsToken;
        if (token && !hasMetricsToken(req.headers.authorization, token))
          return json(403, { statusCode: 403, message: 'Metrics need the METRICS_TOKEN bearer token' });
        return send(200, this.metrics.registry.contentType, await this.metrics.registry.metrics());
      }
      return json(404, { statusCode: 404, message: 'The internal port serves /health and /metrics only' });
    } catch (e) {
      if (e instanceof HttpException) return json(e.getStatus(), e.getResponse());
      this.logger.error(`Internal listener ${path}: ${(e as Error).message}`);
      return json(500, { statusCode: 500, message: 'Internal error' });
    }
  }
}
