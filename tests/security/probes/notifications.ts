import { randomUUID } from 'node:crypto';
import type { ActionProbe } from '../harness/types';

const everyone = <T>(value: T) => ({
  signedOut: value, deactivated: value, clientA1: value, clientA2: value, therapistA1: value,
  therapistA: value, adminA: value, adminB: value, therapistB: value,
});

/** Reminders, push subscriptions, notification settings. */
export const notificationProbes: Record<string, ActionProbe> = {
  'reminders.save': {
    entitled: ['clientA1', 'clientA2'],
    note: "Always the caller's own client record: A1's clientId in the form is ignored, so A2's save changes nothing of A1's.",
    input: (ctx) => ({
      clientId: ctx.a.clientId, enabled: 'on', email: 'on', push: '', checkinTime: '18:00', timeZone: 'Europe/London',
      quietStart: '22:00', quietEnd: '07:00', weeklyCap: '4', pausedUntil: '',
    }),
  },
  'push.subscribe': {
    entitled: 'every-permitted-role',
    note: "A subscription is stored for the caller's own membership; a membershipId in the form is ignored.",
    input: (ctx) => ({
      endpoint: `https://127.0.0.1:9/probe-${randomUUID()}`,
      p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
      auth: 'tBHItJI5svbpez7KI4CCXg',
      membershipId: ctx.world.A.clientA1.membershipId,
    }),
  },
  'notifications.saveDigest': {
    entitled: 'every-permitted-role',
    note: "Each clinician changes only their own opt-in; a membershipId in the form is ignored.",
    input: (ctx) => ({ dailyDigest: 'on', membershipId: ctx.world.A.therapist.membershipId }),
  },
  'practice.updateNotifications': {
    entitled: ['adminA', 'adminB'],
    note: 'Settings name no other record: each admin changes their own practice only (checked by the snapshot).',
    input: () => ({
      remindersOnByDefault: 'on', defaultCheckinTime: '18:00', defaultQuietStart: '21:00', defaultQuietEnd: '08:00',
      defaultWeeklyCap: '5', escalationWindowMinutes: '45',
    }),
  },
  'reminders.unsubscribe': {
    entitled: [],
    note: 'A forged token stops nothing, for anyone. (A real signed link is covered in the reminders tests.)',
    expect: everyone('refused' as const),
    input: (ctx) => ({ token: `${Buffer.from(`${ctx.world.A.id}.${ctx.a.clientId}.email`).toString('base64url')}.forged-signature` }),
    fuzzAs: 'signedOut',
  },
};
