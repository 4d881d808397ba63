import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection';
import { alerts, assignmentOccurrences, assignments, auditEvents, practices } from '../../db/schema';
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

export function alertsOf(practiceId: string, clientId: string) {
  return asOwner(practiceId, (tx) =>
    tx.select().from(alerts).where(and(eq(alerts.practiceId, practiceId), eq(alerts.clientId, clientId))),
  );
}

/** A thought record assigned to a client by a therapist, with one occurrence due; written as the database owner. Returns the occurrence id. */
export async function assignThoughtRecord(practiceId: string, clientId: string, byMembershipId: string): Promise<string> {
  return asOwner(practiceId, async (tx) => {
    const [a] = await tx
      .insert(assignments)
      .values({
        practiceId, clientId, kind: 'exercise', templateKey: 'thought_record', templateVersion: 1, instructions: 'Try this after a hard moment.',
        startDate: '2025-01-06', timeZone: 'America/New_York', recurrence: { kind: 'once' }, createdByMembershipId: byMembershipId,
      })
      .returning();
    const [o] = await tx
      .insert(assignmentOccurrences)
      .values({ practiceId, assignmentId: a!.id, clientId, index: 0, localDate: '2025-01-06', dueAt: new Date('2025-01-07T01:00:00Z'), status: 'due' })
      .returning();
    return o!.id;
  });
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
