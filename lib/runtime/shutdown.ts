// Loaded by instrumentation-node.ts (outside any React server bundle), hence no 'server-only' here.
import { markDraining } from './draining';

/** Longest a drain may take before the process closes the pool and exits anyway. */
const GRACE_MS = 25_000;
const slot = globalThis as unknown as { __mendShutdownInstalled?: boolean };

/**
 * On SIGTERM (or SIGINT): /api/ready turns 503 at once so the proxy stops sending requests here; Next's own
 * handler stops accepting connections and lets requests in flight finish, then calls process.exit. That exit
 * is held until the database pool has closed (queries finish or are cut after 5 s), so Postgres and PgBouncer
 * see clean disconnects instead of reset sockets.
 */
export function installGracefulShutdown(closeDatabase: () => Promise<void>): void {
  if (slot.__mendShutdownInstalled) return;
  slot.__mendShutdownInstalled = true;
  const exit = process.exit.bind(process);
  let closing: Promise<void> | null = null;
  const closePool = () =>
    (closing ??= (async () => {
      try {
        await closeDatabase();
      } catch {
        // Already closed or never opened: nothing to wait for.
      }
    })());

  const onSignal = (signal: NodeJS.Signals) => {
    markDraining();
    console.log(`Mend: ${signal} received; finishing requests in flight, then closing the database pool.`);
    process.exit = ((code?: number) => {
      void closePool().finally(() => exit(code));
    }) as typeof process.exit;
    setTimeout(() => void closePool().finally(() => exit(signal === 'SIGTERM' ? 143 : 130)), GRACE_MS).unref();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
