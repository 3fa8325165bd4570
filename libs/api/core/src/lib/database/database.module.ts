import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { EMBEDDED_POSTGRES_MAJOR, type EmbeddedPostgres, startEmbeddedPostgres } from './embedded';
import { postgresOptions } from './options';

export const DATABASE_URL = Symbol('DATABASE_URL');

interface DatabaseModuleOptions {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

// Advisory lock id held while migrations run ("SCS migrations"); any 64-bit constant unique to this application.
const MIGRATION_LOCK = 534350001;

/**
 * Runs pending migrations (each in its own transaction) while holding a PostgreSQL advisory lock, so that processes
 * starting at the same time migrate one after the other: the first applies them, the others find nothing pending.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

// Holds the embedded engine of this process (if any) so it can be stopped on shutdown.
const embedded: { current?: EmbeddedPostgres; url?: Promise<string> } = {};

async function resolveUrl(config: AppConfig): Promise<string> {
  if (config.databaseUrl) return config.databaseUrl;
  embedded.url ??= startEmbeddedPostgres(config.embeddedDbDir, { movableDefault: config.embeddedDbDirDefault }).then(
    (e) => {
      embedded.current = e;
      return e.url;
    },
  );
  return embedded.url;
}

/** The data folder of this process's embedded PostgreSQL (after start-up), if it runs one. */
export function embeddedDataDir(): string | undefined {
  return embedded.current?.dir;
}

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseModule.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => ({
            ...postgresOptions(
              await resolveUrl(config),
              options.entities as never,
              options.migrations as never,
              config.databasePoolSize,
            ),
            migrationsRun: false, // run below, under a lock
            retryAttempts: 1,
            retryDelay: 1000,
          }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('No database options');
            const dataSource = await new DataSource(dataSourceOptions).initialize();
            try {
              await runMigrationsLocked(dataSource);
            } catch (e) {
              await dataSource.destroy().catch(() => undefined);
              throw e;
            }
            return dataSource;
          },
        }),
      ],
      providers: [{ provide: DATABASE_URL, inject: [APP_CONFIG], useFactory: resolveUrl }],
      exports: [DATABASE_URL],
    };
  }

  onModuleInit(): void {
    this.logger.log(
      this.config.databaseUrl
        ? `Database engine: PostgreSQL server at ${redact(this.config.databaseUrl)}`
        : `Database engine: embedded PostgreSQL ${EMBEDDED_POSTGRES_MAJOR} (${embeddedDataDir() ?? this.config.embeddedDbDir})`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const current = embedded.current;
    if (current) {
      embedded.current = undefined;
      embedded.url = undefined;
      await current.stop();
    }
  }
}

/** host:port/db of a connection URL, without credentials. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(invalid url)';
  }
}
