import { bootstrapDatabase } from './db/bootstrap';
import { setDatabase } from './db/registry';
import { getAuthSecret } from './lib/auth/secret';

try {
  getAuthSecret();
  await bootstrapDatabase(setDatabase);
} catch (error) {
  // One clear sentence instead of a stack trace; the server must not run half-configured.
  console.error(`\nMend cannot start: ${(error as Error).message}\n`);
  process.exit(1);
}
