import 'server-only';
import type { SQL } from 'drizzle-orm';
import { type Scope, type Tx, runScoped } from './connection';
import { withoutStatement } from './errors';
import { executePrepared } from './prepared';
import { getDatabase } from './registry';

export type { Tx, Scope, ScopeRole } from './connection';

/**
 * Every read and write of the application goes through here, by way of the named helpers in lib/access
 * (withActor, system-scope.ts): no other module may import this file (eslint.config.mjs). A database
 * error leaves it as a DatabaseError (class and SQLSTATE): whoever logs it, the action wrapper or
 * Next's own error logging for a page, can then never write the SQL or a bound value to the log.
 */
export async function scopedTransaction<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const handle = await getDatabase();
  try {
    return await runScoped(handle.app, scope, fn);
  } catch (error) {
    throw withoutStatement(error);
  }
}

/**
 * One statement on its own, outside any transaction: only for the SECURITY DEFINER functions that
 * scope themselves (the per-request session check). Everything else uses `scopedTransaction`.
 */
export async function selfScopedCall<T>(query: SQL): Promise<T[]> {
  const handle = await getDatabase();
  // The same text on every request: prepared once per connection (db/prepared.ts).
  return executePrepared<T>(handle.app, query);
}
