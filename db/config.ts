import path from 'node:path';

/** Which database this process talks to. Decided once, from the environment, here only. */
export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; ownerUrl: string; appUrl: string };

export const APP_ROLE = 'mend_app';

export class DatabaseConfigError extends Error {}

function parsePostgresUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DatabaseConfigError(`${name} is not a valid URL; expected postgres://user@host:5432/database.`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new DatabaseConfigError(`${name} must start with postgres:// (it starts with ${url.protocol}//).`);
  }
  if (!url.hostname || url.pathname.length <= 1) {
    throw new DatabaseConfigError(`${name} must name a host and a database, e.g. postgres://user@127.0.0.1:5432/mend.`);
  }
  return url;
}

/**
 * `DATABASE_URL` is the owner's connection: migrations and the seed run through it.
 * The app itself connects as the unprivileged `mend_app` role: `APP_DATABASE_URL` when given,
 * otherwise the same server and database with the user swapped (and `APP_DATABASE_PASSWORD`).
 */
export function resolveDatabaseConfig(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const ownerUrl = env.DATABASE_URL?.trim();
  if (!ownerUrl) {
    const dataDir = env.MEND_DATA_DIR?.trim() || path.join(process.cwd(), '.data');
    return { kind: 'pglite', dataDir: dataDir === ':memory:' ? null : path.join(dataDir, 'pglite') };
  }
  const owner = parsePostgresUrl('DATABASE_URL', ownerUrl);
  let appUrl: string;
  if (env.APP_DATABASE_URL?.trim()) {
    appUrl = parsePostgresUrl('APP_DATABASE_URL', env.APP_DATABASE_URL.trim()).toString();
  } else {
    const app = new URL(owner.toString());
    app.username = APP_ROLE;
    app.password = env.APP_DATABASE_PASSWORD ?? '';
    appUrl = app.toString();
  }
  return { kind: 'postgres', ownerUrl: owner.toString(), appUrl };
}

/** The seed writes demo accounts with a published password: never outside this machine. */
export function isLocalDatabase(config: DatabaseConfig): boolean {
  if (config.kind === 'pglite') return true;
  const host = new URL(config.ownerUrl).hostname;
  return ['localhost', '127.0.0.1', '::1', '[::1]'].includes(host) || host.startsWith('/');
}

/**
 * Demo mode: the demo practices (accounts with a published password) are seeded into the embedded
 * database and listed on the sign-in page only under `next dev` or with `MEND_DEMO=1` (`MEND_DEMO=0`
 * turns it off in development too). A production start never creates an account anyone knows the
 * password of.
 */
export function demoModeEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const flag = env.MEND_DEMO?.trim();
  if (flag === '1') return true;
  if (flag === '0') return false;
  return env.NODE_ENV === 'development';
}
