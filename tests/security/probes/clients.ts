import type { ActionProbe } from '../harness/types';

/** Client records are an admin's to manage, practice-wide: only admin A may touch A1's record. */
export const clientProbes: Record<string, ActionProbe> = {
  'client.create': {
    entitled: ['adminA'],
    note: "The new record names A's therapist: admin B must be refused, not given a client on A's therapist.",
    input: (ctx) => ({ firstName: 'Probe', lastName: 'Client', 'therapistMembershipIds': [ctx.world.A.therapist.membershipId] }),
  },
  'client.update': {
    entitled: ['adminA'],
    input: (ctx) => ({ clientId: ctx.a.clientId, firstName: 'Renamed', lastName: 'ByProbe', email: 'renamed@test.example' }),
  },
  'client.setCareTeam': {
    entitled: ['adminA'],
    input: (ctx) => ({ clientId: ctx.a.clientId, membershipIds: [ctx.world.A.therapist.membershipId, ctx.world.A.otherTherapist.membershipId] }),
  },
  'client.moveCareTeam': {
    entitled: ['adminA'],
    input: (ctx) => ({
      clientIds: [ctx.a.clientId],
      toMembershipId: ctx.world.A.otherTherapist.membershipId,
      fromMembershipId: ctx.world.A.therapist.membershipId,
    }),
  },
  'client.changeStatus': {
    entitled: ['adminA'],
    input: (ctx) => ({ clientId: ctx.a.clientId, status: 'paused' }),
  },
};
