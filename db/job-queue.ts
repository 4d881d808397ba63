import { sql } from 'drizzle-orm';
import type { ConstructorOptions } from 'pg-boss';
import { APP_ROLE } from './config';
import type { DatabaseHandle } from './connection';
import { getDatabase } from './registry';

/** pg-boss keeps its jobs in this schema, beside the application's tables. */
export const JOB_SCHEMA = 'pgboss';

/**
 * How pg-boss reaches this database. On a server it opens its own small pool, as `mend_app` for the
 * running app (which owns nothing) or as the owner for installing its schema. On the embedded
 * database it shares the one PGlite client: pg-boss supports PGlite as a backend, so the same job
 * code runs in both.
 */
export async function jobQueueConnection(handle: DatabaseHandle, as: 'app' | 'owner'): Promise<ConstructorOptions> {
  if (handle.kind === 'pglite') {
    const { fromPglite } = await import('pg-boss');
    return { db: fromPglite(handle.pglite!), backend: 'pglite', schema: JOB_SCHEMA };
  }
  const config = handle.config;
  if (config.kind !== 'postgres') throw new Error('unreachable');
  return { connectionString: as === 'owner' ? config.ownerUrl : config.appUrl, max: 4, schema: JOB_SCHEMA };
}

/** The running app's queue connection, on this process's database. */
export async function appJobQueueConnection(): Promise<ConstructorOptions> {
  return jobQueueConnection(await getDatabase(), 'app');
}

/**
 * Installs or upgrades pg-boss's schema as the owner (part of `db:migrate`), then lets `mend_app` use
 * it. The job tables hold only ids and kinds (never clinical text), so they need no tenant policy.
 */
export async function installJobQueue(handle: DatabaseHandle): Promise<void> {
  const { PgBoss } = await import('pg-boss');
  const boss = new PgBoss({ ...(await jobQueueConnection(handle, 'owner')), supervise: false, schedule: false, migrate: true });
  boss.on('error', () => {});
  await boss.start();
  await boss.stop({ graceful: false, close: true });
  if (handle.kind !== 'postgres') return;
  const owner = await handle.owner();
  for (const statement of [
    `GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${APP_ROLE}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${APP_ROLE}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO ${APP_ROLE}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} TO ${APP_ROLE}`,
  ]) {
    await owner.execute(sql.raw(statement));
  }
}
