// Run by tests/faults/run.mjs against its stack: many transactions of two practices (and some with no practice)
// interleaved on the app's pool through PgBouncer in transaction mode, where consecutive transactions of one
// client connection land on different server connections and one server connection serves many clients.
// Each must see only its own practice's rows: the tenant is set per transaction (set_config(..., true)) and
// never survives on a pooled server connection. Prints `pgbouncer: …` and exits non-zero on any crossing.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { resolveDatabaseConfig } from '../../db/config';
import { openDatabase, runScoped } from '../../db/connection';
import { rowsOf } from '../../db/rows';
import { createClientRecord, createPractice } from '../../db/seed/factories';

const TRANSACTIONS = Number(process.env.TRANSACTIONS ?? 600);

const handle = await openDatabase(resolveDatabaseConfig());
let crossed = 0;
let wrongCount = 0;
const backends = new Set<string>();
try {
  const owner = await handle.owner();
  const practices: { id: string; clients: number }[] = [];
  for (const [label, clients] of [['A', 3], ['B', 5]] as const) {
    const { id } = await createPractice(owner, { name: `Pooling drill ${label} ${randomUUID().slice(0, 6)}` });
    for (let i = 0; i < clients; i++) await createClientRecord(owner, id, { firstName: label, lastName: `Client ${i}` });
    practices.push({ id, clients });
  }

  const one = async (n: number) => {
    const practice = n % 3 === 2 ? null : practices[n % 3]!;
    // The practice's own system scope (as at sign-up or an invitation): it sees the practice's client records.
    await runScoped(handle.app, practice ? { practiceId: practice.id, role: 'system' } : { role: 'system' }, async (tx) => {
      // A pause inside the transaction, so others start and finish around it on the pool.
      await tx.execute(sql`select pg_sleep(${(n % 7) / 1000})`);
      const rows = rowsOf(await tx.execute(sql`select practice_id::text as practice, pg_backend_pid()::text as pid,
                                                       current_setting('app.practice_id', true) as scope from clients`));
      const [pid] = rowsOf(await tx.execute(sql`select pg_backend_pid()::text as pid`));
      backends.add(String(pid?.pid));
      const foreign = rows.filter((r) => r.practice !== practice?.id);
      crossed += foreign.length;
      if (practice && rows.length !== practice.clients) wrongCount++;
    });
    // The next transaction on this same client connection, with no practice, must see nothing at all.
    if (n % 5 === 0) {
      await runScoped(handle.app, {}, async (tx) => {
        crossed += rowsOf(await tx.execute(sql`select 1 from clients where practice_id in (${practices[0]!.id}, ${practices[1]!.id})`)).length;
      });
    }
  };
  await Promise.all(Array.from({ length: TRANSACTIONS }, (_, n) => one(n)));
  console.log(
    `pgbouncer: ${TRANSACTIONS} interleaved transactions of two practices (and none) on ${backends.size} server connections, ${crossed} rows crossed, ${wrongCount} wrong counts`,
  );
} finally {
  await handle.close();
}
process.exit(crossed || wrongCount ? 1 : 0);
