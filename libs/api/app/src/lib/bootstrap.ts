import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { type AppConfig, ConfigError, loadConfig, redact } from '@scs/api/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { InternalServer } from './internal-server';

/**
 * The worker role: the same modules (queue workers, mail outbox, research aggregates) without the HTTP API; only the
 * internal listener (METRICS_PORT, default 9464) answers /health and /metrics. Shut down with app.close() (SIGTERM).
 */
export async function createWorker(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}

/** Starts the process in its role (ROLE or --role=: api, worker or all). Exits with one clear line on failure. */
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
  try {
    if (config.role === 'worker') {
      const worker = await createWorker(config);
      console.log(`SCS Check (worker) running; health and metrics on http://${config.metricsHost}:${worker.get(InternalServer).port}`);
      return;
    }
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, abortOnError: false });
    configureApp(app, config);
    await app.listen(config.port, config.host);
    const url = await app.getUrl();
    const internal = app.get(InternalServer).port;
    console.log(
      `SCS Check (${config.role}) listening on ${url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost')}` +
        (internal ? `; health and metrics also on http://${config.metricsHost}:${internal}` : ''),
    );
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const where = config.databaseUrl ? ` (database ${redact(config.databaseUrl)})` : '';
    console.error(`SCS Check failed to start${where}: ${err.code ? `${err.code} ` : ''}${err.message ?? String(e)}`);
    process.exit(1);
  }
}
