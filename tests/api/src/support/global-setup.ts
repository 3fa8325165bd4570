import { adminQuery, TEST_DATABASE_URL, withDatabase } from './database';

// One isolated database per run, so parallel runs and leftovers never interfere.
export default async function globalSetup(): Promise<void> {
  const name = `scs_it_${Date.now()}_${process.pid}`;
  try {
    await adminQuery(`CREATE DATABASE "${name}"`);
  } catch (e) {
    throw new Error(
      `Integration tests need PostgreSQL at ${TEST_DATABASE_URL} (set TEST_DATABASE_URL): ${(e as Error).message}`,
    );
  }
  process.env['SCS_IT_DATABASE'] = name;
  process.env['SCS_IT_DATABASE_URL'] = withDatabase(TEST_DATABASE_URL, name);
}
