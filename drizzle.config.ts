import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; migrations are applied by `npm run db:migrate` (db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  strict: true,
});
