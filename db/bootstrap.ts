import { sql } from 'drizzle-orm';
import { demoModeEnabled, resolveDatabaseConfig, DatabaseConfigError } from './config';
import { describeConnectionError, openDatabase, type DatabaseHandle } from './connection';
import { migrateDatabase } from './migrate';
import { checkAccessWalls } from './self-check';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from './seed/demo';

export class StartupError extends Error {}

/**
 * Run once when the server starts. The embedded database is migrated and seeded here, inside the
 * server process, because PGlite has no lock and a second process would corrupt its folder.
 * A Postgres server is expected to be migrated with `npm run db:migrate` beforehand.
 */
export async function bootstrapDatabase(register: (handle: DatabaseHandle) => void): Promise<void> {
  let config;
  try {
    config = resolveDatabaseConfig();
  } catch (error) {
    if (error instanceof DatabaseConfigError) throw new StartupError(error.message);
    throw error;
  }
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase(config);
    await handle.app.execute(sql`select 1`);
  } catch (error) {
    const where =
      config.kind === 'pglite'
        ? `the embedded database folder (${config.dataDir ?? 'memory'})`
        : process.env.APP_DATABASE_URL
          ? 'APP_DATABASE_URL'
          : 'DATABASE_URL (connecting as mend_app)';
    throw new StartupError(describeConnectionError(error, where));
  }
  register(handle);

  // Demo accounts share a published password: seeded only in a demo (development, or MEND_DEMO=1).
  const demo = config.kind === 'pglite' && demoModeEnabled();
  if (config.kind === 'pglite') {
    await migrateDatabase(handle);
    if (demo) {
      const seeded = await seedDemo(handle, config);
      if (seeded) console.log('Mend: created the demo practices in the embedded database.');
    }
  }
  const problems = await checkAccessWalls(handle).catch((error: unknown) => [
    `The database is not ready (${(error as { code?: string }).code ?? 'error'}). Run \`npm run db:migrate\` first.`,
  ]);
  if (problems.length) throw new StartupError(`The database's access wall check failed: ${problems.join(' ')}`);
  if (demo) printDemoLogins();
}

export function printDemoLogins(): void {
  const lines = DEMO_LOGINS.map((l) => `  ${l.role.padEnd(10)} ${l.email.padEnd(40)} ${l.practice}`);
  console.log(['', 'Mend demo logins (password: ' + DEMO_PASSWORD + '):', ...lines, ''].join('\n'));
}
