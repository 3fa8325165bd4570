import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig, redact } from '@scs/api/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

/** Starts the API (and, by default, the job worker in the same process). Exits with one clear line on failure. */
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
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, abortOnError: false });
    configureApp(app, config);
    await app.listen(config.port, config.host);
    const url = await app.getUrl();
    console.log(`SCS Check (${config.role}) listening on ${url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost')}`);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const where = config.databaseUrl ? ` (database ${redact(config.databaseUrl)})` : '';
    console.error(`SCS Check failed to start${where}: ${err.code ? `${err.code} ` : ''}${err.message ?? String(e)}`);
    process.exit(1);
  }
}
