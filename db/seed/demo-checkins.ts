import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type AlertDraft, alertsForChange, alertsForCheckin, alertsForPhq9 } from '../../lib/alerts/triggers';
import { SELF_CARE_OPTIONS, SOCIAL_CONTACT_OPTIONS } from '../../lib/checkins/rules';
import { administrationScoreFields, scoreMeasure } from '../../lib/measures/scoring';
import type { MeasureKey } from '../../lib/measures/types';
import type { DatabaseHandle, Tx } from '../connection';
import { alerts, checkins, measureAdministrations, measureSchedules, practices } from '../schema';
import type { DemoData } from './demo';
import { ownerScoped } from './factories';
import { addDays, localDay } from '../../lib/time/day';

/**
 * 90 days of check-ins and measures for Northside's clients, so every screen has something true-looking to
 * show: most improve, some plateau, some get worse, one (a client of Dana's, not the demo login) has recent
 * PHQ-9 item-9 answers with open alerts, and a few stopped checking in 10+ days ago. Answers are generated and
 * then scored by lib/measures exactly as a real submission is; alerts come from the real trigger rules.
 */

type Course = 'improving' | 'plateau' | 'deteriorating' | 'at_risk';
const AT_RISK_INDEX = 3;
const STOPPED: Readonly<Record<number, number>> = { 7: 11, 14: 13, 22: 16 };
const HISTORY_DAYS = 89;
const ACKNOWLEDGED_AFTER_DAYS = 5;

/** Every third client has not yet done this fortnight's PHQ-9 and GAD-7, so their portal shows something due. */
function skipsCurrent(index: number, everyDays: number): boolean {
  return index % 3 === 0 && everyDays <= 14;
}

function courseOf(index: number): Course {
  if (index === AT_RISK_INDEX) return 'at_risk';
  const r = index % 5;
  return r === 3 ? 'plateau' : r === 4 ? 'deteriorating' : 'improving';
}

/** Deterministic per client, so a reseed tells the same story. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** How unwell the client is on a day (0 well … 1 very unwell), `progress` running 0 → 1 over their history. */
function severity(course: Course, progress: number, offset: number): number {
  const base =
    course === 'improving' ? 0.72 - 0.5 * progress : course === 'plateau' ? 0.55 : course === 'deteriorating' ? 0.38 + 0.35 * progress : 0.5 + 0.45 * progress;
  return clamp(base + offset, 0.02, 0.98);
}

/** Spreads `total` over `n` items scored lo…hi, unevenly the way real answers are. */
function spread(total: number, n: number, lo: number, hi: number, rand: () => number): number[] {
  const target = clamp(Math.round(total), n * lo, n * hi);
  const items = Array.from({ length: n }, () => lo);
  let left = target - n * lo;
  while (left > 0) {
    const i = Math.floor(rand() * n);
    if (items[i]! < hi) {
      items[i]! += 1;
      left -= 1;
    }
  }
  return items;
}

function answersFor(key: MeasureKey, s: number, rand: () => number, item9?: number): Record<string, number> {
  const noise = () => (rand() - 0.5) * 3;
  const out: Record<string, number> = {};
  switch (key) {
    case 'phq9': {
      spread(s * 24 + noise(), 8, 0, 3, rand).forEach((v, i) => (out[`q${i + 1}`] = v));
      out.q9 = item9 ?? 0;
      out.difficulty = clamp(Math.round(s * 3 + (rand() - 0.5)), 0, 3);
      break;
    }
    case 'gad7':
      spread(s * 21 + noise(), 7, 0, 3, rand).forEach((v, i) => (out[`q${i + 1}`] = v));
      break;
    case 'who5':
      spread((1 - s) * 25 + noise(), 5, 0, 5, rand).forEach((v, i) => (out[`q${i + 1}`] = v));
      break;
    case 'arsq':
      for (let n = 1; n <= 9; n++) {
        out[`q${n}a`] = clamp(Math.round(1.5 + 4 * s + (rand() - 0.5) * 2), 1, 6);
        out[`q${n}b`] = clamp(Math.round(5.5 - 4 * s + (rand() - 0.5) * 2), 1, 6);
      }
      break;
    case 'scssf':
      for (let n = 1; n <= 12; n++) {
        const kindness = clamp(Math.round(4.3 - 2.8 * s + (rand() - 0.5) * 1.5), 1, 5);
        // Items 1, 4, 8, 9, 11 and 12 are worded the other way round; scoring reverses them back.
        out[`q${n}`] = [1, 4, 8, 9, 11, 12].includes(n) ? 6 - kindness : kindness;
      }
      break;
  }
  return out;
}

const NOTES = [
  'Long day at work, tired but okay.',
  'Saw a friend for coffee, felt lighter afterwards.',
  'Kept replaying a conversation from yesterday.',
  'Went for a walk at lunch.',
  'Hard evening. Used the grounding exercise.',
  'Slept badly, everything felt heavier.',
];

async function insertChunked<T>(handle: DatabaseHandle, practiceId: string, rows: T[], insert: (tx: Tx, chunk: T[]) => Promise<unknown>) {
  const owner = await handle.owner();
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    await ownerScoped(owner, practiceId, (tx) => insert(tx, chunk));
  }
}

type AlertRow = typeof alerts.$inferInsert;

export async function seedCheckinsAndMeasures(handle: DatabaseHandle, demo: DemoData): Promise<void> {
  const practice = demo.northside;
  const practiceId = practice.id;
  const owner = await handle.owner();
  const [settings] = await ownerScoped(owner, practiceId, (tx) =>
    tx.select({ timeZone: practices.timeZone, defaults: practices.measureDefaults }).from(practices).where(eq(practices.id, practiceId)),
  );
  const timeZone = settings?.timeZone ?? 'America/New_York';
  const defaults = (settings?.defaults ?? []).filter((d): d is { measure: MeasureKey; everyDays: number; atIntake: boolean } =>
    ['phq9', 'gad7', 'who5', 'arsq', 'scssf'].includes(d.measure),
  );
  const today = localDay(new Date(), timeZone);

  const checkinRows: (typeof checkins.$inferInsert)[] = [];
  const measureRows: (typeof measureAdministrations.$inferInsert)[] = [];
  const scheduleRows: (typeof measureSchedules.$inferInsert)[] = [];
  const alertRows: AlertRow[] = [];

  practice.clients.forEach((client, index) => {
    const rand = rng(1000 + index);
    const course = courseOf(index);
    const therapist = practice.therapists[index % practice.therapists.length]!;
    const intakeDaysAgo = 120 - index * 3;
    const start = Math.min(HISTORY_DAYS, intakeDaysAgo);
    const stoppedAt = STOPPED[index] ?? 0;
    const offset = (rand() - 0.5) * 0.2;
    const sev = (daysAgo: number) => severity(course, (start - daysAgo) / start, offset);
    const clientId = client.clientId;

    // Alerts as the trigger rules would have raised them, acknowledged by the therapist unless recent.
    const raise = (drafts: AlertDraft[], sourceType: AlertRow['sourceType'], sourceId: string, at: Date) => {
      for (const draft of drafts) {
        const stillOpen = alertRows.some(
          (a) => a.clientId === clientId && a.kind === draft.kind && (a.acknowledgedAt == null || (a.acknowledgedAt as Date) > at),
        );
        // Streaks and deteriorations that run on while their alert is open are the same concern.
        if (stillOpen && (draft.kind === 'checkin_distress_streak' || draft.kind.endsWith('_reliable_deterioration'))) continue;
        const old = Date.now() - at.getTime() > (course === 'at_risk' ? 10 : ACKNOWLEDGED_AFTER_DAYS) * 86_400_000;
        alertRows.push({
          practiceId,
          clientId,
          kind: draft.kind,
          tier: draft.tier,
          reason: `${draft.title} (${draft.matched.join('; ')})`,
          sourceType,
          sourceId,
          raisedAt: at,
          acknowledgedAt: old ? new Date(at.getTime() + 20 * 3_600_000) : null,
          acknowledgedByMembershipId: old ? therapist.membershipId : null,
          acknowledgementAction: old ? (draft.tier === 'urgent' ? 'contacted_client' : 'scheduled_session') : null,
        });
      }
    };

    // Measures: from the first day of the history, each on its practice-default interval.
    const startDay = addDays(today, -start);
    const baselines = new Map<MeasureKey, number>();
    const phqDays: number[] = [];
    for (const d of defaults) {
      scheduleRows.push({ practiceId, clientId, measure: d.measure, everyDays: d.everyDays, startDate: startDay, createdByMembershipId: therapist.membershipId });
      const currentPeriodStart = start % d.everyDays;
      for (let daysAgo = start; daysAgo >= 1; daysAgo -= d.everyDays) {
        if (daysAgo < stoppedAt) break;
        if (skipsCurrent(index, d.everyDays) && daysAgo === currentPeriodStart) continue;
        if (d.measure === 'phq9') phqDays.push(daysAgo);
      }
    }
    if (course === 'at_risk' && phqDays[phqDays.length - 1] !== 2) phqDays.push(2);

    const events: { daysAgo: number; key: MeasureKey }[] = [];
    for (const d of defaults) {
      if (d.measure === 'phq9') continue;
      for (let daysAgo = start; daysAgo >= 1; daysAgo -= d.everyDays) {
        if (daysAgo < stoppedAt) break;
        if (skipsCurrent(index, d.everyDays) && daysAgo === start % d.everyDays) continue;
        events.push({ daysAgo, key: d.measure });
      }
    }
    for (const daysAgo of phqDays) events.push({ daysAgo, key: 'phq9' });
    events.sort((a, b) => b.daysAgo - a.daysAgo);
    const lastTwoPhq = phqDays.slice(-2);

    for (const { daysAgo, key } of events) {
      const day = addDays(today, -daysAgo);
      const at = new Date(`${day}T17:00:00Z`);
      const item9 = course === 'at_risk' && key === 'phq9' && lastTwoPhq.includes(daysAgo) ? (daysAgo === lastTwoPhq[1] ? 2 : 1) : undefined;
      const answers = answersFor(key, sev(daysAgo), rand, item9);
      const result = scoreMeasure(key, answers);
      const id = randomUUID();
      measureRows.push({
        practiceId,
        id,
        clientId,
        measure: key,
        answers,
        ...administrationScoreFields(result),
        submissionKey: `demo-${id}`,
        completedAt: at,
      });
      if (!result.complete) continue;
      if (key === 'phq9') raise(alertsForPhq9(answers, result.score), 'measure', id, at);
      const baseline = baselines.get(key);
      if (baseline === undefined) baselines.set(key, result.score);
      else raise(alertsForChange(key, baseline, result.score), 'change', id, at);
    }

    // Check-ins: most days, fewer for those who are struggling, none after a client stopped.
    const recent: { localDay: string; distress: number }[] = [];
    for (let daysAgo = start; daysAgo >= 1; daysAgo--) {
      if (daysAgo < stoppedAt) break;
      const s = sev(daysAgo);
      if (rand() < 0.15 + 0.2 * s && !(course === 'at_risk' && daysAgo <= 4)) continue;
      const day = addDays(today, -daysAgo);
      const noise = () => (rand() - 0.5) * 2;
      const mood = clamp(Math.round(10 * (1 - s) + noise() * 1.5), 0, 10);
      const distress = clamp(Math.round((100 * s + noise() * 15) / 10) * 10, 0, 100);
      const window = s > 0.62 ? (rand() < 0.5 ? 'hyper' : 'hypo') : s < 0.42 || rand() < 0.5 ? 'within' : rand() < 0.5 ? 'hyper' : 'hypo';
      const safetyThoughts = course === 'at_risk' && daysAgo === 1 ? true : rand() < 0.1 ? null : false;
      const id = randomUUID();
      const at = new Date(`${day}T23:30:00Z`);
      checkinRows.push({
        practiceId,
        id,
        clientId,
        localDay: day,
        mood,
        distress,
        window,
        sleepHours: rand() < 0.8 ? clamp(Math.round((8.2 - 3 * s + noise()) * 2) / 2, 0, 14) : null,
        sleepQuality: rand() < 0.8 ? clamp(Math.round(4 - 3.5 * s + noise() * 0.8), 0, 4) : null,
        socialContact: rand() < 0.7 ? SOCIAL_CONTACT_OPTIONS[clamp(Math.floor((1 - s) * 4 + noise() * 0.7), 0, 3)]! : null,
        feltConnected: rand() < 0.7 ? clamp(Math.round(9 * (1 - s) + noise()), 0, 10) : null,
        feltRejected: rand() < 0.7 ? clamp(Math.round(9 * s + noise()), 0, 10) : null,
        selfCare: SELF_CARE_OPTIONS.filter(() => rand() < 0.45 - 0.3 * s),
        note: rand() < 0.12 ? NOTES[Math.floor(rand() * NOTES.length)]! : null,
        safetyThoughts,
        createdAt: at,
        updatedAt: at,
      });
      raise(alertsForCheckin({ localDay: day, distress, safetyThoughts }, recent), 'checkin', id, at);
      recent.push({ localDay: day, distress });
    }
  });

  await insertChunked(handle, practiceId, scheduleRows, (tx, chunk) => tx.insert(measureSchedules).values(chunk));
  await insertChunked(handle, practiceId, checkinRows, (tx, chunk) => tx.insert(checkins).values(chunk));
  await insertChunked(handle, practiceId, measureRows, (tx, chunk) => tx.insert(measureAdministrations).values(chunk));
  await insertChunked(handle, practiceId, alertRows, (tx, chunk) => tx.insert(alerts).values(chunk));
}
