'use server';

import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { alerts } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal, NotFoundRefusal } from '@/lib/access/errors';
import { canReadClinical } from '@/lib/access/scope';
import { acknowledgementSchema } from './triggers';
import { isEscalated } from './queries';

const acknowledgeInput = z
  .looseObject({ alertId: z.uuid({ error: 'Choose an alert to acknowledge.' }) })
  .transform((value, ctx) => {
    const { alertId, action, reason } = value as { alertId: string; action?: unknown; reason?: unknown };
    // Reuses the one acknowledgement rule (reason required for "no action needed"), issues kept on their fields.
    const parsed = acknowledgementSchema.safeParse({ action, reason: reason === '' ? undefined : reason });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { alertId, ...parsed.data };
  });

/**
 * The care team acknowledges an alert with what was done. A practice admin may also acknowledge an urgent alert
 * that has waited past the escalation window, for any client, because it is shown to them for that reason.
 */
export const acknowledgeAlert = defineAction({
  name: 'alert.acknowledge',
  refresh: true,
  permission: 'alert.acknowledge',
  input: acknowledgeInput,
  run: async ({ actor, input, tx, audit }) => {
    const [alert] = await tx
      .select({
        id: alerts.id,
        clientId: alerts.clientId,
        tier: alerts.tier,
        kind: alerts.kind,
        raisedAt: alerts.raisedAt,
        acknowledgedAt: alerts.acknowledgedAt,
      })
      .from(alerts)
      .where(and(eq(alerts.practiceId, actor.practiceId), eq(alerts.id, input.alertId)))
      .for('update');
    if (!alert) throw new NotFoundRefusal();
    const onCareTeam = actor.role !== 'client' && canReadClinical(actor, alert.clientId);
    const escalatedToAdmin = actor.role === 'admin' && isEscalated(alert);
    if (!onCareTeam && !escalatedToAdmin) throw new NotFoundRefusal();
    if (alert.acknowledgedAt) {
      throw new ActionRefusal('This alert has already been acknowledged. Nothing was changed.');
    }
    const updated = await tx
      .update(alerts)
      .set({
        acknowledgedAt: new Date(),
        acknowledgedByMembershipId: actor.membershipId,
        acknowledgementAction: input.action,
        acknowledgementNote: input.reason ?? null,
      })
      .where(and(eq(alerts.practiceId, actor.practiceId), eq(alerts.id, alert.id), isNull(alerts.acknowledgedAt)))
      .returning({ id: alerts.id });
    if (updated.length !== 1) throw new ActionRefusal('This alert has already been acknowledged. Nothing was changed.');
    audit({
      entityType: 'alert',
      entityId: alert.id,
      clientId: alert.clientId,
      // Ids only: the audit trail is read by admins who may not be on the care team.
      meta: { asEscalation: !onCareTeam },
    });
    return { alertId: alert.id };
  },
  successMessage: 'Alert acknowledged.',
});
