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

describe('the caseload CSV export (a route handler)', () => {
  it('answers each actor with only what they may see', async () => {
    const { GET } = await import('../../app/(clinic)/caseload/export/route');
    const { makeWorld, actAsKey, ACTOR_KEYS } = await import('./harness/world');
    const { forbiddenFor } = await import('./harness/matrix');
    const world = await makeWorld();
    const ctx = { world, a: world.fixtureA, b: world.fixtureB };
    for (const key of ACTOR_KEYS) {
      actAsKey(world, key);
      const response = await GET(new Request('http://localhost/caseload/export'));
      const body = await response.text();
      actAsKey(world, 'signedOut');
      const role = world.actors[key].role;
      if (key === 'signedOut' || key === 'deactivated') expect(response.status, key).toBe(401);
      else if (role === 'client') expect(response.status, key).toBe(404);
      else expect(response.status, key).toBe(200);
      for (const secret of forbiddenFor(key, ctx)) expect(body.includes(secret), `${key} sees ${secret}`).toBe(false);
      if (key === 'therapistA1' || key === 'adminA') expect(body, key).toContain(world.A.clientA1.name.split(' ').pop());
    }
  });
});
