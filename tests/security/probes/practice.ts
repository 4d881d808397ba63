import { randomUUID } from 'node:crypto';
import { customDefinitionInput } from '../harness/fixtures';
import type { ActionProbe } from '../harness/types';

const everyone = <T>(value: T) => ({
  signedOut: value, deactivated: value, clientA1: value, clientA2: value, therapistA1: value,
  therapistA: value, adminA: value, adminB: value, therapistB: value,
});
const newPassword = 'a-long-enough-passphrase';

/** Accounts, invitations, settings and the practice's own exercises. */
export const practiceProbes: Record<string, ActionProbe> = {
  'exercise.create': {
    entitled: 'every-permitted-role',
    note: 'A new exercise belongs to the author’s own practice; nothing of anyone else’s is named.',
    input: () => ({ definition: customDefinitionInput('probe'), share: false }),
  },
  'exercise.update': {
    entitled: ['therapistA1', 'adminA'],
    note: 'A shared exercise: its author and the practice admin may change it; another therapist may not.',
    input: (ctx) => ({ key: ctx.a.templateKey, definition: customDefinitionInput('changed') }),
  },
  'exercise.share': {
    entitled: ['therapistA1', 'adminA'],
    input: (ctx) => ({ key: ctx.a.templateKey, shared: false }),
  },
  'exercise.archive': {
    entitled: ['therapistA1', 'adminA'],
    input: (ctx) => ({ key: ctx.a.templateKey }),
  },
  'invitation.create': {
    entitled: ['adminA'],
    note: "A portal invitation for A's unlinked client record: admin B must not be able to attach a login to it.",
    input: (ctx) => ({ email: `probe-${randomUUID().slice(0, 8)}@test.example`, role: 'client', clientId: ctx.a.unlinkedClientId }),
  },
  'invitation.resend': { entitled: ['adminA'], input: (ctx) => ({ invitationId: ctx.a.invitationId }) },
  'invitation.revoke': { entitled: ['adminA'], input: (ctx) => ({ invitationId: ctx.a.invitationId }) },
  'account.sendPasswordReset': { entitled: ['adminA'], input: (ctx) => ({ membershipId: ctx.world.A.therapist.membershipId }) },
  'account.deactivate': { entitled: ['adminA'], input: (ctx) => ({ membershipId: ctx.world.A.therapist.membershipId }) },
  'account.reactivate': { entitled: ['adminA'], input: (ctx) => ({ membershipId: ctx.world.deactivated.membershipId }) },
  'account.changeRole': { entitled: ['adminA'], input: (ctx) => ({ membershipId: ctx.world.A.therapist.membershipId, role: 'admin' }) },
  'practice.updateSettings': {
    entitled: ['adminA', 'adminB'],
    note: 'Settings name no other record: each admin changes their own practice only (checked by the snapshot).',
    input: () => ({ name: 'Renamed by probe', timeZone: 'America/Chicago', idleTimeoutMinutes: '20', safetyQuestionEnabled: 'on' }),
  },
  'invitation.accept': {
    entitled: [],
    note: 'A guessed token opens nothing, for anyone. (Acceptance with a real token is covered in the invitations tests.)',
    expect: everyone('refused' as const),
    input: () => ({ token: 'x'.repeat(43), name: 'Intruder', password: newPassword, confirmPassword: newPassword }),
    fuzzAs: 'signedOut',
  },
  'account.resetPassword': {
    entitled: [],
    note: 'A guessed reset token changes no password.',
    expect: everyone('refused' as const),
    input: () => ({ token: 'y'.repeat(43), password: newPassword, confirmPassword: newPassword }),
    fuzzAs: 'signedOut',
  },
  'practice.signUp': {
    entitled: [],
    note: 'Anyone may open a new practice; it touches neither A nor B (checked by the snapshot).',
    expect: everyone('allowed' as const),
    input: () => ({
      practiceName: 'Probe Practice',
      timeZone: 'America/New_York',
      name: 'Probe Owner',
      email: `owner-${randomUUID().slice(0, 8)}@test.example`,
      password: newPassword,
      confirmPassword: newPassword,
    }),
    fuzzAs: 'signedOut',
  },
  'practice.confirmSignUp': {
    entitled: [],
    note: 'A guessed confirmation token creates no practice, for anyone. (A real one is covered in tests/integration/signup.test.ts.)',
    expect: everyone('refused' as const),
    input: () => ({ token: 'k'.repeat(43), password: newPassword }),
    fuzzAs: 'signedOut',
  },
  'invitation.acceptWithLogin': {
    entitled: [],
    note: 'A guessed token joins nobody to a practice, whatever password comes with it.',
    expect: everyone('refused' as const),
    input: () => ({ token: 'j'.repeat(43), password: 'correct-horse-battery-staple' }),
    fuzzAs: 'signedOut',
  },
  'session.choosePractice': {
    entitled: [],
    note: "Moving a session into a membership that is not one's own (here the deactivated therapist's) is refused for everyone, the deactivated therapist included.",
    expect: everyone('refused' as const),
    input: (ctx) => ({ membershipId: ctx.world.deactivated.membershipId }),
    fuzzAs: 'signedOut',
  },
  ...Object.fromEntries(
    ['caseload.search', 'client.search', 'people.search'].map((name) => [
      name,
      {
        entitled: 'every-permitted-role',
        note: "A list's search (the roster, the admin's clients and people, each with its page's permission) changes no row: the term is kept in the caller's own session cookie and the answer is a redirect to the list.",
        input: (ctx) => ({ q: ctx.world.A.clientA1.name, status: 'active', practiceId: ctx.world.B.id }),
        fuzzAs: 'adminA',
      } satisfies ActionProbe,
    ]),
  ),
};
