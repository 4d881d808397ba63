import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { loadPage } from '@/lib/access/scope';
import { practiceCrisisContacts } from '@/lib/alerts/crisis-contacts';
import { myCheckinToday } from '@/lib/checkins/queries';
import { CheckinForm } from './checkin-form';
import { type CheckinValues, EMPTY_CHECKIN } from './values';

export const metadata: Metadata = { title: 'Daily check-in' };

export default async function CheckinPage() {
  const actor = await requirePageActor('checkin.submit');
  const [today, practiceContacts] = await loadPage(actor, () => Promise.all([myCheckinToday(actor), practiceCrisisContacts(actor)]));
  const initial: CheckinValues = today
    ? {
        mood: today.mood,
        distress: today.distress,
        window: today.window,
        sleepHours: today.sleepHours,
        sleepQuality: today.sleepQuality,
        socialContact: (today.socialContact as CheckinValues['socialContact']) ?? null,
        feltConnected: today.feltConnected,
        feltRejected: today.feltRejected,
        selfCare: (today.selfCare ?? []) as CheckinValues['selfCare'],
        note: today.note ?? '',
        safetyThoughts: today.safetyThoughts === null ? null : today.safetyThoughts ? 'yes' : 'no',
      }
    : EMPTY_CHECKIN;
  return (
    <>
      <PageHeader title="Daily check-in" description="How are you today? It takes under a minute." />
      <CheckinForm
        initial={initial}
        editing={today !== null}
        safetyEnabled={actor.practice.safetyQuestionEnabled}
        practiceContacts={practiceContacts}
        // A form posted natively twice (a double tap, a resent page) is saved once.
        postKey={randomUUID()}
      />
    </>
  );
}
