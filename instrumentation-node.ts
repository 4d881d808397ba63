import { bootstrapDatabase } from './db/bootstrap';
import { closeDatabase, setDatabase } from './db/registry';
import { getAuthSecret } from './lib/auth/secret';
import { printableError } from './db/errors';
import { installGracefulShutdown } from './lib/runtime/shutdown';
import { installPeerAddressHeader } from './lib/security/peer-address';

// Before the first request: sign-in throttling takes the client's address from the socket.
installPeerAddressHeader();
import { jobQueueMode, startJobQueue, stopJobQueue } from './lib/jobs/queue';

try {
  getAuthSecret();
  await bootstrapDatabase(setDatabase);
  // The job queue stops (letting running jobs finish) before the database closes.
  installGracefulShutdown(async () => {
    await stopJobQueue().catch(() => {});
    await closeDatabase();
  });
} catch (error) {
  // One clear sentence instead of a stack trace; the server must not run half-configured.
  console.error(`\nMend cannot start: ${printableError(error)}\n`);
  process.exit(1);
}

// Background work (email, reminders, escalations) runs in this process unless MEND_JOBS=worker hands it
// to `npm run worker` processes. With MEND_JOBS=worker the server still sends jobs (to wake a worker).
const mode = jobQueueMode();
if (mode !== 'off') {
  startJobQueue({ work: mode === 'server' }).catch((error: unknown) => {
    console.error(`[jobs] the job queue did not start: ${(error as Error).message}`);
  });
}
