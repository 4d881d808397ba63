import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection';
import { alerts, assignmentOccurrences, assignments, auditEvents, checkins, practices } from '../../db/schema';
import { ALERT_TRIGGERS, type AlertKind } from '../../lib/alerts/triggers';
import { ownerScoped } from '../../db/seed/factories';
import { openTestDatabase } from './database';

/** Owner-side reads and setup for the check-in and measure tests (RLS still keyed on the practice). */
export async function asOwner<T>(practiceId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const owner = await (await openTestDatabase()).owner();
  return ownerScoped(owner, practiceId, fn);
}

export async function setPractice(practiceId: string, values: Partial<typeof practices.$inferInsert>) {
  await asOwner(practiceId, (tx) => tx.update(practices).set(values).where(eq(practices.id, practiceId)));
}

const HOUR_MS = 3_600_000;

export type CheckinRow = Omit<typeof checkins.$inferInsert, 'practiceId' | 'clientId' | 'mood' | 'distress' | 'window'> &
  Partial<Pick<typeof checkins.$inferInsert, 'mood' | 'distress' | 'window'>>;

/**
 * Check-ins written straight to the table on the owner connection (history a test needs, not the client's
 * action). Unset fields: mood 5, distress 30, within the window. Returns the ids in order.
 */
export async function insertCheckins(practiceId: string, clientId: string, rows: readonly CheckinRow[]): Promise<string[]> {
  const values = rows.map((row) => ({ mood: 5, distress: 30, window: 'within' as const, ...row, id: row.id ?? randomUUID(), practiceId, clientId }));
  for (let i = 0; i < values.length; i += 200) await asOwner(practiceId, (tx) => tx.insert(checkins).values(values.slice(i, i + 200)));
  return values.map((v) => v.id);
}

/**
 * An open alert of `kind` (its tier and client-safe reason from the trigger table), raised `hoursAgo` hours
 * ago (default 1), acknowledged when `acknowledgedBy` names a membership. Returns its id.
 */
export async function insertAlert(
  practiceId: string,
  clientId: string,
  kind: AlertKind,
  options: { hoursAgo?: number; acknowledgedBy?: string; reason?: string } = {},
): Promise<string> {
  const id = randomUUID();
  const trigger = ALERT_TRIGGERS[kind];
  await asOwner(practiceId, (tx) =>
    tx.insert(alerts).values({
      practiceId,
      id,
      clientId,
      kind,
      tier: trigger.tier,
      reason: options.reason ?? trigger.reason,
      sourceType: 'measure',
      sourceId: randomUUID(),
      raisedAt: new Date(Date.now() - (options.hoursAgo ?? 1) * HOUR_MS),
      acknowledgedAt: options.acknowledgedBy ? new Date() : null,
      acknowledgedByMembershipId: options.acknowledgedBy ?? null,
      acknowledgementAction: options.acknowledgedBy ? 'contacted_client' : null,
    }),
  );
  return id;
}

export function alertsOf(practiceId: string, clientId: string) {
  return asOwner(practiceId, (tx) =>
    tx.select().from(alerts).where(and(eq(alerts.practiceId, practiceId), eq(alerts.clientId, clientId))),
  );
}

/** A thought record assigned to a client by a therapist, with one occurrence due; written as the database owner. Returns the occurrence id. */
export type AssignOptions = {
  templateKey?: string;
  /** null: a custom exercise's newest version at the time it is opened. */
  templateVersion?: number | null;
  occurrenceStatus?: 'due' | 'cancelled' | 'reviewed';
};

/** An exercise (a thought record unless told) assigned to a client with one occurrence due on 6 January 2025, written as the database owner. */
export async function assignExercise(
  practiceId: string,
  clientId: string,
  byMembershipId: string,
  opts: AssignOptions = {},
): Promise<{ assignmentId: string; occurrenceId: string }> {
  return asOwner(practiceId, async (tx) => {
    const [a] = await tx
      .insert(assignments)
      .values({
        practiceId,
        clientId,
        kind: 'exercise',
        templateKey: opts.templateKey ?? 'thought_record',
        templateVersion: opts.templateVersion === undefined ? 1 : opts.templateVersion,
        instructions: 'Try this after a hard moment.',
        startDate: '2025-01-06',
        timeZone: 'America/New_York',
        recurrence: { kind: 'once' },
        createdByMembershipId: byMembershipId,
      })
      .returning();
    const [o] = await tx
      .insert(assignmentOccurrences)
      .values({
        practiceId,
        assignmentId: a!.id,
        clientId,
        index: 0,
        localDate: '2025-01-06',
        dueAt: new Date('2025-01-07T01:00:00Z'),
        status: opts.occurrenceStatus ?? 'due',
      })
      .returning();
    return { assignmentId: a!.id, occurrenceId: o!.id };
  });
}

/** A thought record assigned to a client; returns its occurrence's id. */
export async function assignThoughtRecord(practiceId: string, clientId: string, byMembershipId: string): Promise<string> {
  return (await assignExercise(practiceId, clientId, byMembershipId)).occurrenceId;
}

export function auditOf(practiceId: string, action: string) {
  return asOwner(practiceId, (tx) =>
    tx.select().from(auditEvents).where(and(eq(auditEvents.practiceId, practiceId), eq(auditEvents.action, action))),
  );
}

/**
 * Makes every alert insert for one client fail inside the database, to prove the answer that raised it rolls
 * back with it. Scoped to that client so tests running beside it on a shared server are untouched.
 */
export async function failAlertInsertsFor(clientId: string): Promise<() => Promise<void>> {
  const tag = randomUUID().replaceAll('-', '').slice(0, 12);
  const fn = sql.raw(`mend_test_fail_alert_${tag}`);
  const trigger = sql.raw(`mend_test_fail_alert_${tag}`);
  const owner = await (await openTestDatabase()).owner();
  await owner.execute(sql`create function ${fn}() returns trigger language plpgsql as $$ begin raise exception 'alert insert refused by test'; end $$`);
  await owner.execute(
    sql`create trigger ${trigger} before insert on alerts for each row when (new.client_id = ${sql.raw(`'${clientId}'::uuid`)}) execute function ${fn}()`,
  );
  return async () => {
    await owner.execute(sql`drop trigger if exists ${trigger} on alerts`);
    await owner.execute(sql`drop function if exists ${fn}()`);
  };
}
