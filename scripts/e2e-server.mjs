// Starts the built app for Playwright on fresh demo data: a new `mend_e2e` database on the
// TEST_DATABASE_URL server when one is given (as in CI), else a fresh embedded database.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import webpush from 'web-push';
import { requireSupportedNode } from '../lib/runtime/node-version.mjs';

requireSupportedNode();

const port = process.argv[2] ?? '3100';
const dataDir = path.join(process.cwd(), '.data', `e2e-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  NODE_ENV: 'production',
  // The suite signs in as the demo accounts: a demo, so the embedded database is seeded with them.
  MEND_DEMO: '1',
  MEND_DATA_DIR: dataDir,
  AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-only-secret-not-for-production-use-000000',
  NEXT_TELEMETRY_DISABLED: '1',
  // /test-fault and /portal/test-fault throw (and the root layout, on a cookie), so the error pages can be tested (lib/runtime/test-faults.ts).
  MEND_TEST_FAULTS: '1',
};
// Production needs its push keys configured, as a deployment would.
if (!env.VAPID_PUBLIC_KEY) {
  const keys = webpush.generateVAPIDKeys();
  env.VAPID_PUBLIC_KEY = keys.publicKey;
  env.VAPID_PRIVATE_KEY = keys.privateKey;
}
delete env.DATABASE_URL;

const server = process.env.TEST_DATABASE_URL?.trim();
if (server) {
  const database = `mend_e2e_${port}`;
  const owner = postgres(server, { max: 1, onnotice: () => {} });
  await owner.unsafe(`drop database if exists ${database} with (force)`);
  await owner.unsafe(`create database ${database}`);
  await owner.end();
  const url = new URL(server);
  url.pathname = `/${database}`;
  env.DATABASE_URL = url.toString();
  // Migrations (which create the app role) and the demo seed, before the server starts.
  execFileSync(path.join('node_modules', '.bin', 'tsx'), ['scripts/db-seed.ts'], { env, stdio: 'inherit' });
}

// The server's output is also kept in a file, so a test can prove client data never reaches the logs.
const logFile = path.join(process.cwd(), '.data', `e2e-${port}.log`);
fs.mkdirSync(path.dirname(logFile), { recursive: true });
const log = fs.createWriteStream(logFile, { flags: 'w' });
const child = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', port], { env, stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  log.write(chunk);
});
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  log.write(chunk);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
