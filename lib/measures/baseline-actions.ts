'use server';

import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { measureAdministrations } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal, NotFoundRefusal } from '@/lib/access/errors';
import { canReadClinical } from '@/lib/access/scope';

const markBaselineInput = z.object({ administrationId: z.uuid({ error: 'Choose an administration.' }) });

/**
 * The therapist picks which completed administration change is read against (docs/clinical.md §2.1); the one previously
 * marked for that measure stops being the baseline, so there is only ever one.
 */
export const markBaseline = defineAction({
  name: 'measure.markBaseline',
  refresh: true,
  permission: 'measure.markBaseline',
  input: markBaselineInput,
  run: async ({ actor, input, tx, audit }) => {
    const [row] = await tx
      .select({
        id: measureAdministrations.id,
        clientId: measureAdministrations.clientId,
        measure: measureAdministrations.measure,
        status: measureAdministrations.status,
        isBaseline: measureAdministrations.isBaseline,
      })
      .from(measureAdministrations)
      .where(and(eq(measureAdministrations.practiceId, actor.practiceId), eq(measureAdministrations.id, input.administrationId)));
    if (!row || actor.role === 'client' || !canReadClinical(actor, row.clientId)) throw new NotFoundRefusal();
    if (row.status !== 'complete') throw new ActionRefusal('An incomplete administration has no score, so it cannot be the baseline.');
    if (row.isBaseline) throw new ActionRefusal('That administration is already the baseline.');
    await tx
      .update(measureAdministrations)
      .set({ isBaseline: false })
      .where(
        and(
          eq(measureAdministrations.practiceId, actor.practiceId),
          eq(measureAdministrations.clientId, row.clientId),
          eq(measureAdministrations.measure, row.measure),
          eq(measureAdministrations.isBaseline, true),
        ),
      );
    await tx
      .update(measureAdministrations)
      .set({ isBaseline: true })
      .where(and(eq(measureAdministrations.practiceId, actor.practiceId), eq(measureAdministrations.id, row.id)));
    audit({ entityType: 'measure_administration', entityId: row.id, clientId: row.clientId, meta: { measure: row.measure } });
    return { administrationId: row.id };
  },
  successMessage: 'Baseline updated.',
});
