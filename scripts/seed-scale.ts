// Builds a practice at scale on a Postgres server for `npm run bench` (tests/bench/README.md).
//
//   npm run seed:scale -- [--clients 5000] [--therapists 25] [--days 365] [--client-logins 200]
//
// The database is SCALE_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/mend_scale), the owner's URL. It
// is dropped and created anew, migrated, and filled with one practice; it must be on this machine and may not be
// a development or CI database.
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { requireSupportedNode } from '../lib/runtime/node-version.mjs';
import { resolveDatabaseConfig, isLocalDatabase } from '../db/config';
import { openDatabase } from '../db/connection';
import { migrateDatabase } from '../db/migrate';
import { hashPassword } from '../lib/auth/password';
import { SCALE_PASSWORD, seedScalePractice } from '../tests/bench/scale-data';

requireSupportedNode();

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/mend_scale';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '5000' },
    therapists: { type: 'string', default: '25' },
    days: { type: 'string', default: '365' },
    'client-logins': { type: 'string', default: '200' },
  },
});
const sizes = {
  clients: Number(values.clients),
  therapists: Number(values.therapists),
  days: Number(values.days),
  clientLogins: Number(values['client-logins']),
};
for (const [k, v] of Object.entries(sizes)) {
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a whole number of at least 1 (got ${v}).`);
}
sizes.clientLogins = Math.min(sizes.clientLogins, sizes.clients);

const url = process.env.SCALE_DATABASE_URL ?? DEFAULT_URL;
const config = resolveDatabaseConfig({ DATABASE_URL: url });
const name = new URL(url).pathname.slice(1);
if (!isLocalDatabase(config)) throw new Error('seed:scale writes logins with a published password: only on this machine.');
if (!/^[a-z0-9_]+$/.test(name) || ['postgres', 'mend', 'mend_dev', 'mend_ci'].includes(name)) {
  throw new Error(`Refusing to rebuild database "${name}": give seed:scale its own database in SCALE_DATABASE_URL.`);
}

const started = performance.now();
const server = new URL(url);
server.pathname = '/postgres';
const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.unsafe(`create database ${name}`);
await admin.end();

const handle = await openDatabase(config);
try {
  await migrateDatabase(handle);
  const owner = await handle.owner();
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  await seedScalePractice(owner, { ...sizes, id: randomUUID(), name: 'Scale Practice', prefix: 'scale', passwordHash });
  const [counts] = (await owner.execute(
    sql`select (select count(*) from clients)::int as clients, (select count(*) from checkins)::int as checkins,
      (select count(*) from measure_administrations)::int as measures, (select count(*) from assignment_occurrences)::int as occurrences`,
  )) as unknown as Record<string, number>[];
  console.log(
    `seed:scale: ${name} ready in ${((performance.now() - started) / 1000).toFixed(1)} s — ${JSON.stringify(counts)}; ` +
      `logins scale-admin@, scale-t01@ … scale-t${String(sizes.therapists).padStart(2, '0')}@, scale-c00001@ … ` +
      `scale-c${String(sizes.clientLogins).padStart(5, '0')}@scale.example, password ${SCALE_PASSWORD}`,
  );
} finally {
  await handle.close();
}
