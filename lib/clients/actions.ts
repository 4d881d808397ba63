'use server';

import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { careTeam, clients, memberships, users } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal, NotFoundRefusal } from '@/lib/access/errors';
import { clientRecordInput } from './schemas';

export const createClient = defineAction({
  name: 'client.create',
  permission: 'client.create',
  input: clientRecordInput,
  run: async ({ actor, input, tx, audit }) => {
    const ids = [...new Set(input.therapistMembershipIds)];
    if (ids.length) {
      // The ids come from the form: each must be a therapist of this practice.
      const found = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.practiceId, actor.practiceId), inArray(memberships.id, ids), eq(memberships.role, 'therapist')));
      if (found.length !== ids.length) {
        throw new ActionRefusal('Choose therapists from this practice.', { therapistMembershipIds: ['Choose therapists from this practice.'] });
      }
    }
    const clientId = randomUUID();
    await tx.insert(clients).values({
      practiceId: actor.practiceId,
      id: clientId,
      firstName: input.firstName,
      lastName: input.lastName,
      preferredName: input.preferredName,
      pronouns: input.pronouns,
      email: input.email,
      intakeDate: input.intakeDate,
    });
    if (ids.length) {
      await tx.insert(careTeam).values(ids.map((membershipId) => ({ practiceId: actor.practiceId, clientId, membershipId })));
    }
    audit({ entityType: 'client', entityId: clientId, clientId, meta: { careTeamSize: ids.length } });
    return { clientId };
  },
  // Only admins create records; they continue on the admin's page for that client (care team, portal invitation).
  redirectTo: (data) => `/admin/clients/${data.clientId}`,
});

const CLIENT_STATUSES = ['active', 'paused', 'discharged', 'archived'] as const;
type ClientStatus = (typeof CLIENT_STATUSES)[number];

/** Which status changes make sense: archiving is the end of the line, reachable once care has ended. */
const STATUS_MOVES: Record<ClientStatus, readonly ClientStatus[]> = {
  active: ['paused', 'discharged'],
  paused: ['active', 'discharged'],
  discharged: ['active', 'archived'],
  archived: ['discharged'],
};

async function clientInPractice(tx: Tx, practiceId: string, clientId: string) {
  const [row] = await tx
    .select({ id: clients.id, status: clients.status })
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)))
    .for('update');
  if (!row) throw new NotFoundRefusal();
  return row;
}

async function assertTherapists(tx: Tx, practiceId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.practiceId, practiceId),
        inArray(memberships.id, ids),
        inArray(memberships.role, ['therapist', 'admin']),
        eq(memberships.status, 'active'),
      ),
    );
  if (found.length !== ids.length) {
    throw new ActionRefusal('Choose active clinicians from this practice.', { [field]: ['Choose active clinicians from this practice.'] });
  }
}

/** The record's non-clinical details. The care team and status have their own actions. */
export const updateClient = defineAction({
  name: 'client.update',
  refresh: true,
  permission: 'client.manage',
  input: clientRecordInput.omit({ therapistMembershipIds: true }).extend({ clientId: z.uuid('That client was not found.') }),
  run: async ({ actor, input, tx, audit }) => {
    await clientInPractice(tx, actor.practiceId, input.clientId);
    await tx
      .update(clients)
      .set({
        firstName: input.firstName,
        lastName: input.lastName,
        preferredName: input.preferredName,
        pronouns: input.pronouns,
        email: input.email,
        intakeDate: input.intakeDate,
      })
      .where(and(eq(clients.practiceId, actor.practiceId), eq(clients.id, input.clientId)));
    audit({ entityType: 'client', entityId: input.clientId, clientId: input.clientId });
    return { clientId: input.clientId };
  },
  successMessage: 'Client details saved.',
});

/** Sets one client's care team to exactly the chosen clinicians. */
export const setCareTeam = defineAction({
  name: 'client.setCareTeam',
  refresh: true,
  permission: 'client.manage',
  input: z.object({
    clientId: z.uuid('That client was not found.'),
    membershipIds: z.array(z.uuid('Choose clinicians from the list.')).max(10, 'Choose at most 10 clinicians.').default([]),
  }),
  run: async ({ actor, input, tx, audit }) => {
    await clientInPractice(tx, actor.practiceId, input.clientId);
    const ids = [...new Set(input.membershipIds)];
    await assertTherapists(tx, actor.practiceId, ids, 'membershipIds');
    const current = await tx
      .select({ id: careTeam.membershipId })
      .from(careTeam)
      .where(and(eq(careTeam.practiceId, actor.practiceId), eq(careTeam.clientId, input.clientId)));
    const before = new Set(current.map((c) => c.id));
    const removed = [...before].filter((id) => !ids.includes(id));
    const added = ids.filter((id) => !before.has(id));
    if (removed.length) {
      await tx
        .delete(careTeam)
        .where(and(eq(careTeam.practiceId, actor.practiceId), eq(careTeam.clientId, input.clientId), inArray(careTeam.membershipId, removed)));
    }
    if (added.length) {
      await tx.insert(careTeam).values(added.map((membershipId) => ({ practiceId: actor.practiceId, clientId: input.clientId, membershipId })));
    }
    audit({ entityType: 'client', entityId: input.clientId, clientId: input.clientId, meta: { added: added.length, removed: removed.length } });
    return { clientId: input.clientId, added: added.length, removed: removed.length };
  },
  successMessage: 'Care team saved.',
});

/**
 * Moves clients to another clinician, singly or in bulk: the new clinician joins each care team and,
 * when a "from" clinician is given, that clinician leaves it. One audit row per client moved.
 */
export const moveClients = defineAction({
  name: 'client.moveCareTeam',
  refresh: true,
  permission: 'client.manage',
  input: z
    .object({
      clientIds: z.array(z.uuid('Choose clients from the list.')).min(1, 'Choose at least one client.').max(500),
      toMembershipId: z.uuid('Choose who the clients move to.'),
      fromMembershipId: z
        .union([z.literal(''), z.uuid('Choose a clinician from the list.')])
        .optional()
        .transform((v) => v || null),
    })
    .refine((v) => v.toMembershipId !== v.fromMembershipId, { path: ['toMembershipId'], message: 'Choose a different clinician to move to.' }),
  run: async ({ actor, input, tx, audit, alsoAudit }) => {
    const ids = [...new Set(input.clientIds)];
    const found = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.practiceId, actor.practiceId), inArray(clients.id, ids)));
    if (found.length !== ids.length) throw new ActionRefusal('Some of those clients were not found.', { clientIds: ['Choose clients from the list.'] });
    await assertTherapists(tx, actor.practiceId, [input.toMembershipId], 'toMembershipId');
    if (input.fromMembershipId) {
      const [from] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.practiceId, actor.practiceId), eq(memberships.id, input.fromMembershipId)));
      if (!from) throw new ActionRefusal('Choose a clinician from the list.', { fromMembershipId: ['Choose a clinician from the list.'] });
      await tx
        .delete(careTeam)
        .where(
          and(eq(careTeam.practiceId, actor.practiceId), eq(careTeam.membershipId, input.fromMembershipId), inArray(careTeam.clientId, ids)),
        );
    }
    await tx
      .insert(careTeam)
      .values(ids.map((clientId) => ({ practiceId: actor.practiceId, clientId, membershipId: input.toMembershipId })))
      .onConflictDoNothing();
    audit({ entityType: 'membership', entityId: input.toMembershipId, meta: { clients: ids.length, from: input.fromMembershipId } });
    for (const clientId of ids) {
      alsoAudit({ action: 'client.careTeamChanged', entityType: 'client', entityId: clientId, clientId, meta: { to: input.toMembershipId, from: input.fromMembershipId } });
    }
    return { moved: ids.length };
  },
  successMessage: 'Clients moved.',
});

export const changeClientStatus = defineAction({
  name: 'client.changeStatus',
  refresh: true,
  permission: 'client.manage',
  input: z.object({
    clientId: z.uuid('That client was not found.'),
    status: z.enum(CLIENT_STATUSES, 'Choose active, paused, discharged or archived.'),
  }),
  run: async ({ actor, input, tx, audit }) => {
    const client = await clientInPractice(tx, actor.practiceId, input.clientId);
    if (!STATUS_MOVES[client.status].includes(input.status)) {
      throw new ActionRefusal(
        client.status === input.status
          ? `The client is already ${client.status}.`
          : `A ${client.status} client cannot be made ${input.status} directly.`,
        { status: [`From ${client.status}: ${STATUS_MOVES[client.status].join(' or ')}.`] },
      );
    }
    await tx.update(clients).set({ status: input.status }).where(and(eq(clients.practiceId, actor.practiceId), eq(clients.id, input.clientId)));
    audit({ entityType: 'client', entityId: input.clientId, clientId: input.clientId, meta: { from: client.status, to: input.status } });
    return { clientId: input.clientId, status: input.status };
  },
  successMessage: 'Status changed.',
});
