import path from 'node:path';
import { sql } from 'drizzle-orm';
import { APP_ROLE } from './config';
import type { DatabaseHandle } from './connection';
import { installJobQueue } from './job-queue';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/** Applies the committed drizzle-kit migrations and the job queue's schema as the owner. Idempotent. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const owner = await handle.owner();
  if (handle.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(owner as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(owner as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
  const password = process.env.APP_DATABASE_PASSWORD;
  if (handle.kind === 'postgres' && password) {
    // Role passwords cannot be bound as parameters; quote it as a literal.
    const literal = `'${password.replaceAll("'", "''")}'`;
    await owner.execute(sql.raw(`ALTER ROLE ${APP_ROLE} PASSWORD ${literal}`));
  }
  await installJobQueue(handle);
}
