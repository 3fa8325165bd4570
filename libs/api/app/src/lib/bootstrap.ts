import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { type AppConfig, ConfigError, DATABASE_URL, embeddedDataDir, loadConfig, redact } from '@scs/api/core';
import { ReportRenderer, type RenderingAvailability } from '@scs/api/reports';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { InternalServer } from './internal-server';

/**
 * The worker role: the same modules (queue workers, mail outbox, research aggregates) without the HTTP API; only the
 * internal listener (METRICS_PORT, default 9464) answers /health and /metrics. Shut down with app.close() (SIGTERM).
 */
export async function createWorker(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}

/** Starts the process in its role (ROLE or --role=: api, worker or all). Exits with one clear line on failure. */
/**
 * After SIGTERM/SIGINT, Nest's shutdown hooks drain requests, stop the queue and close the database; if anything
 * hangs (a wedged database, a stuck browser), the process still ends after SHUTDOWN_TIMEOUT_SECONDS.
 */
export function installShutdownDeadline(config: AppConfig): void {
  const arm = (signal: NodeJS.Signals) => {
    const timer = setTimeout(() => {
      console.error(
        `SCS Check: shutdown after ${signal} did not finish within ${config.shutdownTimeoutSeconds} s; exiting`,
      );
      process.exit(1);
    }, config.shutdownTimeoutSeconds * 1000);
    timer.unref();
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}

/** The closing lines of a start: where the app is, which database, whether PDFs work, how to create the first admin. */
export function startBanner(
  config: AppConfig,
  port: number,
  internalPort: number | undefined,
  pdf: RenderingAvailability,
  databaseUrl: string,
): string {
  const everywhere = config.host === '0.0.0.0' || config.host === '::';
  const local = `http://${everywhere || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;
  const lines = [
    `SCS Check is running (role ${config.role})`,
    `  Web app and API:  ${local}${everywhere ? ` (listening on ${config.host}:${port}, all network interfaces)` : ` (listening on ${config.host}:${port})`}`,
  ];
  if (config.publicUrl !== `http://localhost:${config.port}`) lines.push(`  Public URL:       ${config.publicUrl}`);
  lines.push(
    `  Database:         ${config.databaseUrl ? `PostgreSQL server at ${redact(config.databaseUrl)}` : `embedded PostgreSQL in ${config.embeddedDbDir === 'memory' ? 'a temporary folder' : (embeddedDataDir() ?? config.embeddedDbDir)} (${redact(databaseUrl)})`}`,
    `  PDF reports:      ${pdf.status === 'available' ? `available (Chromium ${pdf.chromium})` : pdf.status === 'worker' ? 'rendered by worker processes (ROLE=worker)' : `unavailable: ${pdf.reason}`}`,
  );
  if (internalPort) lines.push(`  Health, metrics:  http://${config.metricsHost}:${internalPort}`);
  lines.push(
    `  API docs:         ${local}/api/docs`,
    `  First platform admin: npm run admin -- create-admin --email you@example.com --name "Your Name"`,
  );
  return lines.join('\n');
}

export async function bootstrap(argv: string[] = process.argv.slice(2)): Promise<void> {
  let config;
  try {
    const roleArg = argv.find((a) => a.startsWith('--role='))?.slice('--role='.length);
    config = loadConfig(roleArg ? { ...process.env, ROLE: roleArg } : process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  installShutdownDeadline(config);
  try {
    if (config.role === 'worker') {
      const worker = await createWorker(config);
      console.log(
        `SCS Check (worker) running; health and metrics on http://${config.metricsHost}:${worker.get(InternalServer).port}`,
      );
      return;
    }
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
      bufferLogs: true,
      abortOnError: false,
    });
    configureApp(app, config);
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    // Let the buffered start-up logs reach the terminal first, so that the banner is the last thing printed.
    await new Promise((r) => setTimeout(r, 100));
    console.log(
      startBanner(
        config,
        port,
        app.get(InternalServer).port,
        app.get(ReportRenderer).availability(),
        app.get(DATABASE_URL),
      ),
    );
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const where = config.databaseUrl ? ` (database ${redact(config.databaseUrl)})` : '';
    console.error(`SCS Check failed to start${where}: ${err.code ? `${err.code} ` : ''}${err.message ?? String(e)}`);
    process.exit(1);
  }
}
