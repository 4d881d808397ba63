import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as health } from '../../app/api/health/route';
import { GET as ready } from '../../app/api/ready/route';
import { markDraining } from '../../lib/runtime/draining';
import { openTestDatabase } from '../support/database';

describe('health and readiness for a load balancer', () => {
  it('/api/health says the process is alive and nothing else', async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'alive', draining: false });
  });

  it('/api/ready is 200 when the database answers and every shipped migration is applied', async () => {
    const response = await ready();
    const body = await response.json();
    expect(body).toEqual({ status: 'ready', database: 'ok', migrations: 'current', draining: false });
    expect(response.status).toBe(200);
  });

  it('the app role runs without JIT', async () => {
    const handle = await openTestDatabase();
    if (handle.kind !== 'postgres') return; // the embedded database has no JIT and one superuser connection
    const rows = (await handle.app.execute(sql`select current_setting('jit') as jit, current_user as who`)) as unknown as { jit: string; who: string }[];
    expect(rows[0]).toEqual({ jit: 'off', who: 'mend_app' });
  });

  // Last: draining is a one-way switch for the process.
  it('once SIGTERM starts the drain, /api/ready says 503 so the proxy stops sending requests', async () => {
    markDraining();
    const response = await ready();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'not ready', database: 'ok', draining: true });
    expect(await health().json()).toEqual({ status: 'alive', draining: true });
  });
});
