// Seeds the demo practices (idempotent; refuses a database that is not on this machine).
import { requireSupportedNode } from '../lib/runtime/node-version.mjs';
import { resolveDatabaseConfig } from '../db/config';
import { openDatabase } from '../db/connection';
import { printDemoLogins } from '../db/bootstrap';
import { migrateDatabase } from '../db/migrate';
import { seedDemo } from '../db/seed/demo';
import { printableError } from '../db/errors';

requireSupportedNode();

const config = resolveDatabaseConfig();
const handle = await openDatabase(config);
try {
  await migrateDatabase(handle);
  const created = await seedDemo(handle, config);
  console.log(created ? 'Demo practices created.' : 'Demo practices already present; nothing changed.');
  printDemoLogins();
} catch (error) {
  console.error(`Seeding failed: ${printableError(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
