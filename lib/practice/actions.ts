'use server';

import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { memberships, practices, users } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal, NotFoundRefusal } from '@/lib/access/errors';
import { runPublicAction } from './public-action';
import { confirmSignUpInput, settingsInput, signUpInput } from './schemas';
import { CHECK_YOUR_EMAIL, confirmSignUp, requestSignUp } from './signup';
import { LAST_ADMIN_MESSAGE, STAFF_ROLES } from './rules';
import { signInAfterChange } from '@/lib/auth/sign-in-after-change';
import { endPracticeSessions } from '@/lib/auth/sessions';
import { wakeJob } from '@/lib/jobs/queue';

/**
 * Public: asks for a new practice. The answer is the same whether or not the email has an account
 * (lib/practice/signup.ts); the practice exists once the emailed link is confirmed.
 */
export async function signUpPractice(_prev: unknown, payload: FormData | Record<string, unknown>) {
  return runPublicAction(
    {
      name: 'practice.signUp',
      input: signUpInput,
      secretFields: ['password', 'confirmPassword'],
      run: async (input) => {
        const outcome = await requestSignUp(input);
        if (outcome.kind === 'created') await signInAfterChange(outcome.email, input.password, '/admin?welcome=1');
        // The queued email goes out at once rather than at the next minute's run.
        await wakeJob('email.dispatch');
        return { message: CHECK_YOUR_EMAIL };
      },
    },
    payload,
  );
}
Object.assign(signUpPractice, { definition: { name: 'practice.signUp', permission: null } });

/** Public: the emailed link, confirmed with the password chosen at sign-up; creates the practice and signs its admin in. */
export async function confirmSignUpAction(_prev: unknown, payload: FormData | Record<string, unknown>) {
  return runPublicAction(
    {
      name: 'practice.confirmSignUp',
      input: confirmSignUpInput,
      secretFields: ['password'],
      run: async (input) => {
        const created = await confirmSignUp(input.token, input.password);
        await signInAfterChange(created.email, input.password, '/admin?welcome=1');
        return { practiceId: created.practiceId };
      },
    },
    payload,
  );
}
Object.assign(confirmSignUpAction, { definition: { name: 'practice.confirmSignUp', permission: null } });

const membershipInput = z.object({ membershipId: z.uuid('That person was not found.') });


async function memberForUpdate(tx: Tx, practiceId: string, membershipId: string) {
  await lockAdmins(tx, practiceId);
  const [member] = await tx
    .select({ membershipId: memberships.id, userId: users.id, role: memberships.role, status: memberships.status })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.practiceId, practiceId), eq(memberships.id, membershipId)))
    .for('update');
  if (!member) throw new NotFoundRefusal();
  return member;
}

/**
 * Locks every admin row of the practice, always in the same order, before any change to a member:
 * two admins removing each other at the same moment then queue rather than deadlock, and the
 * second sees the first's change when its turn comes.
 */
async function lockAdmins(tx: Tx, practiceId: string) {
  return tx
    .select({ id: memberships.id, status: memberships.status })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.practiceId, practiceId), eq(memberships.role, 'admin')))
    .orderBy(memberships.id)
    .for('update');
}

/** Refuses a change that would leave no active admin. */
async function assertAnotherActiveAdmin(tx: Tx, practiceId: string, membershipId: string) {
  const admins = await lockAdmins(tx, practiceId);
  const others = admins.filter((a) => a.id !== membershipId && a.status === 'active');
  if (others.length === 0) throw new ActionRefusal(LAST_ADMIN_MESSAGE);
}

/**
 * Ends access to this practice at once: the membership is deactivated and every session of the person
 * in this practice ended, effective at its next request. Their other practices are untouched.
 */
export const deactivateMember = defineAction({
  name: 'account.deactivate',
  refresh: true,
  permission: 'people.manage',
  input: membershipInput,
  run: async ({ actor, input, tx, audit }) => {
    const member = await memberForUpdate(tx, actor.practiceId, input.membershipId);
    if (member.status === 'deactivated') throw new ActionRefusal('That account is already deactivated.');
    if (member.role === 'admin') await assertAnotherActiveAdmin(tx, actor.practiceId, member.membershipId);
    await tx
      .update(memberships)
      .set({ status: 'deactivated' })
      .where(and(eq(memberships.practiceId, actor.practiceId), eq(memberships.id, member.membershipId)));
    await endPracticeSessions(tx, actor, member.userId, 'deactivated');
    audit({ entityType: 'membership', entityId: member.membershipId, meta: { role: member.role } });
    return { membershipId: member.membershipId };
  },
  successMessage: 'Account deactivated. They have been signed out of this practice.',
});

export const reactivateMember = defineAction({
  name: 'account.reactivate',
  refresh: true,
  permission: 'people.manage',
  input: membershipInput,
  run: async ({ actor, input, tx, audit }) => {
    const member = await memberForUpdate(tx, actor.practiceId, input.membershipId);
    if (member.status !== 'deactivated') throw new ActionRefusal('That account is not deactivated.');
    await tx
      .update(memberships)
      .set({ status: 'active' })
      .where(and(eq(memberships.practiceId, actor.practiceId), eq(memberships.id, member.membershipId)));
    audit({ entityType: 'membership', entityId: member.membershipId, meta: { role: member.role } });
    return { membershipId: member.membershipId };
  },
  successMessage: 'Account reactivated.',
});


export const changeRole = defineAction({
  name: 'account.changeRole',
  refresh: true,
  permission: 'people.manage',
  input: z.object({
    membershipId: z.uuid('That person was not found.'),
    role: z.enum(STAFF_ROLES, 'Choose admin or therapist.'),
  }),
  run: async ({ actor, input, tx, audit }) => {
    const member = await memberForUpdate(tx, actor.practiceId, input.membershipId);
    if (member.role === 'client') {
      throw new ActionRefusal('A client login cannot be given a staff role.', { role: ['A client login cannot be given a staff role.'] });
    }
    if (member.role === input.role) throw new ActionRefusal(`They are already ${input.role === 'admin' ? 'an admin' : 'a therapist'}.`);
    if (member.role === 'admin') await assertAnotherActiveAdmin(tx, actor.practiceId, member.membershipId);
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.practiceId, actor.practiceId), eq(memberships.id, member.membershipId), ne(memberships.role, 'client')));
    audit({ entityType: 'membership', entityId: member.membershipId, meta: { from: member.role, to: input.role } });
    return { membershipId: member.membershipId, role: input.role };
  },
  successMessage: 'Role changed.',
});

export const updateSettings = defineAction({
  name: 'practice.updateSettings',
  refresh: true,
  permission: 'practice.settings',
  input: settingsInput,
  run: async ({ actor, input, tx, audit }) => {
    const updated = await tx
      .update(practices)
      .set({
        name: input.name,
        timeZone: input.timeZone,
        safetyQuestionEnabled: input.safetyQuestionEnabled,
        idleTimeoutMinutes: input.idleTimeoutMinutes,
        crisisContacts: input.crisisContacts,
        measureDefaults: input.measureDefaults,
      })
      .where(eq(practices.id, actor.practiceId))
      .returning({ id: practices.id });
    if (!updated.length) throw new NotFoundRefusal();
    audit({
      entityType: 'practice',
      entityId: actor.practiceId,
      meta: {
        idleTimeoutMinutes: input.idleTimeoutMinutes,
        safetyQuestionEnabled: input.safetyQuestionEnabled,
        crisisContacts: input.crisisContacts.length,
        measureDefaults: input.measureDefaults.length,
      },
    });
    return { practiceId: actor.practiceId };
  },
  successMessage: 'Settings saved.',
});
