import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Db } from '../../db/connection';
import { setDatabase } from '../../db/registry';
import * as schema from '../../db/schema';
import { openTestDatabase } from './database';

/**
 * The SQL statements the app's connection sends while `fn` runs (transaction control is the driver's and not
 * logged; the transaction's own settings are). The app's handle is swapped for one with a query logger and
 * put back afterwards, so only `fn`'s statements are counted.
 */
export async function statementsOf<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const handle = await openTestDatabase();
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const client = (handle.app as unknown as { $client: never }).$client;
  const counted =
    handle.kind === 'pglite'
      ? (drizzlePglite({ client, schema, logger }) as unknown as Db)
      : (drizzlePostgres({ client, schema, logger }) as unknown as Db);
  setDatabase({ ...handle, app: counted });
  try {
    return { result: await fn(), statements };
  } finally {
    setDatabase(handle);
  }
}

/**
 * What `fn` costs as the page benchmark counts it (tests/bench/statement-counter.ts): every statement the app's
 * connection sends, plus each transaction's BEGIN and COMMIT, which the driver sends without logging them. Each
 * scoped transaction begins with its `set_config` of the scope, which is how its transactions are told apart.
 */
export async function costOf<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number; transactions: number; writes: number }> {
  const { result, statements } = await statementsOf(fn);
  const transactions = statements.filter((s) => /^\s*select set_config\('role'/.test(s)).length;
  const writes = statements.filter((s) => /^\s*(insert|update|delete)\b/i.test(s)).length;
  return { result, statements: statements.length + 2 * transactions, transactions, writes };
}
