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
    expect(tally.failures, tally.failures.join('\n')).toEqual([]);
    expect(tally.leaks, tally.leaks.join('\n')).toEqual([]);
    expect(tally.probes).toBeGreaterThan(0);
  });
});
