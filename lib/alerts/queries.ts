import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { alerts, clients, memberships, users } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { canReadClinical, withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { displayName } from '@/lib/clients/queries';
import { OUR_RULES } from '@/lib/measures/rules';
import { ACK_ACTION_LABELS, ALERT_TRIGGERS, type AckAction, type AlertTier, ALERT_KINDS, type AlertKind } from './triggers';
import { recordRead } from '@/lib/audit/record';

export interface AlertListItem {
  id: string;
  clientId: string;
  clientName: string;
  kind: string;
  tier: AlertTier;
  /** Short title from the trigger table; the stored reason when the kind is unknown. */
  title: string;
  reason: string;
  raisedAt: Date;
  /** Urgent and unacknowledged for longer than OUR_RULES.urgentEscalationHours: shown to admins too. */
  escalated: boolean;
  acknowledged: null | {
    at: Date;
    byName: string | null;
    action: string;
    actionLabel: string;
    note: string | null;
  };
}

const isKnownKind = (kind: string): kind is AlertKind => (ALERT_KINDS as readonly string[]).includes(kind);
const isAckAction = (action: string): action is AckAction => action in ACK_ACTION_LABELS;

export function escalationCutoff(now: Date = new Date()): Date {
  return new Date(now.getTime() - OUR_RULES.urgentEscalationHours * 3_600_000);
}

export function isEscalated(alert: { tier: string; acknowledgedAt: Date | null; raisedAt: Date }, now: Date = new Date()): boolean {
  return alert.tier === 'urgent' && alert.acknowledgedAt === null && alert.raisedAt <= escalationCutoff(now);
}

// Urgent first, then the newest: the one most likely to need a call today sits on top.
const urgencyOrder = sql`case when ${alerts.tier} = 'urgent' then 0 else 1 end`;

const alertColumns = {
  id: alerts.id,
  clientId: alerts.clientId,
  kind: alerts.kind,
  tier: alerts.tier,
  reason: alerts.reason,
  raisedAt: alerts.raisedAt,
  acknowledgedAt: alerts.acknowledgedAt,
  acknowledgementAction: alerts.acknowledgementAction,
  acknowledgementNote: alerts.acknowledgementNote,
  firstName: clients.firstName,
  lastName: clients.lastName,
  preferredName: clients.preferredName,
  acknowledgedByName: users.name,
};

type AlertRow = {
  id: string;
  clientId: string;
  kind: string;
  tier: AlertTier;
  reason: string;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgementAction: string | null;
  acknowledgementNote: string | null;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  acknowledgedByName: string | null;
};

function toItem(row: AlertRow, now: Date, withClinicalText: boolean): AlertListItem {
  return {
    id: row.id,
    clientId: row.clientId,
    clientName: displayName(row),
    // An admin off the care team learns that an urgent alert waits, not what triggered it.
    kind: withClinicalText ? row.kind : 'escalated',
    tier: row.tier,
    title:
      withClinicalText && isKnownKind(row.kind)
        ? ALERT_TRIGGERS[row.kind].title
        : row.tier === 'urgent'
          ? 'Urgent alert'
          : 'Follow-up alert',
    reason: withClinicalText ? row.reason : '',
    raisedAt: row.raisedAt,
    escalated: isEscalated(row, now),
    acknowledged: row.acknowledgedAt
      ? {
          at: row.acknowledgedAt,
          byName: row.acknowledgedByName,
          action: row.acknowledgementAction ?? '',
          actionLabel: row.acknowledgementAction && isAckAction(row.acknowledgementAction) ? ACK_ACTION_LABELS[row.acknowledgementAction] : '—',
          note: withClinicalText ? row.acknowledgementNote : null,
        }
      : null,
  };
}

function baseQuery(tx: Parameters<Parameters<typeof withActor>[1]>[0]) {
  return tx
    .select(alertColumns)
    .from(alerts)
    .innerJoin(clients, and(eq(clients.practiceId, alerts.practiceId), eq(clients.id, alerts.clientId)))
    .leftJoin(
      memberships,
      and(eq(memberships.practiceId, alerts.practiceId), eq(memberships.id, alerts.acknowledgedByMembershipId)),
    )
    .leftJoin(users, eq(users.id, memberships.userId));
}

/** Open alerts for the clients on the actor's care team, urgent first, then newest. */
export async function listOpenAlerts(actor: Actor, now: Date = new Date()): Promise<AlertListItem[]> {
  assertCan(actor, 'alert.view');
  const team = [...actor.careTeamClientIds];
  if (!team.length) return [];
  return withActor(actor, async (tx) => {
    const rows = await baseQuery(tx)
      .where(and(eq(alerts.practiceId, actor.practiceId), inArray(alerts.clientId, team), isNull(alerts.acknowledgedAt)))
      .orderBy(urgencyOrder, desc(alerts.raisedAt));
    if (rows.length) await recordRead(tx, actor, { action: 'alerts.view', entityType: 'alert', meta: { alerts: rows.length, clients: new Set(rows.map((r) => r.clientId)).size } });
    return rows.map((r) => toItem(r, now, true));
  });
}

/**
 * For a practice admin: urgent alerts left unacknowledged beyond the escalation window, across the whole
 * practice (docs/clinical.md §5.3). Clients off the admin's care team are shown without the alert's clinical text.
 */
export async function listEscalatedAlerts(actor: Actor, now: Date = new Date()): Promise<AlertListItem[]> {
  assertCan(actor, 'alert.view');
  if (actor.role !== 'admin') return [];
  return withActor(actor, async (tx) => {
    const rows = await baseQuery(tx)
      .where(
        and(
          eq(alerts.practiceId, actor.practiceId),
          eq(alerts.tier, 'urgent'),
          isNull(alerts.acknowledgedAt),
          lte(alerts.raisedAt, escalationCutoff(now)),
        ),
      )
      .orderBy(asc(alerts.raisedAt));
    const clinical = rows.filter((r) => canReadClinical(actor, r.clientId)).length;
    if (rows.length) await recordRead(tx, actor, { action: 'alerts.viewEscalated', entityType: 'alert', meta: { alerts: rows.length, withClinicalText: clinical } });
    return rows.map((r) => toItem(r, now, canReadClinical(actor, r.clientId)));
  });
}

/** One client's alerts for the client page: open ones first, then the acknowledged history (most recent first). */
export async function listClientAlerts(actor: Actor, clientId: string, now: Date = new Date()): Promise<AlertListItem[] | null> {
  assertCan(actor, 'alert.view');
  if (actor.role === 'client' || !canReadClinical(actor, clientId)) return null;
  return withActor(actor, async (tx) => {
    const rows = await baseQuery(tx)
      .where(and(eq(alerts.practiceId, actor.practiceId), eq(alerts.clientId, clientId)))
      .orderBy(sql`${alerts.acknowledgedAt} is not null`, urgencyOrder, desc(alerts.raisedAt))
      .limit(50);
    return rows.map((r) => toItem(r, now, true));
  });
}
