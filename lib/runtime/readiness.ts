import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { withoutPractice } from '@/lib/access/system-scope';
import { rowsOf } from '@/db/rows';

import { isDraining } from './draining';

/** The newest migration this build ships (drizzle-kit's journal, read once). */
let shippedThrough: number | null = null;
function newestShippedMigration(): number {
  if (shippedThrough === null) {
    const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    shippedThrough = Math.max(0, ...journal.entries.map((e) => e.when));
  }
  return shippedThrough;
}

export type Readiness = { ready: boolean; checks: { database: 'ok' | 'unreachable'; migrations: 'current' | 'behind' | 'unknown'; draining: boolean } };

const TIMEOUT_MS = 2_000;

/** Is this instance fit to take requests: not draining, database reachable, every shipped migration applied. */
export async function checkReadiness(): Promise<Readiness> {
  const draining = isDraining();
  let database: Readiness['checks']['database'] = 'unreachable';
  let migrations: Readiness['checks']['migrations'] = 'unknown';
  try {
    // Through the app's own pool and role, exactly as a request would reach the database.
    const query = withoutPractice((tx) => tx.execute(sql`select applied_migrations_through() as through`));
    const result = await Promise.race([
      query,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('readiness timeout')), TIMEOUT_MS).unref?.()),
    ]);
    const through = Number(rowsOf<{ through?: unknown }>(result)[0]?.through ?? 0);
    database = 'ok';
    migrations = through >= newestShippedMigration() ? 'current' : 'behind';
  } catch {
    database = 'unreachable';
  }
  return { ready: !draining && database === 'ok' && migrations === 'current', checks: { database, migrations, draining } };
}
