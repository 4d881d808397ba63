import { describe, expect, it, vi } from 'vitest';
import { runIsolation } from './harness/matrix';
import { listRouteHandlers } from './harness/inventory';
import { recordReport } from './harness/report';
import { matrix } from './expectations';

vi.mock('../../lib/auth/index', () => import('./harness/auth-mock'));

describe('the access matrix', () => {
  it('every route handler is accounted for', () => {
    const missing = listRouteHandlers().filter((route) => !matrix.routeHandlers[route]);
    expect(missing).toEqual([]);
  });

  it('every action and page, with every actor, gives the expected outcome and leaks nothing', async ({ task }) => {
    const tally = await runIsolation(matrix);
    recordReport(task, {
      isolation: { probes: tally.probes, refused: tally.refused, allowed: tally.allowed, leaks: tally.leaks.length },
    });
    expect(tally.leaks, tally.leaks.join('\n')).toEqual([]);
    expect(tally.failures, tally.failures.join('\n')).toEqual([]);
    expect(tally.probes).toBeGreaterThan(0);
  });
});

describe('the CSV exports (route handlers)', () => {
  const routes = [
    { route: '/caseload/export', load: () => import('../../app/(clinic)/caseload/export/route'), permission: 'caseload.export' },
    { route: '/admin/audit/export', load: () => import('../../app/(clinic)/admin/audit/export/route'), permission: 'audit.view' },
  ] as const;

  for (const { route, load, permission } of routes) {
    it(`${route} answers each actor with only what they may see`, async () => {
      const { GET } = await load();
      const { PERMISSIONS } = await import('../../lib/access/permissions');
      const { makeWorld, actAsKey, ACTOR_KEYS } = await import('./harness/world');
      const { forbiddenFor } = await import('./harness/matrix');
      const world = await makeWorld();
      const ctx = { world, a: world.fixtureA, b: world.fixtureB };
      for (const key of ACTOR_KEYS) {
        actAsKey(world, key);
        const response = await GET(new Request(`http://localhost${route}`));
        const body = await response.text();
        actAsKey(world, 'signedOut');
        const role = world.actors[key].role;
        if (key === 'signedOut' || key === 'deactivated') expect(response.status, key).toBe(401);
        else if (!(PERMISSIONS[permission] as readonly string[]).includes(role ?? '')) expect(response.status, key).toBe(404);
        else expect(response.status, key).toBe(200);
        const secrets = forbiddenFor(key, ctx);
        if (world.actors[key].practiceId === world.B.id) secrets.push(world.A.clientA1.clientId, ctx.a.clientId, world.A.therapist.membershipId);
        for (const secret of secrets) expect(body.includes(secret), `${key} sees ${secret}`).toBe(false);
        if (route === '/caseload/export' && (key === 'therapistA1' || key === 'adminA')) expect(body, key).toContain(world.A.clientA1.name.split(' ').pop());
      }
    });
  }
});
