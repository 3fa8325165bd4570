import { Global, Injectable, Module } from '@nestjs/common';
import { Registry } from 'prom-client';

/**
 * The Prometheus registry of one application instance (tests boot several in one process, so never the global one).
 * Features register their own metrics on it; the app serves it at /api/metrics or on the internal port.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();
}

@Global()
@Module({ providers: [MetricsRegistry], exports: [MetricsRegistry] })
export class MetricsModule {}
