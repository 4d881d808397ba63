import 'server-only';
import { type Scope, type Tx, runScoped } from './connection';
import { getDatabase } from './registry';

export type { Tx, Scope, ScopeRole } from './connection';

/**
 * Every read and write of the application goes through here, by way of the named helpers in lib/access
 * (withActor, system-scope.ts): no other module may import this file (eslint.config.mjs).
 */
export async function scopedTransaction<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const handle = await getDatabase();
  return runScoped(handle.app, scope, fn);
}
