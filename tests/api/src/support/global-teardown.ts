import { adminQuery } from './database';

export default async function globalTeardown(): Promise<void> {
  const name = process.env['SCS_IT_DATABASE'];
  if (name) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
