import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './connection';
import { rowsOf } from './rows';

const dialect = new PgDialect();

type PostgresJsClient = { unsafe: (query: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown[]> };
type DriverSession = { client?: Partial<PostgresJsClient>; logger?: { logQuery: (query: string, params: unknown[]) => void } };

/**
 * Runs one statement (inside the caller's transaction, or on its own) as a named prepared statement where the driver is
 * postgres.js: the connection parses it once and then binds and executes it in one round trip, and Postgres
 * may keep its plan (the roster's plan, with every row-level-security policy inlined, costs about as much to
 * make as to run). drizzle prepares only statements built with `.prepare(name)`, never `tx.execute(sql)`, so
 * this reaches its transaction's postgres.js client. The client's own `prepare: false` (set for PgBouncer in
 * transaction mode, docs/scaling.md) still wins over this request. Elsewhere (PGlite) it is `tx.execute`.
 * For statements whose text repeats (values as parameters, not inlined), or each text fills the connection's cache.
 */
export async function executePrepared<T = Record<string, unknown>>(tx: Tx | Db, query: SQL): Promise<T[]> {
  const session = (tx as unknown as { session?: DriverSession }).session;
  const client = session?.client;
  if (client && typeof client.unsafe === 'function') {
    const { sql: text, params } = dialect.sqlToQuery(query);
    // drizzle's query logger sees it as it sees its own statements.
    session?.logger?.logQuery(text, params);
    return (await client.unsafe(text, params, { prepare: true })) as T[];
  }
  return rowsOf<T>(await tx.execute(query));
}
