import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

type EntityList = MixedList<string | (new (...args: never[]) => unknown) | EntitySchema>;
type MigrationList = MixedList<string | (new (...args: never[]) => unknown)>;

/** The one place that turns a URL into TypeORM options; used by Nest, the migration CLI and the tests. */
export function postgresOptions(
  url: string,
  entities: EntityList,
  migrations: MigrationList,
  poolSize = 10,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    uuidExtension: 'pgcrypto', // gen_random_uuid() is built into PostgreSQL >= 13 and PGlite
    installExtensions: false,
    synchronize: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 },
  };
}
