// `npm run worker`: runs Mend's background jobs (email, reminders, escalations, digests) in a process of
// its own, beside servers started with MEND_JOBS=worker. Several workers may run at once: the queue's
// row locks give each job to one of them.
import { requireSupportedNode } from '../lib/runtime/node-version.mjs';
import { resolveDatabaseConfig } from '../db/config';
import { bootstrapDatabase } from '../db/bootstrap';
import { setDatabase } from '../db/registry';
import { getAuthSecret } from '../lib/auth/secret';
import { startJobQueue, stopJobQueue } from '../lib/jobs/queue';

requireSupportedNode();

if (resolveDatabaseConfig().kind === 'pglite') {
  console.error(
    'Mend worker: the embedded database belongs to the server process (PGlite allows one process), so jobs run inside `npm run dev` / `npm start`. Set DATABASE_URL to run separate workers.',
  );
  process.exit(1);
}

try {
  getAuthSecret();
  await bootstrapDatabase(setDatabase);
  await startJobQueue({ work: true });
  console.log('Mend worker: running background jobs.');
} catch (error) {
  console.error(`Mend worker cannot start: ${(error as Error).message}`);
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopJobQueue().finally(() => process.exit(0));
  });
}
