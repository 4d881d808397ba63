import { resolveDatabaseConfig, type DatabaseConfig } from '../../db/config';
import { type DatabaseHandle, openDatabase } from '../../db/connection';
import { migrateDatabase } from '../../db/migrate';
import { setDatabase } from '../../db/registry';

/** TEST_DATABASE_URL (the owner's URL) when given, else an in-memory PGlite per test file. */
export function testDatabaseConfig(): DatabaseConfig {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (url) return resolveDatabaseConfig({ DATABASE_URL: url, APP_DATABASE_URL: process.env.TEST_APP_DATABASE_URL });
  return { kind: 'pglite', dataDir: null };
}

let current: DatabaseHandle | null = null;

export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (current) return current;
  const config = testDatabaseConfig();
  const handle = await openDatabase(config);
  if (config.kind === 'pglite') await migrateDatabase(handle);
  setDatabase(handle);
  current = handle;
  return handle;
}

export async function closeTestDatabase(): Promise<void> {
  await current?.close();
  current = null;
}
