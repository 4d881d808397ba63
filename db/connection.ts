import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { APP_ROLE, type DatabaseConfig, DatabaseConfigError } from './config';
import { printableError } from './errors';
import { executePrepared, pipelinesInOrder, preparingClient } from './prepared';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DatabaseHandle = {
  kind: DatabaseConfig['kind'];
  /** The application's connection. Use only through `scopedTransaction`. */
  app: Db;
  /** Owner connection, for migrations, the seed, the self-check and tests. */
  owner: () => Promise<Db>;
  close: () => Promise<void>;
  /** The embedded database's one client, for libraries that take it directly (the job queue). */
  pglite?: import('@electric-sql/pglite').PGlite;
  /** Where it points, for the job queue's own connection pool on a Postgres server. */
  config: DatabaseConfig;
};

/** Turns driver errors at connect time into one sentence a person can act on. */
export function describeConnectionError(outer: unknown, what: string): string {
  // drizzle wraps the driver's error ("Failed query: …") with the real one as its cause.
  const error = (outer as { cause?: unknown })?.cause ?? outer;
  const code = (error as { code?: string })?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED') return `Cannot reach the Postgres server in ${what}: connection refused. Is it running?`;
  if (code === 'ENOTFOUND') return `Cannot reach the Postgres server in ${what}: its host name does not resolve.`;
  if (code === '28P01' || code === '28000')
    return `Postgres refused the login in ${what} (${message}); run \`npm run db:migrate\` first, which creates the mend_app role.`;
  if (code === '3D000') return `The database in ${what} does not exist (${message}).`;
  return `Could not open the database in ${what}: ${printableError(error)}`;
}

/**
 * The app's pool. Short connect timeout: a server that is down or restarting fails a request in seconds (the
 * form then retries with its idempotency key) instead of holding it for the driver's default 30 s. Idle
 * connections close after 20 s and every connection is replaced after 10–15 minutes (spread so they do not all
 * reconnect at once), so nothing lives long on a server or pooler that has restarted. The driver itself is
 * patched (patches/postgres+3.4.9.patch) so that a connection that died mid-transaction can never stall its
 * next start-up. JIT is off for the app's role (migration 0007): it costs more than it saves on Mend's queries.
 * Behind PgBouncer in transaction mode, add `?prepare=false` to APP_DATABASE_URL (docs/scaling.md).
 */
export const APP_POOL = {
  max: Number(process.env.APP_DATABASE_POOL_SIZE ?? 10) || 10,
  connect_timeout: 5,
  idle_timeout: 20,
  // The driver accepts a function here (its own default is one) and calls it per connection; its types say number.
  max_lifetime: (() => 600 + Math.random() * 300) as unknown as number,
  // Reconnect delay in seconds. The driver's default grows with every failed attempt across the whole pool
  // (up to 10 s and more after an outage), which kept a restarted server unused for seconds: cap it at 1 s.
  backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1) * (0.5 + Math.random() / 2),
};

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    if (config.dataDir) {
      const fs = await import('node:fs');
      fs.mkdirSync(config.dataDir, { recursive: true });
    }
    const client = config.dataDir ? new PGlite(config.dataDir) : new PGlite();
    await client.waitReady;
    // PGlite has one connection and it is a superuser; scoped transactions switch to the
    // application role with SET LOCAL ROLE so row-level security applies exactly as on a server.
    const db = drizzle({ client, schema }) as unknown as Db;
    return { kind: 'pglite', app: db, owner: async () => db, close: () => client.close(), pglite: client, config };
  }

  const postgres = (await import('postgres')).default;
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const quiet = { onnotice: () => {} };
  const appClient = postgres(config.appUrl, { ...APP_POOL, ...quiet });
  let ownerClient: ReturnType<typeof postgres> | null = null;
  let ownerDb: Db | null = null;
  return {
    kind: 'postgres',
    config,
    app: drizzle({ client: preparingClient(appClient), schema }) as unknown as Db,
    owner: async () => {
      if (!ownerDb) {
        ownerClient = postgres(config.ownerUrl, { max: 3, idle_timeout: 10, connect_timeout: APP_POOL.connect_timeout, ...quiet });
        ownerDb = drizzle({ client: ownerClient, schema }) as unknown as Db;
      }
      return ownerDb;
    },
    close: async () => {
      await appClient.end({ timeout: 5 });
      if (ownerClient) await (ownerClient as ReturnType<typeof postgres>).end({ timeout: 5 });
    },
  };
}

/** Whose transaction this is; row-level security reads it (db/migrations 0001, 0003, 0005). */
export type ScopeRole = 'client' | 'therapist' | 'admin' | 'system';

export type Scope = {
  practiceId?: string | null;
  userId?: string | null;
  loginEmail?: string | null;
  /** The actor's role, or 'system' for named system work. Unset: no clinical row is visible. */
  role?: ScopeRole | null;
  /** The actor's membership: its care team opens clinical rows to therapists and admins. */
  membershipId?: string | null;
  /** A client's own record: the only clinical rows a client's transaction sees. */
  clientId?: string | null;
};

/**
 * The one scoped transaction: the application role, the tenant and the actor are set for this
 * transaction only (`is_local = true`), so a pooled connection never carries one request's
 * practice or person into another.
 */
export async function runScoped<T>(db: Db, scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // The same text on every transaction: prepared once per connection, then one round trip (db/prepared.ts).
    const scoped = executePrepared(
      tx,
      sql`select set_config('role', ${APP_ROLE}, true),
                 set_config('app.practice_id', ${scope.practiceId ?? ''}, true),
                 set_config('app.user_id', ${scope.userId ?? ''}, true),
                 set_config('app.login_email', ${scope.loginEmail ?? ''}, true),
                 set_config('app.role', ${scope.role ?? ''}, true),
                 set_config('app.membership_id', ${scope.membershipId ?? ''}, true),
                 set_config('app.client_id', ${scope.clientId ?? ''}, true)`,
    );
    if (!pipelinesInOrder(tx)) {
      await scoped;
      return fn(tx);
    }
    // On postgres.js the settings are already queued ahead of `fn`'s first statement on the transaction's one
    // connection, so `fn` starts without waiting a round trip for them: Postgres runs them first all the same.
    // If they fail, the transaction is aborted and every later statement fails with it (nothing runs unscoped;
    // the app's login is the app role itself, so an unscoped statement would see no row either).
    const [, result] = await Promise.all([scoped, fn(tx)]);
    return result;
  });
}

export { DatabaseConfigError };
