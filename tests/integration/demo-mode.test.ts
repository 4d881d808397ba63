import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootstrapDatabase } from '../../db/bootstrap';
import type { DatabaseHandle } from '../../db/connection';
import { rowsOf } from '../../db/rows';
import { demoLoginsIfSeeded } from '../../lib/practice/demo';


describe('a production start on the embedded database', () => {
  let handle: DatabaseHandle | null = null;
  afterEach(async () => {
    vi.unstubAllEnvs();
    await handle?.close();
    handle = null;
  });

  it('creates no account with the published demo password and lists none', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('MEND_DEMO', '');
    vi.stubEnv('MEND_DATA_DIR', ':memory:');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await bootstrapDatabase((h) => (handle = h));
    const owner = await handle!.owner();
    const [users] = rowsOf<{ n: number }>(await owner.execute(sql`select count(*)::int as n from users`));
    expect(users!.n).toBe(0);
    // Nothing printed a demo login or its password.
    expect(log.mock.calls.flat().join('\n')).not.toMatch(/mend-demo-password|demo logins/i);
    log.mockRestore();
  });

  it('never lists demo logins outside a demo, even on a database holding the demo practice', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('MEND_DEMO', '');
    expect(await demoLoginsIfSeeded()).toBeNull();
  });
});
