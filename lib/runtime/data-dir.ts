import path from 'node:path';

/**
 * The folder Mend keeps local state in (the embedded database, the development secret, the
 * development outbox): MEND_DATA_DIR, or `.data` in the working directory. ':memory:' asks for an
 * in-memory database only; files still go to `.data`.
 */
export function dataDir(env: Record<string, string | undefined> = process.env): string {
  const configured = env.MEND_DATA_DIR?.trim();
  return configured && configured !== ':memory:' ? path.resolve(configured) : path.join(process.cwd(), '.data');
}
