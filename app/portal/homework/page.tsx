import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState, PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { clientHomework } from '@/lib/submissions/queries';
import { HomeworkList } from '../_sections/homework-list';
import { localDay } from '@/lib/time/day';

export const metadata: Metadata = { title: 'Homework' };

export default async function HomeworkTodayPage() {
  const actor = await requirePageActor('submission.write');
  const now = new Date();
  const { revisions, due, missed, upcoming } = await clientHomework(actor, now);
  const tz = actor.practice.timeZone;
  const today = localDay(now, tz);
  const nothing = !revisions.length && !due.length && !missed.length && !upcoming.length;
  return (
    <>
      <PageHeader title="Today" description="Homework from your therapist: what is due now comes first. Finished work moves to your history." />
      {nothing ? (
        <EmptyState title="No homework right now" action={{ href: '/portal/history', label: 'See your history' }}>
          When your therapist gives you an exercise, it will appear here.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {revisions.length ? (
            <section aria-labelledby="revise-heading" className="space-y-2">
              <h2 id="revise-heading" className="text-base font-semibold text-slate-900">Your therapist asked you to take another look</h2>
              <HomeworkList items={revisions} timeZone={tz} today={today} label="Asked to revise" />
            </section>
          ) : null}
          <section aria-labelledby="due-heading" className="space-y-2">
            <h2 id="due-heading" className="text-base font-semibold text-slate-900">Due now</h2>
            {due.length ? (
              <HomeworkList items={due} timeZone={tz} today={today} label="Due now" />
            ) : (
              <EmptyState title="Nothing is due today." />
            )}
          </section>
          {missed.length ? (
            <section aria-labelledby="missed-heading" className="space-y-2" data-testid="missed-homework">
              <h2 id="missed-heading" className="text-base font-semibold text-slate-900">Went by without being sent</h2>
              <p className="text-sm text-slate-600">
                That happens, and it is okay. Open one if doing it would still help, or set it aside so it stops waiting for you. Your therapist sees
                what you set aside, and any reason you give.
              </p>
              <HomeworkList items={missed} timeZone={tz} today={today} label="Went by without being sent" />
            </section>
          ) : null}
          {upcoming.length ? (
            <section aria-labelledby="upcoming-heading" className="space-y-2">
              <h2 id="upcoming-heading" className="text-base font-semibold text-slate-900">Coming up this week</h2>
              <HomeworkList items={upcoming} timeZone={tz} today={today} label="Coming up" />
            </section>
          ) : null}
          <p className="text-sm">
            <Link href="/portal/history" className="font-medium text-brand-800 underline">
              Your finished homework and your therapist&apos;s comments
            </Link>
          </p>
        </div>
      )}
    </>
  );
}
