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
type Unsafe = (query: string, params?: unknown[], options?: Record<string, unknown>) => unknown;

/**
 * How much distinct statement text the process prepares per window. A prepared statement holds its parsed query
 * and plan in the Postgres backend until the connection closes (10–15 minutes, APP_POOL): the roster's 7 kB text
 * holds about 700 kB there. Texts are values-free but not few: the roster's shape follows the URL's sort, direction
 * and filters (some 180,000 shapes) and `inArray` follows a list's length, so without a bound one signed-in person
 * paging through shapes grows every connection's memory with each new one. Past the budget a new text runs as an
 * unnamed statement (two round trips, nothing kept); texts already prepared in the window stay prepared. The window
 * is as long as a connection lives at most, so a connection holds at most two windows' worth.
 */
export const PREPARED_TEXT_BUDGET = { characters: 600_000, statements: 400, windowMs: 15 * 60_000 };

const preparedTexts = { window: -1, texts: new Set<string>(), characters: 0 };

/** Whether this statement text may be prepared (db/prepared.ts PREPARED_TEXT_BUDGET). */
export function mayPrepare(text: string, now = Date.now()): boolean {
  const window = Math.floor(now / PREPARED_TEXT_BUDGET.windowMs);
  if (window !== preparedTexts.window) {
    preparedTexts.window = window;
    preparedTexts.texts.clear();
    preparedTexts.characters = 0;
  }
  if (preparedTexts.texts.has(text)) return true;
  if (
    preparedTexts.texts.size >= PREPARED_TEXT_BUDGET.statements ||
    preparedTexts.characters + text.length > PREPARED_TEXT_BUDGET.characters
  ) {
    return false;
  }
  preparedTexts.texts.add(text);
  preparedTexts.characters += text.length;
  return true;
}
type Begin = (...args: unknown[]) => unknown;

/**
 * The postgres.js client as drizzle should see it: every statement prepared, not only those named with
 * `.prepare(name)`. drizzle asks postgres.js for an unnamed statement otherwise, and postgres.js then sends a
 * statement with parameters in two round trips (parse and describe, then bind and execute), holding the
 * transaction's connection between them, so reads issued together inside one transaction ran one after another.
 * Prepared, a statement whose text the connection has seen is one round trip, and the reads a page issues
 * together are written to the connection at once. The same holds inside transactions and savepoints. The
 * client's own `prepare: false` (PgBouncer in transaction mode, docs/scaling.md) still wins. Statement texts are
 * values-free (drizzle binds values as parameters), and how much distinct text is prepared is bounded
 * (PREPARED_TEXT_BUDGET); connections are replaced every 10–15 minutes (APP_POOL).
 */
export function preparingClient<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'unsafe' && typeof value === 'function') {
        const unsafe = value as Unsafe;
        return (query: string, params?: unknown[], options?: Record<string, unknown>) =>
          unsafe.call(target, query, params, { ...options, prepare: mayPrepare(query) });
      }
      if ((prop === 'begin' || prop === 'savepoint') && typeof value === 'function') {
        const open = value as Begin;
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const fn = args[last];
          if (typeof fn === 'function') {
            args[last] = (inner: object) => {
              const scope = { ended: false };
              let work: Promise<unknown>;
              try {
                const x = (fn as (c: object) => unknown)(preparingClient(endingWith(inner, scope)));
                work = Promise.resolve(Array.isArray(x) ? Promise.all(x) : x);
              } catch (error) {
                scope.ended = true;
                throw error;
              }
              // Settled before the driver sends COMMIT or ROLLBACK: from here on the transaction takes no statement.
              const end = () => {
                scope.ended = true;
              };
              work.then(end, end);
              return work;
            };
          }
          return open.apply(target, args);
        };
      }
      return value;
    },
  });
}

export class TransactionEndedError extends Error {
  constructor() {
    super('A statement was issued on a transaction that has already ended.');
    this.name = 'TransactionEndedError';
  }
}

/**
 * A transaction's client that refuses statements once the transaction's work has settled. postgres.js sends a
 * statement issued on an ended transaction to the connection it used, which by then is back in the pool and may
 * be running another request's transaction, scoped to another practice and person: the statement would run
 * inside it, with its scope (a read started by a page whose transaction had already ended on an error, still
 * awaiting its second statement, would read another actor's rows). PGlite refuses such a statement itself.
 */
function endingWith<T extends object>(client: T, scope: { ended: boolean }): T {
  const refuse = () => {
    if (scope.ended) throw new TransactionEndedError();
  };
  return new Proxy(client, {
    apply(target, thisArg, args) {
      refuse();
      return Reflect.apply(target as (...a: unknown[]) => unknown, thisArg, args);
    },
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if ((prop === 'unsafe' || prop === 'savepoint' || prop === 'file') && typeof value === 'function') {
        return (...args: unknown[]) => {
          refuse();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
}

/**
 * Whether statements sent on this transaction reach Postgres in the order they were issued without waiting for
 * each other: postgres.js writes every query of a transaction to its one connection in call order, and Postgres
 * runs a connection's statements in the order received. Not assumed of anything else (PGlite).
 */
export function pipelinesInOrder(tx: Tx | Db): boolean {
  const client = (tx as unknown as { session?: DriverSession }).session?.client;
  return Boolean(client && typeof client.unsafe === 'function');
}

/**
 * Statements of one transaction that do not wait for each other's answers, run in the order given. On postgres.js
 * each is sent as soon as the one before it is, so the batch costs one round trip instead of one per statement
 * (Postgres still runs them one after another, each with the snapshot it would have had anyway); elsewhere
 * (PGlite) one after another. Each step starts its statement when called: a drizzle query, or a function that
 * issues exactly one statement before its first await. If one fails, the transaction is aborted and the batch
 * rejects with the first failure.
 */
export async function inSequence<const T extends readonly (() => PromiseLike<unknown>)[]>(
  tx: Tx | Db,
  ...steps: T
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  if (pipelinesInOrder(tx)) {
    // `.then` is called here, in order, so each statement is written to the connection before the next is built.
    const pending = steps.map((step) => new Promise((resolve, reject) => void step().then(resolve, reject)));
    results.push(...(await Promise.all(pending)));
  } else {
    for (const step of steps) results.push(await step());
  }
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

export async function executePrepared<T = Record<string, unknown>>(tx: Tx | Db, query: SQL): Promise<T[]> {
  const session = (tx as unknown as { session?: DriverSession }).session;
  const client = session?.client;
  if (client && typeof client.unsafe === 'function') {
    const { sql: text, params } = dialect.sqlToQuery(query);
    // drizzle's query logger sees it as it sees its own statements.
    session?.logger?.logQuery(text, params);
    return (await client.unsafe(text, params, { prepare: mayPrepare(text) })) as T[];
  }
  return rowsOf<T>(await tx.execute(query));
}
