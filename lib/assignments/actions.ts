'use server';

import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { assignmentOccurrences, assignments, clients } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal, NotFoundRefusal } from '@/lib/access/errors';
import type { Actor } from '@/lib/auth/types';
import { JOURNALING_PROMPT_KEY } from '@/lib/exercises/templates/journaling-prompt';
import { lookupTemplate } from '@/lib/exercises/library';
import { isMeasureKey } from '@/lib/measures/types';
import { localDay, oneYearLater } from '@/lib/time/day';
import { expandOccurrences, recurrenceProblem, type RecurrenceRule } from './recurrence';
import { assignHomeworkInput, updateAssignmentInput } from './schemas';

const INSERT_CHUNK = 1000;
const CLIENT_STATUSES_TAKING_HOMEWORK = new Set(['active', 'paused']);

function refuse(field: string, message: string): never {
  throw new ActionRefusal(message, { [field]: [message] });
}

/**
 * Assigns an exercise or a measure to one or more clients. See `assignHomeworkInput` for the input contract.
 * All or nothing: one assignment per client, every occurrence as a 'due' item, and an audit row per client,
 * in one transaction.
 */
export const assignHomework = defineAction({
  name: 'assignment.create',
  refresh: true,
  permission: 'assignment.create',
  input: assignHomeworkInput,
  run: async ({ actor, input, tx, audit, alsoAudit }) => {
    // Never trust ids from the form: each must be on the actor's own care team (admins included).
    if (!input.clientIds.every((id) => actor.careTeamClientIds.has(id))) {
      refuse('clientIds', 'Every client must be on your care team. Nothing was assigned.');
    }
    const found = await tx
      .select({ id: clients.id, status: clients.status })
      .from(clients)
      .where(and(eq(clients.practiceId, actor.practiceId), inArray(clients.id, input.clientIds)));
    if (found.length !== input.clientIds.length) refuse('clientIds', 'Every client must be on your care team. Nothing was assigned.');
    if (found.some((c) => !CLIENT_STATUSES_TAKING_HOMEWORK.has(c.status))) {
      refuse('clientIds', 'Homework can only be assigned to active or paused clients. Nothing was assigned.');
    }

    let templateVersion: number | null = null;
    if (input.kind === 'measure') {
      if (!isMeasureKey(input.templateKey)) refuse('templateKey', 'Choose one of the measures.');
      if (input.templateVersion !== undefined) refuse('templateVersion', 'Measures have no versions to choose.');
      if (input.promptChoice) refuse('promptChoice', 'A prompt can only be chosen for a journaling exercise.');
    } else {
      const found = await lookupTemplate(tx, actor, input.templateKey, input.templateVersion, 'library');
      if (!found.ok) refuse(found.error === 'unknown_template' ? 'templateKey' : 'templateVersion', found.message);
      if (found.archived) refuse('templateKey', 'That exercise has been archived and can no longer be assigned.');
      if (input.promptChoice && found.template.key !== JOURNALING_PROMPT_KEY) {
        refuse('promptChoice', 'A prompt can only be chosen for a journaling exercise.');
      }
      templateVersion = found.template.version;
    }

    const timeZone = actor.practice.timeZone;
    const occurrences = expandOccurrences(input.recurrence, input.startDate, input.dueTime, timeZone);
    const first = occurrences[0];
    // A past day is the date's fault; today at an hour already gone is the time's.
    const dateField = input.recurrence.kind === 'once' ? 'due date' : 'start date';
    if (input.startDate < localDay(new Date(), timeZone)) refuse('startDate', `That ${dateField} has passed. Choose today or a later day.`);
    if (!first || first.dueAt.getTime() <= Date.now()) {
      refuse('dueTime', `That time has already passed today. Choose a later time or a later ${dateField}.`);
    }

    const rows = input.clientIds.map((clientId) => ({
      practiceId: actor.practiceId,
      id: randomUUID(),
      clientId,
      kind: input.kind,
      templateKey: input.templateKey,
      templateVersion,
      instructions: input.instructions,
      promptChoice: input.promptChoice,
      startDate: input.startDate,
      dueTime: input.dueTime,
      timeZone,
      recurrence: input.recurrence as Record<string, unknown>,
      createdByMembershipId: actor.membershipId,
    }));
    await tx.insert(assignments).values(rows);
    const occurrenceRows = rows.flatMap((a) =>
      occurrences.map((o) => ({
        practiceId: actor.practiceId,
        assignmentId: a.id,
        clientId: a.clientId,
        index: o.index,
        localDate: o.localDate,
        dueAt: o.dueAt,
        status: 'due' as const,
      })),
    );
    for (let i = 0; i < occurrenceRows.length; i += INSERT_CHUNK) {
      await tx.insert(assignmentOccurrences).values(occurrenceRows.slice(i, i + INSERT_CHUNK));
    }

    const meta = {
      kind: input.kind,
      templateKey: input.templateKey,
      templateVersion,
      occurrences: occurrences.length,
      batchSize: rows.length,
    };
    rows.forEach((a, i) => {
      const entry = { entityType: 'assignment', entityId: a.id, clientId: a.clientId, meta };
      if (i === 0) audit(entry);
      else alsoAudit({ action: 'assignment.create', ...entry });
    });
    return { assignmentIds: rows.map((r) => r.id), clientCount: rows.length, occurrenceCount: occurrenceRows.length };
  },
  successMessage: 'Homework assigned.',
});

/** The assignment behind an id from the form, only if its client is on the actor's care team. */
async function manageableAssignment(tx: Tx, actor: Actor, assignmentId: string) {
  const [row] = await tx
    .select()
    .from(assignments)
    .where(and(eq(assignments.practiceId, actor.practiceId), eq(assignments.id, assignmentId)));
  if (!row || !actor.careTeamClientIds.has(row.clientId)) throw new NotFoundRefusal();
  return row;
}

function withEnd(rule: RecurrenceRule, end: z.output<typeof updateAssignmentInput>['end']): RecurrenceRule {
  if (rule.kind === 'once' || !end) return rule;
  return { ...rule, end };
}

/** Input: `{ assignmentId, instructions?, dueTime, end? }`. */
export const updateAssignment = defineAction({
  name: 'assignment.update',
  refresh: true,
  permission: 'assignment.manage',
  input: updateAssignmentInput,
  run: async ({ actor, input, tx, audit }) => {
    const current = await manageableAssignment(tx, actor, input.assignmentId);
    if (current.status !== 'active') throw new ActionRefusal('A cancelled assignment cannot be changed.');
    const rule = withEnd(current.recurrence as unknown as RecurrenceRule, input.end);
    if (input.end && rule.kind === 'once') refuse('end', 'A one-off assignment has no end to change.');
    const problem = recurrenceProblem(rule, current.startDate);
    if (problem) refuse('end', problem);

    const now = Date.now();
    // An open end stays planned as far as the roll-forward job has taken it: a year ahead of today.
    const openUntil = [oneYearLater(current.startDate), oneYearLater(localDay(new Date(now), current.timeZone))].sort().at(-1);
    const planned = expandOccurrences(rule, current.startDate, input.dueTime, current.timeZone, { openUntil });
    const existing = await tx
      .select({ id: assignmentOccurrences.id, index: assignmentOccurrences.index, status: assignmentOccurrences.status, dueAt: assignmentOccurrences.dueAt })
      .from(assignmentOccurrences)
      .where(and(eq(assignmentOccurrences.practiceId, actor.practiceId), eq(assignmentOccurrences.assignmentId, current.id)));
    const byIndex = new Map(existing.map((o) => [o.index, o]));
    const plannedIndexes = new Set(planned.map((o) => o.index));
    let retimed = 0;
    let added = 0;
    let dropped = 0;
    const toInsert: (typeof assignmentOccurrences.$inferInsert)[] = [];
    for (const o of planned) {
      const had = byIndex.get(o.index);
      if (o.dueAt.getTime() <= now) continue;
      if (!had) {
        toInsert.push({ practiceId: actor.practiceId, assignmentId: current.id, clientId: current.clientId, index: o.index, localDate: o.localDate, dueAt: o.dueAt, status: 'due' });
        added += 1;
      } else if (had.status === 'due' && had.dueAt.getTime() > now && had.dueAt.getTime() !== o.dueAt.getTime()) {
        await tx
          .update(assignmentOccurrences)
          .set({ dueAt: o.dueAt, localDate: o.localDate, updatedAt: new Date() })
          .where(and(eq(assignmentOccurrences.practiceId, actor.practiceId), eq(assignmentOccurrences.id, had.id)));
        retimed += 1;
      }
    }
    // A shortened series: items beyond the new end that nobody has started are withdrawn, not deleted.
    const beyond = existing.filter((o) => !plannedIndexes.has(o.index) && o.status === 'due' && o.dueAt.getTime() > now).map((o) => o.id);
    if (beyond.length) {
      await tx
        .update(assignmentOccurrences)
        .set({ status: 'cancelled', updatedAt: new Date() })
        .where(and(eq(assignmentOccurrences.practiceId, actor.practiceId), inArray(assignmentOccurrences.id, beyond)));
      dropped = beyond.length;
    }
    for (let i = 0; i < toInsert.length; i += INSERT_CHUNK) {
      await tx.insert(assignmentOccurrences).values(toInsert.slice(i, i + INSERT_CHUNK));
    }
    await tx
      .update(assignments)
      .set({ instructions: input.instructions, dueTime: input.dueTime, recurrence: rule as Record<string, unknown>, updatedAt: new Date() })
      .where(and(eq(assignments.practiceId, actor.practiceId), eq(assignments.id, current.id)));
    audit({ entityType: 'assignment', entityId: current.id, clientId: current.clientId, meta: { retimed, added, dropped } });
    return { assignmentId: current.id, retimed, added, dropped };
  },
  successMessage: 'Assignment updated.',
});

/** Input: `{ assignmentId }`. Withdraws every item not yet submitted; submitted and reviewed work stays. */
export const cancelAssignment = defineAction({
  name: 'assignment.cancel',
  refresh: true,
  permission: 'assignment.manage',
  input: z.object({ assignmentId: z.uuid({ message: 'That assignment was not found.' }) }),
  run: async ({ actor, input, tx, audit }) => {
    const current = await manageableAssignment(tx, actor, input.assignmentId);
    if (current.status === 'cancelled') throw new ActionRefusal('That assignment is already cancelled.');
    await tx
      .update(assignments)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(and(eq(assignments.practiceId, actor.practiceId), eq(assignments.id, current.id)));
    const withdrawn = await tx
      .update(assignmentOccurrences)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(
        and(
          eq(assignmentOccurrences.practiceId, actor.practiceId),
          eq(assignmentOccurrences.assignmentId, current.id),
          inArray(assignmentOccurrences.status, ['due', 'in_progress']),
        ),
      )
      .returning({ id: assignmentOccurrences.id });
    audit({ entityType: 'assignment', entityId: current.id, clientId: current.clientId, meta: { withdrawn: withdrawn.length } });
    return { assignmentId: current.id, withdrawn: withdrawn.length };
  },
  successMessage: 'Assignment cancelled.',
});

/**
 * Input: `{ occurrenceId }`. Withdraws one due item (it disappears from the portal and from adherence);
 * a missed one can be excused the same way. Submitted work cannot be cancelled.
 */
export const cancelOccurrence = defineAction({
  name: 'assignment.cancelOccurrence',
  refresh: true,
  permission: 'assignment.manage',
  input: z.object({ occurrenceId: z.uuid({ message: 'That item was not found.' }) }),
  run: async ({ actor, input, tx, audit }) => {
    const [row] = await tx
      .select({ id: assignmentOccurrences.id, clientId: assignmentOccurrences.clientId, status: assignmentOccurrences.status, assignmentId: assignmentOccurrences.assignmentId })
      .from(assignmentOccurrences)
      .where(and(eq(assignmentOccurrences.practiceId, actor.practiceId), eq(assignmentOccurrences.id, input.occurrenceId)));
    if (!row || !actor.careTeamClientIds.has(row.clientId)) throw new NotFoundRefusal();
    if (!['due', 'in_progress', 'missed'].includes(row.status)) {
      throw new ActionRefusal(row.status === 'cancelled' ? 'That item is already cancelled.' : 'Submitted work cannot be cancelled.');
    }
    // The status is checked again in the write: a submission arriving meanwhile must not be cancelled.
    const changed = await tx
      .update(assignmentOccurrences)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(
        and(
          eq(assignmentOccurrences.practiceId, actor.practiceId),
          eq(assignmentOccurrences.id, row.id),
          inArray(assignmentOccurrences.status, ['due', 'in_progress', 'missed']),
        ),
      )
      .returning({ id: assignmentOccurrences.id });
    if (!changed.length) throw new ActionRefusal('Submitted work cannot be cancelled.');
    audit({ entityType: 'assignment_occurrence', entityId: row.id, clientId: row.clientId, meta: { assignmentId: row.assignmentId, was: row.status } });
    return { occurrenceId: row.id };
  },
  successMessage: 'Item cancelled.',
});
