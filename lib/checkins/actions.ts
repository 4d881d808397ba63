'use server';

import { and, desc, eq, lt } from 'drizzle-orm';
import { inSequence } from '@/db/prepared';
import { checkinRevisions, checkins } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal } from '@/lib/access/errors';
import { openAlertKinds, raiseAlerts } from '@/lib/alerts/raise';
import { alertsForCheckin, highestTier, withoutOpenKinds } from '@/lib/alerts/triggers';
import { OUR_RULES } from '@/lib/measures/rules';
import { checkinFormInput } from './input';
import { localDay } from '@/lib/time/day';

/**
 * The client's daily check-in. One per client per local day in the practice's time zone: a second one the same
 * day updates the first and keeps the earlier state in checkin_revisions. Alerts are raised in the same
 * transaction as the answer, and the result says whether the crisis panel should show.
 */
export const submitCheckin = defineAction({
  name: 'checkin.submit',
  permission: 'checkin.submit',
  input: checkinFormInput,
  run: async ({ actor, input, tx, audit }) => {
    const clientId = actor.clientId;
    if (!clientId) throw new ActionRefusal('Only a client can check in, for themselves.');
    const practiceId = actor.practiceId;
    const day = localDay(new Date(), actor.practice.timeZone);
    // A practice that has not turned the safety question on never stores an answer to it.
    const safetyThoughts = actor.practice.safetyQuestionEnabled ? (input.safetyThoughts ?? null) : null;
    const fields = {
      mood: input.mood,
      distress: input.distress,
      window: input.window,
      sleepHours: input.sleepHours ?? null,
      sleepQuality: input.sleepQuality ?? null,
      socialContact: input.socialContact ?? null,
      feltConnected: input.feltConnected ?? null,
      feltRejected: input.feltRejected ?? null,
      selfCare: input.selfCare ?? [],
      note: input.note ?? null,
      safetyThoughts,
    };

    const todays = () =>
      tx
        .select()
        .from(checkins)
        .where(and(eq(checkins.practiceId, practiceId), eq(checkins.clientId, clientId), eq(checkins.localDay, day)))
        .for('update')
        .limit(1)
        .then((rows) => rows[0]);

    // The days before today for the distress streak do not depend on today's row: read with the write they
    // follow (one round trip on postgres.js, the same statements in the same order).
    const recentDays = () =>
      tx
        .select({ localDay: checkins.localDay, distress: checkins.distress, safetyThoughts: checkins.safetyThoughts })
        .from(checkins)
        .where(and(eq(checkins.practiceId, practiceId), eq(checkins.clientId, clientId), lt(checkins.localDay, day)))
        .orderBy(desc(checkins.localDay))
        .limit(OUR_RULES.distressStreak.consecutive - 1);

    let existing = await todays();
    let checkinId: string;
    let revision: number;
    let recent: Awaited<ReturnType<typeof recentDays>> = [];
    if (!existing) {
      // Two submits racing on the first check-in of the day: the loser falls through to the update path.
      const [[inserted], recentRows] = await inSequence(
        tx,
        () =>
          tx
            .insert(checkins)
            .values({ practiceId, clientId, localDay: day, ...fields })
            .onConflictDoNothing({ target: [checkins.practiceId, checkins.clientId, checkins.localDay] })
            .returning({ id: checkins.id }),
        recentDays,
      );
      if (inserted) {
        checkinId = inserted.id;
        revision = 1;
        recent = recentRows;
      } else {
        existing = await todays();
        if (!existing) throw new Error('check-in vanished during update');
      }
    }
    if (existing) {
      const { practiceId: _p, id, clientId: _c, revision: earlier, ...snapshot } = existing;
      [, , recent] = await inSequence(
        tx,
        () => tx.insert(checkinRevisions).values({ practiceId, checkinId: id, clientId, revision: earlier, snapshot }),
        () =>
          tx
            .update(checkins)
            .set({ ...fields, revision: earlier + 1, updatedAt: new Date() })
            .where(and(eq(checkins.practiceId, practiceId), eq(checkins.id, id))),
        recentDays,
      );
      checkinId = id;
      revision = earlier + 1;
    }

    const triggered = alertsForCheckin({ localDay: day, distress: fields.distress, safetyThoughts }, recent);
    // A streak that is still running while its alert is unacknowledged is the same concern, not a new one. Only a
    // streak needs the open alerts read (no other kind a check-in raises is held back by them).
    const open = triggered.some((a) => a.kind === 'checkin_distress_streak')
      ? await openAlertKinds(tx, practiceId, clientId, ['checkin_distress_streak'])
      : [];
    await raiseAlerts(tx, actor, {
      clientId,
      sourceType: 'checkin',
      sourceId: checkinId!,
      drafts: withoutOpenKinds(triggered, open),
    });

    audit({ entityType: 'checkin', entityId: checkinId!, clientId, meta: { revision: revision! } });
    return {
      checkinId: checkinId!,
      localDay: day,
      revision: revision!,
      updated: revision! > 1,
      crisis: triggered.length > 0,
      tier: highestTier(triggered),
    };
  },
});
