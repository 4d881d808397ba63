import 'server-only';
import { type Scope, type Tx, runScoped } from './connection';
import { getDatabase } from './registry';

export type { Tx, Scope } from './connection';

/** Every read and write of the application goes through here. */
export async function scopedTransaction<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const handle = await getDatabase();
  return runScoped(handle.app, scope, fn);
}
