// Starts the built app for Playwright on a fresh embedded database (or TEST_DATABASE_URL's server).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const port = process.argv[2] ?? '3100';
const dataDir = path.join(process.cwd(), '.data', `e2e-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  NODE_ENV: 'production',
  MEND_DATA_DIR: dataDir,
  AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-only-secret-not-for-production-use-000000',
  NEXT_TELEMETRY_DISABLED: '1',
};
delete env.DATABASE_URL;
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
