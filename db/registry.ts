import { resolveDatabaseConfig } from './config';
import { type DatabaseHandle, openDatabase } from './connection';

// One handle per process. Kept on globalThis because Next loads server modules into several
// bundles (instrumentation, routes, actions); two PGlite instances on one folder would corrupt it.
const slot = globalThis as unknown as { __mendDatabase?: Promise<DatabaseHandle> };

export function getDatabase(): Promise<DatabaseHandle> {
  slot.__mendDatabase ??= openDatabase(resolveDatabaseConfig());
  return slot.__mendDatabase;
}

/** Points the process at an already-open database (the server's bootstrap, or a test's own). */
export function setDatabase(handle: DatabaseHandle): void {
  slot.__mendDatabase = Promise.resolve(handle);
}

/** Closes this process's pool (at shutdown): queries in flight get 5 s to finish. */
export async function closeDatabase(): Promise<void> {
  const handle = await slot.__mendDatabase;
  await handle?.close();
}
