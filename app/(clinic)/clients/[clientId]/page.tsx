import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ButtonLink, Skeleton } from '@/app/_components/design';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/lib/access/guard';
import { can } from '@/lib/access/permissions';
import type { Actor } from '@/lib/auth/types';
import type { ClientListItem } from '@/lib/clients/queries';
import { loadClientRecord, recordReminders } from '@/lib/clients/record-page';
import { parseOverviewRange } from '@/lib/measures/overview';
import { ClientAlertsSection } from './alerts-section';
import { HomeworkSection } from './homework-section';
import { ClinicalSummarySection } from './overview-section';
import { RecordDetails } from './record-details';
import { RecordHeader } from './record-header';
import { MeasureSchedulesSection } from './schedules-section';
import { parseSection, visibleSections } from './sections';
import { ClientSubmissionsSection } from './submissions-section';
import { CheckinTrendsSection, MeasureTrendsSection } from './trend-sections';

export const metadata: Metadata = { title: 'Client' };

/**
 * The client record: a sticky header (who, status, latest scores, open alerts) over one section at a time.
 * The section is in the URL (`?tab=`), and only the chosen section's data is read.
 */
export default async function ClientPage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { clientId } = await params;
  const query = await searchParams;
  const actor = await requirePageActor('client.viewRecord');
  // Clinical sections, care team only (docs/clinical.md §6): the header's onMyCareTeam, known before reading.
  const clinical = actor.careTeamClientIds.has(clientId) && can(actor.role, 'client.viewClinical');
  const sections = visibleSections(clinical);
  const section = parseSection(query.tab, sections);
  const range = parseOverviewRange(query.range);
  // The header, the headline and the chosen section's data in one transaction (lib/clients/record-page.ts).
  const { client, headline } = await loadClientRecord(actor, clientId, section, range, clinical);
  if (!client) notFound();
  const report =
    client.onMyCareTeam && can(actor.role, 'client.export') ? (
      <ButtonLink href={`/clients/${client.id}/report`} variant="secondary" size="sm">
        Progress report and data
      </ButtonLink>
    ) : undefined;

  return (
    <>
      <RecordHeader client={client} headline={headline} sections={sections} section={section} actions={report} />
      {/* The header shows at once; the chosen section streams in below it. */}
      <Suspense key={`${section}:${range}`} fallback={<Skeleton label="Loading this section…" className="p-2" />}>
        <div className="space-y-6" data-testid={`record-section-${section}`}>
          {section === 'overview' ? (
            <>
              <OverviewDetails actor={actor} client={client} />
              {clinical ? <ClinicalSummarySection actor={actor} clientId={client.id} /> : null}
            </>
          ) : null}
          {section === 'measures' ? <MeasureTrendsSection actor={actor} clientId={client.id} range={range} /> : null}
          {section === 'checkins' ? <CheckinTrendsSection actor={actor} clientId={client.id} range={range} /> : null}
          {section === 'homework' ? (
            <>
              <HomeworkSection clientId={client.id} />
              <ClientSubmissionsSection actor={actor} clientId={client.id} />
            </>
          ) : null}
          {section === 'alerts' ? (
            <ClientAlertsSection
              actor={actor}
              clientId={client.id}
              clientName={client.name}
              selected={typeof query.alert === 'string' ? query.alert : null}
            />
          ) : null}
          {section === 'schedules' ? <MeasureSchedulesSection actor={actor} clientId={client.id} /> : null}
        </div>
      </Suspense>
    </>
  );
}

async function OverviewDetails({ actor, client }: { actor: Actor; client: ClientListItem }) {
  return <RecordDetails client={client} reminders={await recordReminders(actor, client.id)} />;
}
