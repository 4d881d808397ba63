import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class MissingAuthSecretError extends Error {}

/**
 * AUTH_SECRET signs sessions. Production refuses to start without it; in development one is
 * generated once and kept under .data/ so the quick start needs no hand-made .env file.
 */
export function getAuthSecret(): string {
  const fromEnv = process.env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  // `next build` loads route modules to collect page data; nothing is signed then.
  if (process.env.NEXT_PHASE === 'phase-production-build') return 'build-phase-placeholder';
  if (process.env.NODE_ENV === 'production') {
    throw new MissingAuthSecretError(
      'AUTH_SECRET is not set: generate one with `openssl rand -base64 32` and set it before starting Mend in production.',
    );
  }
  const dir = process.env.MEND_DATA_DIR?.trim() && process.env.MEND_DATA_DIR !== ':memory:'
    ? process.env.MEND_DATA_DIR
    : path.join(process.cwd(), '.data');
  const file = path.join(dir, 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      // Another part of the server wrote it first.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
