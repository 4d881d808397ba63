import 'server-only';
import { and, asc, eq, gte } from 'drizzle-orm';
import { checkins } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { addDays, localDay } from '@/lib/time/day';

export type OwnCheckin = typeof checkins.$inferSelect;

/** The client's own check-in for today (their practice's local day), to prefill the form for editing. */
export async function myCheckinToday(actor: Actor, now: Date = new Date()): Promise<OwnCheckin | null> {
  assertCan(actor, 'checkin.submit');
  const clientId = actor.clientId;
  if (!clientId) return null;
  const day = localDay(now, actor.practice.timeZone);
  return withActor(actor, async (tx) => {
    const [row] = await tx
      .select()
      .from(checkins)
      .where(and(eq(checkins.practiceId, actor.practiceId), eq(checkins.clientId, clientId), eq(checkins.localDay, day)))
      .limit(1);
    return row ?? null;
  });
}

export type CheckinPoint = { localDay: string; mood: number; distress: number; window: 'hypo' | 'within' | 'hyper' };

/** The client's own check-ins of the last `days` local days, oldest first. */
export async function myRecentCheckins(actor: Actor, days = 30, now: Date = new Date()): Promise<CheckinPoint[]> {
  assertCan(actor, 'progress.viewOwn');
  const clientId = actor.clientId;
  if (!clientId) return [];
  const since = addDays(localDay(now, actor.practice.timeZone), -days);
  return withActor(actor, (tx) =>
    tx
      .select({ localDay: checkins.localDay, mood: checkins.mood, distress: checkins.distress, window: checkins.window })
      .from(checkins)
      .where(and(eq(checkins.practiceId, actor.practiceId), eq(checkins.clientId, clientId), gte(checkins.localDay, since)))
      .orderBy(asc(checkins.localDay)),
  );
}

