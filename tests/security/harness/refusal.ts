import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, type Scope, runScoped } from '../../../db/connection';
import { type TableInfo, rowsOf } from './snapshot';

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/**
 * Whether an error is Postgres refusing the write for access reasons: SQLSTATE 42501 (a policy's
 * WITH CHECK, or no grant at all) or the row-level-security wording. Any other error (a duplicate
 * key, a foreign key, a bad value) is not a refusal: it would hide a policy that let the row through.
 */
export function isAccessRefusal(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    const message = e instanceof Error ? e.message : String((e as { message?: unknown }).message ?? '');
    if (code === '42501' || /violates row-level security policy/.test(message)) return true;
  }
  return false;
}

/** The SQLSTATE (or message) of an error that was not a refusal, for the probe's report. */
export function describeError(error: unknown): string {
  const inner = (error as { cause?: unknown })?.cause ?? error;
  const code = (inner as { code?: unknown })?.code;
  return code ? `SQLSTATE ${String(code)}` : inner instanceof Error ? inner.message.slice(0, 80) : String(inner);
}

export type WriteOutcome = { kind: 'refused' } | { kind: 'rows'; n: number } | { kind: 'error'; detail: string };

/** Runs a write probe; a refusal and zero rows are both fine, anything else is reported by the caller. */
export async function attemptWrite(run: () => Promise<number>): Promise<WriteOutcome> {
  try {
    return { kind: 'rows', n: await run() };
  } catch (error) {
    return isAccessRefusal(error) ? { kind: 'refused' } : { kind: 'error', detail: describeError(error) };
  }
}

/**
 * One of practice A's rows of a table (read on the owner connection) with a new id and fresh unique
 * values: what an attacker would try to add. Taken before any write probe, which a broken policy
 * could let delete the original (and, by cascade, its dependants).
 */
export async function copyOfARow(owner: Db, table: TableInfo, practiceId: string, which: SQL = sql`true`): Promise<Record<string, unknown>> {
  const rows = await owner.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.practice_id', ${practiceId}, true)`);
    return rowsOf<{ j: Record<string, unknown> }>(
      await tx.execute(sql`select row_to_json(x) as j from ${ident(table.name)} x where x.practice_id = ${practiceId}::uuid and ${which} limit 1`),
    );
  });
  const row = rows[0]?.j;
  if (!row) throw new Error(`${table.name} has no row of practice A: add one in tests/security/harness/fixtures.ts`);
  const copy = { ...row };
  if ('id' in copy) copy.id = randomUUID();
  for (const unique of ['token_hash', 'submission_key', 'key']) if (unique in copy) copy[unique] = `${String(copy[unique])}-copy`;
  return copy;
}

/** Tries to insert the copy through the app connection: 'refused', or what happened instead. */
export async function tryInsert(app: Db, table: TableInfo, scope: Scope, copy: Record<string, unknown>): Promise<'refused' | string> {
  try {
    await runScoped(app, scope, (tx) =>
      tx.execute(sql`insert into ${ident(table.name)} select * from json_populate_record(null::${ident(table.name)}, ${JSON.stringify(copy)}::json)`),
    );
    return 'inserted';
  } catch (error) {
    // Only the refusal itself counts: a duplicate key or a foreign key would hide a policy that let it in.
    return isAccessRefusal(error) ? 'refused' : `failed with ${describeError(error)}, not a refusal`;
  }
}
