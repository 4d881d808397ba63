import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { auditEvents, clients, users } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { displayName } from '@/lib/clients/queries';
import { toCsv } from '@/lib/export/csv';
import { isUuid } from '@/lib/access/ids';
import { isLocalDay } from '@/lib/time/day';
import { isoInZone } from '@/lib/time/day';
import { auditActionLabel } from './labels';

export type AuditFilters = {
  person: string | null;
  client: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
  page: number;
};

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_LIMIT = 50_000;

/** Reads the filters from the URL; malformed values are dropped, not passed to SQL. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const one = (k: string) => (typeof params[k] === 'string' ? (params[k] as string).trim() : '');
  // A real calendar day only: Postgres refuses days like 2024-02-30.
  const validDay = (v: string) => (v >= '1900-01-01' && v <= '9999-12-31' && isLocalDay(v) ? v : null);
  const page = Number.parseInt(one('page'), 10);
  return {
    person: isUuid(one('person')) ? one('person') : null,
    client: isUuid(one('client')) ? one('client') : null,
    action: /^[a-zA-Z.]{1,80}$/.test(one('action')) ? one('action') : null,
    from: validDay(one('from')),
    to: validDay(one('to')),
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1,
  };
}

export type AuditRow = {
  id: string;
  at: Date;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  clientId: string | null;
  clientName: string | null;
  meta: Record<string, string | number | boolean | null> | null;
};

function conditions(actor: Actor, f: AuditFilters): SQL[] {
  const out: SQL[] = [eq(auditEvents.practiceId, actor.practiceId)];
  if (f.person) out.push(eq(auditEvents.actorUserId, f.person));
  if (f.client) out.push(eq(auditEvents.clientId, f.client));
  if (f.action) out.push(eq(auditEvents.action, f.action));
  // Dates are the practice's local days, inclusive at both ends.
  if (f.from) out.push(sql`${auditEvents.at} >= (${f.from}::date)::timestamp at time zone ${actor.practice.timeZone}`);
  if (f.to) out.push(sql`${auditEvents.at} < ((${f.to}::date + 1)::timestamp at time zone ${actor.practice.timeZone})`);
  return out;
}

async function query(actor: Actor, f: AuditFilters, limit: number, offset: number): Promise<AuditRow[]> {
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        actorName: users.name,
        actorRole: auditEvents.actorRole,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        clientId: auditEvents.clientId,
        firstName: clients.firstName,
        lastName: clients.lastName,
        preferredName: clients.preferredName,
        meta: auditEvents.meta,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .leftJoin(clients, and(eq(clients.practiceId, auditEvents.practiceId), eq(clients.id, auditEvents.clientId)))
      .where(and(...conditions(actor, f)))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(limit)
      .offset(offset);
    return rows.map(({ firstName, lastName, preferredName, ...r }) => ({
      ...r,
      clientName: firstName && lastName ? displayName({ firstName, lastName, preferredName }) : null,
    }));
  });
}

/** One page of the trail, newest first, plus whether another page follows. */
export async function listAuditEvents(actor: Actor, f: AuditFilters): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  assertCan(actor, 'audit.view');
  const rows = await query(actor, f, AUDIT_PAGE_SIZE + 1, (f.page - 1) * AUDIT_PAGE_SIZE);
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

/** The filter choices: the actions that occur and the people who acted, in this practice only. */
export async function auditFilterOptions(actor: Actor) {
  assertCan(actor, 'audit.view');
  return withActor(actor, async (tx) => {
    const actions = await tx
      .selectDistinct({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.practiceId, actor.practiceId))
      .orderBy(asc(auditEvents.action));
    const people = await tx
      .selectDistinct({ id: users.id, name: users.name })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(eq(auditEvents.practiceId, actor.practiceId))
      .orderBy(asc(users.name));
    const clientRows = await tx
      .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, preferredName: clients.preferredName })
      .from(clients)
      .where(eq(clients.practiceId, actor.practiceId))
      .orderBy(asc(clients.lastName), asc(clients.firstName));
    return {
      actions: actions.map((a) => a.action),
      people,
      clients: clientRows.map((c) => ({ id: c.id, name: displayName(c) })),
    };
  });
}

/** The filtered trail as CSV. The export is itself an audited event (who took a copy, with which filters). */
export async function exportAuditCsv(actor: Actor, f: AuditFilters): Promise<string> {
  assertCan(actor, 'audit.view');
  const rows = await query(actor, f, EXPORT_LIMIT, 0);
  const { recordAudit } = await import('./record');
  await withActor(actor, (tx) =>
    recordAudit(tx, actor, {
      action: 'audit.export',
      meta: { rows: rows.length, person: f.person, client: f.client, action: f.action, from: f.from, to: f.to },
    }),
  );
  const timeZone = actor.practice.timeZone;
  return toCsv(
    ['at', 'actor', 'actor_role', 'action', 'action_label', 'entity_type', 'entity_id', 'client_id', 'client', 'details'],
    rows.map((r) => [
      // The practice's wall clock, as on the screen, with its offset so the instant stays exact.
      isoInZone(r.at, timeZone),
      r.actorName,
      r.actorRole,
      r.action,
      auditActionLabel(r.action),
      r.entityType,
      r.entityId,
      r.clientId,
      r.clientName,
      r.meta ? JSON.stringify(r.meta) : null,
    ]),
  );
}
