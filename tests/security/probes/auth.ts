import type { ActionProbe } from '../harness/types';

const everyone = <T>(value: T) => ({
  signedOut: value, deactivated: value, clientA1: value, clientA2: value, therapistA1: value,
  therapistA: value, adminA: value, adminB: value, therapistB: value,
});

export const authProbes: Record<string, ActionProbe> = {
  'auth.signIn': {
    entitled: [],
    note: "Guessing A1's password is refused for every caller; the right password is covered by the throttle tests.",
    expect: everyone('refused' as const),
    input: (ctx) => ({ email: ctx.world.A.clientA1.email, password: 'not-the-password-at-all' }),
    fuzzAs: 'signedOut',
  },
  'auth.signOut': {
    entitled: [],
    note: 'Ending a session reads and writes nothing, whoever asks.',
    expect: everyone('allowed' as const),
    input: () => ({}),
    fuzzAs: 'clientA1',
  },
  'account.changePassword': {
    entitled: 'every-permitted-role',
    note: "Each caller changes only their own password; a userId or practiceId in the form is ignored.",
    input: (ctx) => ({ currentPassword: ctx.world.password, newPassword: 'a-brand-new-passphrase', confirmPassword: 'a-brand-new-passphrase', userId: ctx.world.A.clientA1.userId }),
    fuzzAs: 'therapistA1',
  },
  'account.endSessions': {
    entitled: 'every-permitted-role',
    note: "Each caller ends only their own other sessions (tests/security/sessions.test.ts tries another person's session id).",
    input: () => ({ sessionId: 'others' }),
    fuzzAs: 'therapistA1',
  },
};
