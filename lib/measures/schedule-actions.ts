'use server';

import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { measureSchedules, practices } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal, NotFoundRefusal } from '@/lib/access/errors';
import { canReadClinical } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { MEASURES } from './definitions';
import {
  applyDefaultsInput,
  createScheduleInput,
  endScheduleInput,
  planDefaultSchedules,
  updateScheduleInput,
} from './schedule-rules';
import { localDay } from '@/lib/time/day';

function assertCareTeam(actor: Actor, clientId: string) {
  if (actor.role === 'client' || !canReadClinical(actor, clientId)) throw new NotFoundRefusal();
}

async function activeMeasures(tx: Tx, actor: Actor, clientId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ measure: measureSchedules.measure })
    .from(measureSchedules)
    .where(
      and(
        eq(measureSchedules.practiceId, actor.practiceId),
        eq(measureSchedules.clientId, clientId),
        eq(measureSchedules.active, true),
      ),
    );
  return new Set(rows.map((r) => r.measure));
}

/** The schedule, scoped to the practice and then to the actor's care team; otherwise indistinguishable from none. */
async function ownSchedule(tx: Tx, actor: Actor, scheduleId: string) {
  const [row] = await tx
    .select()
    .from(measureSchedules)
    .where(and(eq(measureSchedules.practiceId, actor.practiceId), eq(measureSchedules.id, scheduleId)))
    .for('update');
  if (!row) throw new NotFoundRefusal();
  assertCareTeam(actor, row.clientId);
  return row;
}

export const createMeasureSchedule = defineAction({
  name: 'measureSchedule.create',
  refresh: true,
  permission: 'measure.schedule',
  input: createScheduleInput,
  run: async ({ actor, input, tx, audit }) => {
    assertCareTeam(actor, input.clientId);
    if ((await activeMeasures(tx, actor, input.clientId)).has(input.measure)) {
      const message = `${MEASURES[input.measure].shortTitle} already has an active schedule for this client: change or end that one.`;
      throw new ActionRefusal(message, { measure: [message] });
    }
    const id = randomUUID();
    await tx.insert(measureSchedules).values({
      practiceId: actor.practiceId,
      id,
      clientId: input.clientId,
      measure: input.measure,
      everyDays: input.everyDays,
      startDate: input.startDate,
      endDate: input.endDate,
      createdByMembershipId: actor.membershipId,
    });
    audit({ entityType: 'measure_schedule', entityId: id, clientId: input.clientId, meta: { measure: input.measure, everyDays: input.everyDays } });
    return { scheduleId: id };
  },
  successMessage: 'Schedule added.',
});

export const updateMeasureSchedule = defineAction({
  name: 'measureSchedule.update',
  refresh: true,
  permission: 'measure.schedule',
  input: updateScheduleInput,
  run: async ({ actor, input, tx, audit }) => {
    const schedule = await ownSchedule(tx, actor, input.scheduleId);
    if (!schedule.active) throw new ActionRefusal('This schedule has ended. Add a new one instead.');
    await tx
      .update(measureSchedules)
      .set({ everyDays: input.everyDays, startDate: input.startDate, endDate: input.endDate })
      .where(and(eq(measureSchedules.practiceId, actor.practiceId), eq(measureSchedules.id, schedule.id)));
    audit({
      entityType: 'measure_schedule',
      entityId: schedule.id,
      clientId: schedule.clientId,
      meta: { measure: schedule.measure, everyDays: input.everyDays },
    });
    return { scheduleId: schedule.id };
  },
  successMessage: 'Schedule updated.',
});

export const endMeasureSchedule = defineAction({
  name: 'measureSchedule.end',
  refresh: true,
  permission: 'measure.schedule',
  input: endScheduleInput,
  run: async ({ actor, input, tx, audit }) => {
    const schedule = await ownSchedule(tx, actor, input.scheduleId);
    if (!schedule.active) throw new ActionRefusal('This schedule has already ended.');
    const today = localDay(new Date(), actor.practice.timeZone);
    // Ends today; an already earlier end stays, and a schedule not yet started ends on its start day.
    const endDate = schedule.endDate && schedule.endDate < today ? schedule.endDate : today < schedule.startDate ? schedule.startDate : today;
    await tx
      .update(measureSchedules)
      .set({ active: false, endDate })
      .where(and(eq(measureSchedules.practiceId, actor.practiceId), eq(measureSchedules.id, schedule.id)));
    audit({ entityType: 'measure_schedule', entityId: schedule.id, clientId: schedule.clientId, meta: { measure: schedule.measure } });
    return { scheduleId: schedule.id };
  },
  successMessage: 'Schedule ended.',
});

export const applyPracticeMeasureDefaults = defineAction({
  name: 'measureSchedule.applyDefaults',
  refresh: true,
  permission: 'measure.schedule',
  input: applyDefaultsInput,
  run: async ({ actor, input, tx, audit }) => {
    assertCareTeam(actor, input.clientId);
    const [practice] = await tx
      .select({ measureDefaults: practices.measureDefaults })
      .from(practices)
      .where(eq(practices.id, actor.practiceId));
    const today = localDay(new Date(), actor.practice.timeZone);
    const planned = planDefaultSchedules(practice?.measureDefaults ?? [], today, await activeMeasures(tx, actor, input.clientId));
    if (!planned.length) throw new ActionRefusal('Every measure in the practice defaults already has an active schedule for this client.');
    await tx.insert(measureSchedules).values(
      planned.map((p) => ({
        practiceId: actor.practiceId,
        id: randomUUID(),
        clientId: input.clientId,
        measure: p.measure,
        everyDays: p.everyDays,
        startDate: p.startDate,
        createdByMembershipId: actor.membershipId,
      })),
    );
    audit({ entityType: 'client', entityId: input.clientId, clientId: input.clientId, meta: { created: planned.length } });
    return { created: planned.length };
  },
  successMessage: 'Practice defaults applied.',
});
