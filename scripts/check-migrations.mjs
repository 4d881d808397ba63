// Schema and migrations agree: `drizzle-kit check` (the migrations folder is consistent: no snapshots that
// collide), then a generation from db/schema into a throwaway copy of db/migrations, which must produce
// nothing. A schema change committed without its migration fails here, in CI, instead of at the next deploy.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const drizzleKit = path.resolve('node_modules/.bin/drizzle-kit');
const run = (args) => execFileSync(drizzleKit, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 120_000 });

run(['check']);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mend-migrations-'));
try {
  const copy = path.join(scratch, 'migrations');
  fs.cpSync('db/migrations', copy, { recursive: true });
  // drizzle-kit prefixes the output folder with "./": give it a relative path.
  run(['generate', '--dialect', 'postgresql', '--schema', './db/schema/index.ts', '--out', path.relative(process.cwd(), copy)]);
  const before = fs.readdirSync('db/migrations', { recursive: true }).sort();
  const after = fs.readdirSync(copy, { recursive: true }).sort();
  const added = after.filter((f) => !before.includes(f));
  if (added.length) {
    console.error(`db/schema has changes no migration holds (drizzle-kit would generate ${added.join(', ')}).`);
    console.error('Run `npx drizzle-kit generate --name <what>` and commit the migration.');
    process.exit(1);
  }
  console.log('migrations: schema and db/migrations agree');
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
