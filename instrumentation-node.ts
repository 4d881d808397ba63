import { bootstrapDatabase } from './db/bootstrap';
import { closeDatabase, setDatabase } from './db/registry';
import { getAuthSecret } from './lib/auth/secret';
import { printableError } from './db/errors';
import { installGracefulShutdown } from './lib/runtime/shutdown';
import { installPeerAddressHeader } from './lib/security/peer-address';

// Before the first request: sign-in throttling takes the client's address from the socket.
installPeerAddressHeader();

try {
  getAuthSecret();
  await bootstrapDatabase(setDatabase);
  installGracefulShutdown(closeDatabase);
} catch (error) {
  // One clear sentence instead of a stack trace; the server must not run half-configured.
  console.error(`\nMend cannot start: ${printableError(error)}\n`);
  process.exit(1);
}
