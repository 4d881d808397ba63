import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { alerts } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/types';
import type { AlertDraft, AlertKind, AlertTier } from './triggers';

/** Who raised the alerts: the actor whose answer triggered them (an Actor fits). */
export type AlertRaiser = Pick<Actor, 'practiceId' | 'userId' | 'role'>;

export type AlertSourceType = 'measure' | 'checkin' | 'submission' | 'change';

export type RaiseAlertsInput = {
  /** The client the answer belongs to: always resolved by the caller from its own scope, never from a form. */
  clientId: string;
  /** What caused the alerts: a measure administration, a check-in, an exercise submission, or a change in scores. */
  sourceType: AlertSourceType;
  /** Id of that row (for 'change', the administration that showed the change). */
  sourceId: string;
  /** From the pure trigger functions in lib/alerts/triggers.ts (alertsForPhq9, alertsForCheckin, …). */
  drafts: readonly AlertDraft[];
};

export type RaisedAlert = { id: string; kind: AlertKind; tier: AlertTier };

/** The care-team wording stored on the alert: the trigger's title and the conditions that matched. */
function reasonFor(draft: AlertDraft): string {
  return draft.matched.length ? `${draft.title} (${draft.matched.join('; ')})` : draft.title;
}

/**
 * Raises safety alerts (docs/clinical.md §5.1) inside the caller's transaction, so an alert commits or rolls back with
 * the answer that caused it. Each (source, kind) is inserted at most once — ON CONFLICT DO NOTHING on the
 * alerts_source_kind_key — so a retried or edited answer never raises the same alert twice. Writes one
 * 'alert.raise' audit row (ids only) per alert actually raised.
 *
 * Returns only the alerts newly raised by this call; an empty array when every draft already had its alert.
 * Callers decide whether the client sees the crisis panel from the drafts (a trigger matched), not from this.
 */
export async function raiseAlerts(tx: Tx, raiser: AlertRaiser, input: RaiseAlertsInput): Promise<RaisedAlert[]> {
  if (input.drafts.length === 0) return [];
  const rows = await tx
    .insert(alerts)
    .values(
      input.drafts.map((draft) => ({
        practiceId: raiser.practiceId,
        clientId: input.clientId,
        kind: draft.kind,
        tier: draft.tier,
        reason: reasonFor(draft),
        sourceType: input.sourceType,
        sourceId: input.sourceId,
      })),
    )
    .onConflictDoNothing({ target: [alerts.practiceId, alerts.sourceType, alerts.sourceId, alerts.kind] })
    .returning({ id: alerts.id, kind: alerts.kind, tier: alerts.tier });

  const raised = rows.map((r) => ({ id: r.id, kind: r.kind as AlertKind, tier: r.tier }));
  for (const alert of raised) {
    await recordAudit(tx, raiser, {
      action: 'alert.raise',
      entityType: 'alert',
      entityId: alert.id,
      clientId: input.clientId,
      meta: { sourceType: input.sourceType, sourceId: input.sourceId },
    });
  }
  return raised;
}

/** Kinds among `kinds` that already have an unacknowledged alert for the client (for withoutOpenKinds). */
export async function openAlertKinds(tx: Tx, practiceId: string, clientId: string, kinds: readonly AlertKind[]): Promise<AlertKind[]> {
  if (kinds.length === 0) return [];
  const rows = await tx
    .select({ kind: alerts.kind })
    .from(alerts)
    .where(
      and(
        eq(alerts.practiceId, practiceId),
        eq(alerts.clientId, clientId),
        isNull(alerts.acknowledgedAt),
        inArray(alerts.kind, [...kinds]),
      ),
    );
  return [...new Set(rows.map((r) => r.kind as AlertKind))];
}
