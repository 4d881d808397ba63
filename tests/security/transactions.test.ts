import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Scope, type Tx, runScoped } from '../../db/connection';
import { PREPARED_TEXT_BUDGET, executePrepared, mayPrepare } from '../../db/prepared';
import { rowsOf } from '../../db/rows';
import { loadPage, withActor } from '../../lib/access/scope';
import { queryRoster } from '../../lib/caseload/roster';
import { SORT_KEYS } from '../../lib/caseload/url';
import { BAND_FILTERS, parseRosterView } from '../../lib/caseload/view';
import { openTestDatabase } from '../support/database';
import { actorOf } from '../support/factories';
import { makeWorld } from './harness/world';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Seen = { t: string; p: string };
const whereAmI = sql`select txid_current()::text as t, current_setting('app.practice_id', true) as p`;

/** The refusal itself (drizzle wraps the driver's error in "Failed query", with it as the cause). */
function isEndedRefusal(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause)
    if (/has already ended|transaction is closed/i.test(e.message)) return true;
  return false;
}

/** Every way code holding a transaction can send it a statement. */
const STATEMENTS: Record<string, (tx: Tx) => Promise<unknown>> = {
  execute: (tx) => tx.execute(whereAmI),
  prepared: (tx) => executePrepared(tx, whereAmI),
  'query builder': (tx) => tx.select({ n: sql<number>`1` }).from(sql`practices`),
  savepoint: (tx) => tx.transaction((inner) => inner.execute(whereAmI)),
};

/**
 * A transaction's connection goes back to the pool when the transaction ends, and the next request's transaction
 * may take it, scoped to another practice and person. A statement sent on the ended transaction must be refused,
 * never run inside whatever that connection runs now (db/prepared.ts); a page's transaction ends only when every
 * read joined to it has settled, and work that outlives it opens its own (lib/access/scope.ts loadPage).
 */
describe('transactions never outlive their scope', () => {
  it('a statement on a transaction (or savepoint) that has ended is refused, while another practice is being served', async () => {
    const handle = await openTestDatabase();
    const world = await makeWorld();
    const scopeA: Scope = { practiceId: world.A.id };
    const scopeB: Scope = { practiceId: world.B.id };
    const leaked: Record<string, Tx> = {};
    await runScoped(handle.app, scopeA, async (tx) => {
      leaked.transaction = tx;
      await tx.transaction(async (inner) => {
        leaked.savepoint = inner;
      });
    });
    const crossed: string[] = [];
    for (const [holder, tx] of Object.entries(leaked)) {
      for (const [how, statement] of Object.entries(STATEMENTS)) {
        // Other requests' transactions are running for practice B meanwhile, on the same pool.
        const outcome = await Promise.all(
          [0, 1, 2].map((i) =>
            runScoped(handle.app, scopeB, async (b) => {
              await b.execute(whereAmI);
              if (i > 0) return null;
              return Promise.resolve()
                .then(() => statement(tx))
                .then(
                  (rows) => `ran: ${JSON.stringify(rowsOf<Seen>(rows as never))}`,
                  (error: unknown) => (isEndedRefusal(error) ? 'refused' : `failed: ${String(error)}`),
                );
            }),
          ),
        );
        if (outcome[0] !== 'refused') crossed.push(`${how} on an ended ${holder}: ${outcome[0]}`);
      }
    }
    expect(crossed).toEqual([]);
  });

  it("a page's transaction waits for every read started in it, even when one fails early, and later work opens its own", async () => {
    const world = await makeWorld();
    const actor = await actorOf(world.A.therapist, world.A.id);
    const reads: Seen[] = [];
    let slowReadSettled = false;
    const page = loadPage(actor, () =>
      Promise.all([
        withActor(actor, async () => {
          throw new Error('refused early');
        }),
        withActor(actor, async (tx) => {
          reads.push(rowsOf<Seen>(await tx.execute(whereAmI))[0]!);
          await sleep(30);
          // By now the page's load has failed; this statement must still run in the page's own transaction.
          reads.push(rowsOf<Seen>(await tx.execute(whereAmI))[0]!);
          slowReadSettled = true;
        }),
      ]),
    );
    await expect(page).rejects.toThrow('refused early');
    expect(slowReadSettled).toBe(true);
    expect(reads).toHaveLength(2);
    expect(reads[1]).toEqual(reads[0]);
    expect(reads[0]!.p).toBe(world.A.id);

    // A continuation that still carries the page's context but runs after it ended reads in a transaction of its own.
    let late: Promise<Seen> | null = null;
    const pageTx = await loadPage(actor, async () => {
      const [here] = await withActor(actor, async (tx) => rowsOf<Seen>(await tx.execute(whereAmI)));
      setTimeout(() => {
        late = withActor(actor, async (tx) => rowsOf<Seen>(await tx.execute(whereAmI))[0]!);
      }, 10);
      return here!;
    });
    await sleep(40);
    expect(late).not.toBeNull();
    const after = await late!;
    expect(after.p).toBe(world.A.id);
    expect(after.t).not.toBe(pageTx.t);
  });
});

/**
 * A prepared statement keeps its parsed query and plan in the Postgres backend for the connection's life. Texts
 * are values-free, but their shapes follow what a person asks for (the roster's sort and filters, a list's
 * length): however many shapes someone pages through, a connection prepares a bounded amount (db/prepared.ts).
 */
describe('prepared statements', () => {
  it('the process prepares a bounded amount of distinct text per window, repeats stay prepared', () => {
    const later = Date.now() + 10 * PREPARED_TEXT_BUDGET.windowMs;
    const text = (i: number) => `select ${i} /* ${'x'.repeat(1000)} */`;
    let admitted = 0;
    for (let i = 0; i < PREPARED_TEXT_BUDGET.statements * 2; i += 1) if (mayPrepare(text(i), later)) admitted += 1;
    expect(admitted).toBeGreaterThan(0);
    expect(admitted).toBeLessThanOrEqual(
      Math.min(PREPARED_TEXT_BUDGET.statements, PREPARED_TEXT_BUDGET.characters / 1000),
    );
    expect(mayPrepare(text(0), later)).toBe(true);
    expect(mayPrepare(text(PREPARED_TEXT_BUDGET.statements * 2 - 1), later)).toBe(false);
    // A new window starts afresh.
    expect(mayPrepare(text(PREPARED_TEXT_BUDGET.statements * 2 - 1), later + PREPARED_TEXT_BUDGET.windowMs)).toBe(true);
  });

  it('paging through hundreds of roster shapes leaves the connection a bounded set of prepared statements', async () => {
    const world = await makeWorld();
    const admin = await actorOf(world.A.admin, world.A.id);
    const shapes: Record<string, string>[] = [];
    for (const sort of SORT_KEYS)
      for (const dir of ['asc', 'desc'])
        for (const band of ['', ...BAND_FILTERS.map((b) => b.value)]) shapes.push({ sort, dir, band });
    expect(shapes.length).toBeGreaterThan(200);
    const held = await withActor(admin, async (tx) => {
      for (const shape of shapes) await queryRoster(tx, admin, parseRosterView(shape));
      return rowsOf<{ n: number; chars: number }>(
        await tx.execute(
          sql`select count(*)::int as n, coalesce(sum(length(statement)), 0)::int as chars from pg_prepared_statements`,
        ),
      )[0]!;
    });
    expect(held.chars).toBeLessThanOrEqual(PREPARED_TEXT_BUDGET.characters);
    expect(held.n).toBeLessThanOrEqual(PREPARED_TEXT_BUDGET.statements);
  });
});
