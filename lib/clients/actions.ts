'use server';

import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { careTeam, clients, memberships } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal } from '@/lib/access/errors';
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
  redirectTo: (data) => `/clients/${data.clientId}`,
});
