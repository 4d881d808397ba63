import { describe, expect, it, vi } from 'vitest';
import { matrix } from './expectations';
import { runIsolation } from './harness/matrix';

vi.mock('../../lib/auth/index', () => import('./harness/auth-mock'));

/**
 * Proof that the suite bites: with one authorization check patched out of lib/, the same probes
 * report leaks. The patches are switched on only inside these tests.
 */
const patched = vi.hoisted(() => ({ can: false, careTeam: false, noDatabaseWall: false }));

vi.mock('../../lib/access/permissions', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/access/permissions')>();
  return { ...original, can: (...args: Parameters<typeof original.can>) => patched.can || original.can(...args) };
});

vi.mock('../../lib/access/scope', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/access/scope')>();
  return {
    ...original,
    canReadClinical: (...args: Parameters<typeof original.canReadClinical>) => patched.careTeam || original.canReadClinical(...args),
    // The second wall taken away: the actor's work runs on the owner connection, which the care-team
    // policies (TO mend_app) do not restrict.
    withActor: async (...args: Parameters<typeof original.withActor>) => {
      if (!patched.noDatabaseWall) return original.withActor(...args);
      const [actor, fn] = args;
      const { openTestDatabase } = await import('../support/database');
      const { ownerScoped } = await import('../../db/seed/factories');
      return ownerScoped(await (await openTestDatabase()).owner(), actor.practiceId, fn);
    },
  };
});

describe('removing an authorization check makes the suite fail', () => {
  const permissionProbes = (name: string) => ['client.create', 'measureSchedule.create', 'account.changeRole'].includes(name);

  it('with the permission map allowing everything, row-level security still refuses what it lets through', async () => {
    patched.can = true;
    try {
      const tally = await runIsolation(matrix, { only: permissionProbes });
      expect(tally.leaks).toEqual([]);
    } finally {
      patched.can = false;
    }
  });

  it('with the permission map allowing everything and no care-team row-level security, the probes report leaks', async () => {
    patched.can = true;
    patched.noDatabaseWall = true;
    try {
      const tally = await runIsolation(matrix, { only: permissionProbes });
      expect(tally.leaks.length).toBeGreaterThan(0);
    } finally {
      patched.can = false;
      patched.noDatabaseWall = false;
    }
  });

  const careTeamProbes = (name: string) => ['measureSchedule.create', 'alert.acknowledge', 'measure.markBaseline'].includes(name);

  it('with the care-team check allowing everyone, row-level security still refuses what it lets through', async () => {
    patched.careTeam = true;
    try {
      const tally = await runIsolation(matrix, { only: careTeamProbes });
      expect(tally.leaks).toEqual([]);
    } finally {
      patched.careTeam = false;
    }
  });

  it('with the care-team check allowing everyone and no care-team row-level security, the probes report leaks', async () => {
    patched.careTeam = true;
    patched.noDatabaseWall = true;
    try {
      const tally = await runIsolation(matrix, { only: careTeamProbes });
      expect(tally.leaks.length).toBeGreaterThan(0);
    } finally {
      patched.careTeam = false;
      patched.noDatabaseWall = false;
    }
  });

  it('unpatched, the same probes are clean', async () => {
    const tally = await runIsolation(matrix, { only: (name) => ['client.create', 'measureSchedule.create'].includes(name) });
    expect(tally.leaks).toEqual([]);
  });
});
