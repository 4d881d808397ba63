import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { requireClientActor } from '@/lib/access/guard';
import { loadPortalHome } from '@/lib/clients/portal-home';
import { failPageOnPurpose } from '@/lib/runtime/test-faults';
import { CheckinAndMeasuresSection } from './_sections/checkin-and-measures';
import { HomeworkTodaySection } from './_sections/homework-today';
import { PinnedSafetyPlanSection } from './_sections/pinned-safety-plan';

export const metadata: Metadata = { title: 'Home' };

export default async function PortalHome() {
  const actor = await requireClientActor();
  await failPageOnPurpose();
  // Every section's reads in one transaction (lib/clients/portal-home.ts); the sections receive theirs from it.
  const { team } = await loadPortalHome(actor);
  const firstName = actor.name.split(' ')[0];
  return (
    <>
      <PinnedSafetyPlanSection actor={actor} />
      <PageHeader title={`Hello, ${firstName}`} description="Your space between sessions." />
      <CheckinAndMeasuresSection actor={actor} />
      <HomeworkTodaySection actor={actor} />
      <Card title="Your care team">
        {team.length ? (
          <ul className="space-y-1 text-sm">{team.map((name) => <li key={name}>{name}</li>)}</ul>
        ) : (
          <p className="text-sm text-slate-600">Your practice has not assigned a therapist yet.</p>
        )}
      </Card>
    </>
  );
}
