// Runs the stack of deploy/stack.mjs in the foreground until Ctrl-C (deploy/up.sh is the one command to use).
import path from 'node:path';
import { ROOT, startStack } from './stack.mjs';

const stateDir = process.env.MEND_STACK_DIR ?? path.join(ROOT, 'deploy', '.state');
const proxy = Number(process.env.MEND_PROXY_PORT ?? 34080);
const stack = await startStack({
  stateDir,
  databaseUrl: process.env.DATABASE_URL || undefined,
  seedDemo: process.env.MEND_DEMO !== '0',
  ports: { proxy },
});
console.log(`\nMend is up at ${stack.baseUrl} (two instances behind nginx, PgBouncer in transaction mode).`);
console.log(`Logs, configs and the shared secrets: ${stack.stateDir}. Ctrl-C stops everything.\n`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping the stack…');
    await stack.stop();
    process.exit(0);
  });
}
setInterval(() => {}, 1 << 30);
