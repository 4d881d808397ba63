import { openDatabase } from '../../db/connection';
import { migrateDatabase } from '../../db/migrate';
import { testDatabaseConfig } from './database';

/** Against a Postgres server, migrate once before the workers start; PGlite workers migrate their own. */
export default async function setup() {
  const config = testDatabaseConfig();
  if (config.kind !== 'postgres') return;
  const handle = await openDatabase(config);
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
}
