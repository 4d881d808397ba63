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
const child = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', port], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
