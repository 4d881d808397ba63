// Applies the committed migrations to DATABASE_URL (as its owner), or to the embedded database
// when DATABASE_URL is unset (only while the dev server is stopped: PGlite has no lock).
import { requireSupportedNode } from '../lib/runtime/node-version.mjs';
import { resolveDatabaseConfig } from '../db/config';
import { describeConnectionError, openDatabase } from '../db/connection';
import { migrateDatabase } from '../db/migrate';
import { checkAccessWalls } from '../db/self-check';
import { printableError } from '../db/errors';

requireSupportedNode();

const config = resolveDatabaseConfig();
const handle = await openDatabase(config);
try {
  await migrateDatabase(handle);
  const problems = await checkAccessWalls(handle);
  if (problems.length) throw new Error(`access wall check failed: ${problems.join(' ')}`);
  console.log('Migrations applied; the access wall check passed.');
} catch (error) {
  const code = (error as { code?: string }).code;
  console.error(code ? describeConnectionError(error, 'DATABASE_URL') : `Migration failed: ${printableError(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
